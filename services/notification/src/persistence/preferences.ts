import { RecentValues, type RecentValuesOptions } from '@eventonight/platform';
import type { Collection, Db } from 'mongodb';
import type { NotificationType } from '../domain/notification.js';

export const PREFERENCES_COLLECTION = 'preferences';

export interface PreferencesDocument {
  _id: string;
  muted: NotificationType[];
  updatedAt: Date;
}

/**
 * How long a delivery may push on preferences read earlier: a type muted through another
 * replica may still be pushed (never lost: it is stored either way) for this long
 * (docs/adr/0023).
 */
export const DELIVERY_PREFERENCES_TTL_MS = 2_000;

/** Per-user notification preferences; no document = nothing muted. */
export class PreferencesRepository {
  readonly collection: Collection<PreferencesDocument>;
  private readonly recent: RecentValues<readonly NotificationType[]>;

  /** `recent` changes the kept preferences' clock and bound (tests); TTL is always DELIVERY_PREFERENCES_TTL_MS. */
  constructor(db: Db, recent: Partial<Pick<RecentValuesOptions, 'now' | 'maxEntries'>> = {}) {
    this.recent = new RecentValues<readonly NotificationType[]>({
      ttlMs: DELIVERY_PREFERENCES_TTL_MS,
      maxEntries: recent.maxEntries ?? 10_000,
      now: recent.now,
    });
    this.collection = db.collection<PreferencesDocument>(PREFERENCES_COLLECTION);
  }

  /** As stored now: what the user reads and changes. */
  async mutedOf(userId: string): Promise<NotificationType[]> {
    const found = await this.collection.findOne({ _id: userId });
    return found?.muted ?? [];
  }

  /** For a delivery's push: as of at most DELIVERY_PREFERENCES_TTL_MS ago (one read per like is the hot path). */
  recentMutedOf(userId: string): Promise<readonly NotificationType[]> {
    return this.recent.get(userId, () => this.mutedOf(userId));
  }

  /** The recipients among `userIds` who muted `type` (one query per fan-out batch). */
  async mutedAmong(userIds: readonly string[], type: NotificationType): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.collection.find({ _id: { $in: [...userIds] }, muted: type }, { projection: { _id: 1 } }).toArray();
    return new Set(rows.map((row) => row._id));
  }

  /** Erasure: the user's preferences, stored and kept in memory. */
  async forget(userId: string): Promise<void> {
    await this.collection.deleteOne({ _id: userId });
    this.recent.forget(userId);
  }

  async replace(userId: string, muted: NotificationType[], at: Date): Promise<PreferencesDocument> {
    const document: PreferencesDocument = { _id: userId, muted: [...new Set(muted)].sort(), updatedAt: at };
    await this.recent.writing(userId, () => this.collection.replaceOne({ _id: userId }, document, { upsert: true }));
    return document;
  }
}
