import { eventEvents } from '@eventonight/contracts';
import { z } from 'zod';
import { cursorParam, decodeTimeCursor, opaqueId, optionalText, pageLimitParam } from '@eventonight/platform';

/** Request and response shapes of the interaction API; every object strict, every string bounded. */

/**
 * An event's or a user's id in a path: the ASCII of the ids the platform issues (UUIDs), so its
 * length means the same in zod and JSON Schema, and a relation id (`like:<eventId>:<userId>`)
 * cannot be made ambiguous by a `:` inside one.
 */
const idParam = opaqueId('must be 1-128 letters, digits, _ or -');

/** Ids in answers: as stored (they came from a path above or from another service's events). */
const id = z.string().min(1).max(128);

export const eventIdParams = z.strictObject({ eventId: idParam });
export const userIdParams = z.strictObject({ userId: idParam });

export const pageQuery = z.strictObject({
  cursor: cursorParam(decodeTimeCursor).optional(),
  limit: pageLimitParam.default(20),
});

const rating = z.int().min(1).max(5);
const count = z.int().min(0);

export const reviewBody = z.strictObject({
  rating,
  text: optionalText(2000),
});

const isoDate = z.iso.datetime();

export const likeView = z.object({ eventId: id, liked: z.boolean() });
export const participationView = z.object({ eventId: id, participating: z.boolean() });
export const followView = z.object({ userId: id, following: z.boolean() });

export const reviewView = z.object({
  reviewId: id,
  eventId: id,
  userId: id,
  rating,
  text: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const author = z.object({ userId: id, displayName: z.string(), avatarMediaId: id.nullable() }).nullable();

export const myEventView = z.object({
  eventId: id,
  liked: z.boolean(),
  participating: z.boolean(),
  review: reviewView.nullable(),
});

export const myUserView = z.object({ userId: id, following: z.boolean(), followedBy: z.boolean() });

export const eventStatsView = z.object({
  eventId: id,
  likes: count,
  participants: count,
  reviewCount: count,
  /** Rounded to two decimals; null without reviews. */
  averageRating: z.number().min(1).max(5).nullable(),
});

export const userStatsView = z.object({ userId: id, followers: count, following: count });

const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const reviewList = listOf(reviewView.extend({ author }));

export const userList = listOf(
  z.object({ userId: id, displayName: z.string().nullable(), avatarMediaId: id.nullable(), since: isoDate }),
);

export const participationList = listOf(
  z.object({
    eventId: id,
    since: isoDate,
    event: z
      .object({ title: z.string(), organizerId: id, startsAt: isoDate, endsAt: isoDate, status: eventEvents.eventStatus })
      .nullable(),
  }),
);
