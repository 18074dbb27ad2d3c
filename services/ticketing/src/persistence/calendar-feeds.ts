import type { Collection, Db, IndexDescription } from 'mongodb';

export const CALENDAR_FEEDS_COLLECTION = 'calendar_feeds';

/** A member's calendar feed: one per member (`_id` is the holder's id), found by its token's digest. */
export interface StoredCalendarFeed {
  _id: string;
  /** sha256 of the token, base64url; the token itself is never stored. */
  tokenDigest: string;
  createdAt: Date;
}

export const calendarFeedIndexes: IndexDescription[] = [{ key: { tokenDigest: 1 }, name: 'token_digest_unique', unique: true }];

export type CalendarFeeds = Collection<StoredCalendarFeed>;

export async function calendarFeeds(db: Db): Promise<CalendarFeeds> {
  const collection = db.collection<StoredCalendarFeed>(CALENDAR_FEEDS_COLLECTION);
  await collection.createIndexes(calendarFeedIndexes);
  return collection;
}
