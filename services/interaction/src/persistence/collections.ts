import { EXPORT_PARTS_COLLECTION } from '@eventonight/platform';
import type { IndexDescription } from 'mongodb';

/** Aggregate collections (they carry an outbox) and the local copies of other services' data. */
export const LIKES = 'likes';
export const FOLLOWS = 'follows';
export const PARTICIPATIONS = 'participations';
export const REVIEWS = 'reviews';
export const AGGREGATE_COLLECTIONS = [LIKES, FOLLOWS, PARTICIPATIONS, REVIEWS, EXPORT_PARTS_COLLECTION] as const;

export const EVENT_COPIES = 'event_copies';
export const USER_COPIES = 'user_copies';

/**
 * One index per query: equality fields first, then the list's sort key. Copies are read by _id only.
 * The erasure and the export select a user's likes, participations and follows by the prefix of
 * these indexes (userId, followerId, followeeId).
 */
export const likeIndexes: IndexDescription[] = [
  { key: { eventId: 1, active: 1 }, name: 'event_active' },
  { key: { userId: 1, active: 1 }, name: 'user_active' },
];
export const participationIndexes: IndexDescription[] = [
  { key: { eventId: 1, active: 1 }, name: 'event_active' },
  { key: { userId: 1, active: 1, activatedAt: -1, _id: -1 }, name: 'user_active_since' },
];
export const followIndexes: IndexDescription[] = [
  { key: { followeeId: 1, active: 1, activatedAt: -1, _id: -1 }, name: 'followee_active_since' },
  { key: { followerId: 1, active: 1, activatedAt: -1, _id: -1 }, name: 'follower_active_since' },
];
export const reviewIndexes: IndexDescription[] = [
  { key: { eventId: 1, createdAt: -1, _id: -1 }, name: 'event_created' },
  // A member's own reviews: read by the data export, deleted by the erasure.
  { key: { userId: 1 }, name: 'user' },
];

/** Reads never return outbox bookkeeping. */
export const withoutOutbox = { outbox: 0, outboxPending: 0, outboxTicket: 0 } as const;
