import { z } from 'zod';
import { eventEvents } from '@eventonight/contracts';
import { cursorParam, opaqueId, pageLimitParam, requiredText } from '@eventonight/platform';
import { decodeCursor } from '../persistence/cursor.js';

/**
 * Request and response shapes of the event API; every object is strict, every string bounded.
 * Everything JSON Schema can state is a zod check here, so the document says it and a request
 * breaking it is a 400; only rules between fields or against stored state are left to 422.
 */

const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' });
/** Ids this platform issues (UUIDs, Keycloak subjects): ASCII, so their length means the same to every reader. */
const mediaId = opaqueId('is not a media id');
const currency = z.string().regex(/^[a-z]{3}$/, 'must be 3 lower-case letters (ISO 4217)');

const geoPoint = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

export const venueInput = z.strictObject({
  name: requiredText(200),
  address: requiredText(300),
  city: requiredText(120),
  location: geoPoint.nullable().optional(),
});

const tierFields = {
  name: requiredText(80),
  priceMinor: z.int().min(0).max(100_000_000),
  currency,
  quantity: z.int().min(1).max(1_000_000),
};
const tierCreate = z.strictObject(tierFields);
/** On PATCH a tier may name an existing tierId to keep it; tiers without one get a new id. */
const tierPatch = z.strictObject({ tierId: opaqueId('is not a tier id').optional(), ...tierFields });

const tags = z.array(requiredText(32)).max(10);

export const createEventBody = z.strictObject({
  title: requiredText(200),
  description: requiredText(5_000),
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
    title: requiredText(200).optional(),
    description: requiredText(5_000).optional(),
    category: eventEvents.eventCategory.optional(),
    startsAt: isoDateTime.optional(),
    endsAt: isoDateTime.optional(),
    venue: venueInput.optional(),
    coverMediaId: mediaId.nullable().optional(),
    capacityHint: z.int().min(1).max(10_000_000).nullable().optional(),
    tiers: z.array(tierPatch).max(20).optional(),
    tags: tags.optional(),
  })
  // A schema rule (minProperties), so a 400 like every other one: not a custom (422) issue.
  .superRefine((body, ctx) => {
    if (Object.keys(body).length > 0) return;
    ctx.addIssue({ code: 'too_small', origin: 'object', minimum: 1, inclusive: true, input: body, message: 'must change at least one field' });
  })
  .meta({ minProperties: 1 });

export const cancelEventBody = z.strictObject({ reason: requiredText(500).optional() }).optional();

export const eventIdParams = z.strictObject({ eventId: opaqueId('is not an event id') });

/**
 * An ETag of this API (`"3"`, weak `W/"3"` accepted) or `*`; anything else is a 400. HTTP drops
 * the white space around a field value before it gets here, so the pattern need not allow it.
 */
const IF_MATCH = /^(?:\*|(?:W\/)?"[0-9]{1,15}")$/;

/** `If-Match: "<version>"` pins the version a command applies to; `*` or no header = current. */
export const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .regex(IF_MATCH, 'must be an ETag of this API, e.g. "3", or *')
    .meta({ description: 'The `ETag` of the version this change applies to (e.g. `"3"`); `*` or no header applies it to the current version. Another version is a 409 version-conflict.' })
    .optional()
    .transform((value) => {
      const digits = value === undefined ? null : /"([0-9]+)"/.exec(value)?.[1];
      return digits === undefined || digits === null ? undefined : Number(digits);
    }),
});

const cursor = cursorParam(decodeCursor, 400);

const limit = pageLimitParam;

export const listEventsQuery = z
  .strictObject({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    category: eventEvents.eventCategory.optional(),
    city: requiredText(120).optional(),
    organizerId: opaqueId('is not an organizer id').optional(),
    q: requiredText(100).optional(),
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
