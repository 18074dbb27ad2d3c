import { z } from 'zod';
import { eventEvents } from '@eventonight/contracts';
import { opaqueId, requiredText } from '@eventonight/platform';
import { eventView } from './schemas.js';

/** Discovery's request and response shapes (ADR 0040). */

const coordinate = (min: number, max: number) => z.coerce.number().min(min).max(max);

export const nearQuery = z
  .strictObject({
    lat: coordinate(-90, 90).optional(),
    lng: coordinate(-180, 180).optional(),
    city: requiredText(120).optional(),
    radiusKm: z.coerce.number().min(0.1).max(500).default(25),
    sort: z.enum(['distance', 'date', 'popularity']).default('distance'),
    category: eventEvents.eventCategory.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((query) => (query.lat === undefined) === (query.lng === undefined), { error: 'lat and lng go together', path: ['lng'] })
  .refine((query) => (query.lat !== undefined) !== (query.city !== undefined), { error: 'give either lat and lng, or city', path: ['city'] });

/** A geohash cell's events as near me keeps them in the catalogue cache: where, when, and the event as shown. */
export const nearCell = z.array(z.object({ eventId: z.string(), lat: z.number(), lng: z.number(), startsAt: z.string(), view: eventView }));

export const feedQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(20) });

export const discoveredItem = z.object({
  event: eventView,
  /** km from the searched point; null outside a radius search. */
  distanceKm: z.number().nullable(),
  likes: z.int(),
  participants: z.int(),
  /** Why it is suggested ("Because you follow X", "3 people you follow are going", "Music · Near Berlin"). */
  reason: z.string().nullable(),
});

export const nearResult = z.object({ center: z.object({ lat: z.number(), lng: z.number() }), items: z.array(discoveredItem) });
export const feedResult = z.object({ items: z.array(discoveredItem) });

export const eventIdOnly = z.strictObject({ eventId: opaqueId('is not an event id') });
export const followedGoingView = z.object({ count: z.int(), names: z.array(z.string()) });
