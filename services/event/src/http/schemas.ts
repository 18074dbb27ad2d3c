import { z } from 'zod';
import { eventEvents } from '@eventonight/contracts';
import { cursorParam, pageLimitParam } from '@eventonight/platform';
import { decodeCursor } from '../persistence/cursor.js';

/** Request and response shapes of the event API; every object is strict, every string bounded. */

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' });
const mediaId = z.string().min(1).max(128);
const currency = z.string().regex(/^[a-z]{3}$/, 'must be 3 lower-case letters (ISO 4217)');

const geoPoint = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

export const venueInput = z.strictObject({
  name: text(1, 200),
  address: text(1, 300),
  city: text(1, 120),
  location: geoPoint.nullable().optional(),
});

const tierFields = {
  name: text(1, 80),
  priceMinor: z.int().min(0).max(100_000_000),
  currency,
  quantity: z.int().min(1).max(1_000_000),
};
const tierCreate = z.strictObject(tierFields);
/** On PATCH a tier may name an existing tierId to keep it; tiers without one get a new id. */
const tierPatch = z.strictObject({ tierId: z.string().min(1).max(128).optional(), ...tierFields });

const tags = z.array(text(1, 32)).max(10);

export const createEventBody = z.strictObject({
  title: text(1, 200),
  description: text(1, 5_000),
  category: eventEvents.eventCategory,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  venue: venueInput,
  coverMediaId: mediaId.nullable().optional(),
  capacityHint: z.int().min(1).max(10_000_000).nullable().optional(),
  tiers: z.array(tierCreate).max(20).default([]),
  tags: tags.default([]),
});

export const updateEventBody = z
  .strictObject({
    title: text(1, 200).optional(),
    description: text(1, 5_000).optional(),
    category: eventEvents.eventCategory.optional(),
    startsAt: isoDateTime.optional(),
    endsAt: isoDateTime.optional(),
    venue: venueInput.optional(),
    coverMediaId: mediaId.nullable().optional(),
    capacityHint: z.int().min(1).max(10_000_000).nullable().optional(),
    tiers: z.array(tierPatch).max(20).optional(),
    tags: tags.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'must change at least one field' });

export const cancelEventBody = z.strictObject({ reason: text(1, 500).optional() }).optional();

export const eventIdParams = z.strictObject({ eventId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not an event id') });

/** `If-Match: "<version>"` pins the version a command applies to; `*` or no header = current. */
export const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .max(100)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '*') return undefined;
      const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(value);
      if (match?.[1] === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be an ETag of this API, e.g. "3"' });
        return z.NEVER;
      }
      return Number(match[1]);
    }),
});

const cursor = cursorParam(decodeCursor, 400);

const limit = pageLimitParam;

export const listEventsQuery = z
  .strictObject({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    category: eventEvents.eventCategory.optional(),
    city: text(1, 120).optional(),
    organizerId: z.string().min(1).max(128).optional(),
    q: text(1, 100).optional(),
    cursor: cursor.optional(),
    limit: limit.optional(),
  })
  .refine((query) => query.from === undefined || query.to === undefined || Date.parse(query.from) < Date.parse(query.to), {
    error: 'must be after from',
    path: ['to'],
  });

export const myEventsQuery = z.strictObject({
  status: eventEvents.eventStatus.optional(),
  cursor: cursor.optional(),
  limit: limit.optional(),
});

export const eventView = z.object({
  eventId: z.string(),
  organizerId: z.string(),
  title: z.string(),
  description: z.string(),
  category: eventEvents.eventCategory,
  status: eventEvents.eventStatus,
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.object({
    name: z.string(),
    address: z.string(),
    city: z.string(),
    location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  }),
  coverMediaId: z.string().nullable(),
  capacityHint: z.number().nullable(),
  tiers: z.array(eventEvents.ticketTier),
  tags: z.array(z.string()),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  completedAt: z.string().nullable(),
});

export const eventList = z.object({ items: z.array(eventView), nextCursor: z.string().nullable() });

export type EventView = z.infer<typeof eventView>;
