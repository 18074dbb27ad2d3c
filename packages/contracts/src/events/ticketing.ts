import { z } from 'zod';
import { defineEvent, id, isoDate, money } from '../catalogue-kit.js';
import { eventPlace } from './event.js';

const order = z.object({
  orderId: id,
  eventId: id,
  tierId: id,
  buyerId: id,
  quantity: z.number().int().min(1).max(10),
});

export const orderCreated = defineEvent('ticketing.order.created', 1, order.extend({ total: money }));
export const ticketPurchased = defineEvent(
  'ticketing.ticket.purchased',
  1,
  order.extend({ organizerId: id, ticketIds: z.array(id).min(1).max(10), total: money }),
);
/**
 * What the buyer's order confirmation mail says, for the mail sender only: the door codes (each
 * ticket's QR code) and the event as ticketing knows it when the order is paid. Published with
 * `ticketing.ticket.purchased` in the same write; no other service binds it (codes are secrets).
 * `venue` and `eventVersion` (the event's version ticketing's copy was built from: the calendar
 * entry's SEQUENCE) came later, optional so confirmations published before them stay valid.
 */
export const orderConfirmed = defineEvent(
  'ticketing.order.confirmed',
  1,
  order.extend({
    eventTitle: z.string().min(1).max(200),
    startsAt: isoDate,
    endsAt: isoDate,
    tierName: z.string().max(80),
    tickets: z.array(z.object({ ticketId: id, code: z.string().min(1).max(200) })).min(1).max(10),
    total: money,
    venue: eventPlace.optional(),
    eventVersion: z.number().int().nonnegative().optional(),
  }),
);
export const ticketValidated = defineEvent(
  'ticketing.ticket.validated',
  1,
  z.object({ ticketId: id, eventId: id, holderId: id, validatedBy: id }),
);
export const orderExpired = defineEvent('ticketing.order.expired', 1, order);
export const orderRefunded = defineEvent(
  'ticketing.order.refunded',
  1,
  // organizerId came later: optional, so refunds published before it still parse as v1.
  order.extend({ refunded: money, organizerId: id.optional() }),
);

/**
 * Issue 29: the first member in line on a tier's waiting list got an exclusive, time-limited offer
 * (seats held in their name until `expiresAt`). The notification service tells them (push + mail).
 */
export const waitlistOffered = defineEvent(
  'ticketing.waitlist.offered',
  1,
  z.object({
    eventId: id,
    tierId: id,
    userId: id,
    entryId: id,
    quantity: z.number().int().min(1).max(10),
    expiresAt: isoDate,
    eventTitle: z.string().min(1).max(200),
    tierName: z.string().max(80),
  }),
);
/** A member gave a ticket to another member: a new door code for the recipient, the old one is dead. */
export const ticketTransferred = defineEvent(
  'ticketing.ticket.transferred',
  1,
  z.object({ ticketId: id, eventId: id, tierId: id, fromId: id, toId: id, eventTitle: z.string().min(1).max(200) }),
);
/** A tier's capacity or sales changed after publication (ticketing owns these, ADR 0039). */
export const tierChanged = defineEvent(
  'ticketing.tier.changed',
  1,
  z.object({
    eventId: id,
    tierId: id,
    name: z.string().min(1).max(80),
    capacity: z.number().int().nonnegative(),
    salesClosed: z.boolean(),
    added: z.boolean(),
    priceMinor: z.number().int().nonnegative().optional(),
    currency: z.string().regex(/^[a-z]{3}$/).optional(),
  }),
);
