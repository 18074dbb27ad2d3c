import { z } from 'zod';
import { currency, defineEvent, id, isoDate } from '../catalogue-kit.js';

export const eventCategory = z.enum([
  'music',
  'sport',
  'art',
  'theatre',
  'food',
  'tech',
  'education',
  'community',
  'nightlife',
  'other',
]);

export const eventStatus = z.enum(['draft', 'published', 'cancelled', 'completed']);

export const ticketTier = z.object({
  tierId: id,
  name: z.string().min(1).max(80),
  priceMinor: z.number().int().nonnegative(),
  currency,
  quantity: z.number().int().positive().max(1_000_000),
});

/** Where an event takes place, as a person reads it in a message about a move. */
export const eventPlace = z.object({
  name: z.string().max(200),
  address: z.string().max(300),
  city: z.string().max(120),
});

/**
 * What other services copy about an event. `venue` came later (ticketing's calendar feed shows
 * it): optional, so snapshots published before it stay valid and read as "place unknown".
 */
export const eventSnapshot = z.object({
  eventId: id,
  organizerId: id,
  title: z.string().min(1).max(200),
  category: eventCategory,
  startsAt: isoDate,
  endsAt: isoDate,
  city: z.string().max(120).nullable(),
  coverMediaId: id.nullable(),
  status: eventStatus,
  venue: eventPlace.optional(),
});

export const eventCreated = defineEvent('event.created', 1, eventSnapshot);
/**
 * An edit. `rescheduled` and `relocated` say what a ticket holder must hear about (the time or the
 * place moved) and what it was before; both optional, so messages written before they existed stay
 * valid and read as "no such change".
 */
export const eventUpdated = defineEvent(
  'event.updated',
  1,
  eventSnapshot.extend({
    rescheduled: z.object({ previousStartsAt: isoDate, previousEndsAt: isoDate }).optional(),
    relocated: z.object({ previous: eventPlace, current: eventPlace }).optional(),
  }),
);
export const eventPublished = defineEvent(
  'event.published',
  1,
  eventSnapshot.extend({ tiers: z.array(ticketTier).max(20) }),
);
export const eventCancelled = defineEvent(
  'event.cancelled',
  1,
  eventSnapshot.extend({ reason: z.string().max(500).nullable() }),
);
export const eventCompleted = defineEvent('event.completed', 1, eventSnapshot);
