import type { Collection, Db } from 'mongodb';
import { insertOnce, upsertIfNewer } from '@eventonight/platform';

/** When each event takes place, as the event service last said (event.*): what reminders read. */
export interface ScheduleDocument {
  _id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: 'draft' | 'published' | 'cancelled' | 'completed';
  sourceVersion: number;
}

/** One reminder sent for an event at one start time: a rescheduled event is reminded again. */
interface ReminderDocument {
  _id: string;
  sentAt: Date;
}

export const SCHEDULES_COLLECTION = 'schedules';
export const REMINDERS_COLLECTION = 'reminders';

export function reminderKey(eventId: string, startsAt: Date): string {
  return `${eventId}|${startsAt.toISOString()}`;
}

export class ScheduleRepository {
  readonly collection: Collection<ScheduleDocument>;
  private readonly reminders: Collection<ReminderDocument>;

  constructor(db: Db) {
    this.collection = db.collection<ScheduleDocument>(SCHEDULES_COLLECTION);
    this.reminders = db.collection<ReminderDocument>(REMINDERS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ status: 1, startsAt: 1 }, { name: 'status_start' });
  }

  record(eventId: string, sourceVersion: number, schedule: Omit<ScheduleDocument, '_id' | 'sourceVersion'>): Promise<'applied' | 'stale'> {
    return upsertIfNewer(this.collection, eventId, sourceVersion, schedule);
  }

  /** Published events starting after `from` and at most at `until`, soonest first. */
  startingBetween(from: Date, until: Date, limit: number): Promise<ScheduleDocument[]> {
    return this.collection.find({ status: 'published', startsAt: { $gt: from, $lte: until } }).sort({ startsAt: 1 }).limit(limit).toArray();
  }

  async remindedAmong(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.reminders.find({ _id: { $in: [...keys] } }, { projection: { _id: 1 } }).toArray();
    return new Set(rows.map((row) => row._id));
  }

  async markReminded(key: string, at: Date): Promise<void> {
    await insertOnce(this.reminders, { _id: key, sentAt: at });
  }
}
