import type { Collection, Db } from 'mongodb';
import type { NotificationType } from '../domain/notification.js';

export const PREFERENCES_COLLECTION = 'preferences';

export interface PreferencesDocument {
  _id: string;
  muted: NotificationType[];
  updatedAt: Date;
}

/** Per-user notification preferences; no document = nothing muted. */
export class PreferencesRepository {
  readonly collection: Collection<PreferencesDocument>;

  constructor(db: Db) {
    this.collection = db.collection<PreferencesDocument>(PREFERENCES_COLLECTION);
  }

  async mutedOf(userId: string): Promise<NotificationType[]> {
    const found = await this.collection.findOne({ _id: userId });
    return found?.muted ?? [];
  }

  /** The recipients among `userIds` who muted `type` (one query per fan-out batch). */
  async mutedAmong(userIds: readonly string[], type: NotificationType): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.collection.find({ _id: { $in: [...userIds] }, muted: type }, { projection: { _id: 1 } }).toArray();
    return new Set(rows.map((row) => row._id));
  }

  async replace(userId: string, muted: NotificationType[], at: Date): Promise<PreferencesDocument> {
    const document: PreferencesDocument = { _id: userId, muted: [...new Set(muted)].sort(), updatedAt: at };
    await this.collection.replaceOne({ _id: userId }, document, { upsert: true });
    return document;
  }
}
