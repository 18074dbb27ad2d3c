import { RecentValues, type RecentValuesOptions } from '@eventonight/platform';
import type { Collection, Db } from 'mongodb';
import { mailSettingsOf, withMailOff, type MailLocale, type MailSettings, type OptionalMailKind } from '../domain/mail-preferences.js';
import type { NotificationType } from '../domain/notification.js';

export const PREFERENCES_COLLECTION = 'preferences';

export interface PreferencesDocument {
  _id: string;
  /** Kinds not pushed live (they are still stored and listed). */
  muted: NotificationType[];
  /**
   * Optional mails the member stopped (ADR 0032). Absent on documents written before mail had
   * switches of its own: there `muted` decides (mailSettingsOf).
   */
  mailOff?: OptionalMailKind[];
  /** How their mails write dates and money; absent/null = the platform's. */
  locale?: MailLocale | null;
  timeZone?: string | null;
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

  /** `recent` changes the kept preferences' clock and bound (tests) and counts their reads (metrics); TTL is always DELIVERY_PREFERENCES_TTL_MS. */
  constructor(db: Db, recent: Partial<Pick<RecentValuesOptions, 'now' | 'maxEntries' | 'onLookup'>> = {}) {
    this.recent = new RecentValues<readonly NotificationType[]>({
      ttlMs: DELIVERY_PREFERENCES_TTL_MS,
      maxEntries: recent.maxEntries ?? 10_000,
      now: recent.now,
      onLookup: recent.onLookup,
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

  /** The member's mail settings as stored now. */
  async mailSettingsOf(userId: string): Promise<MailSettings> {
    return mailSettingsOf(await this.collection.findOne({ _id: userId }));
  }

  /** The mail settings of those among `userIds` who have any (one query per mail batch); the others have none. */
  async mailSettingsAmong(userIds: readonly string[]): Promise<Map<string, MailSettings>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.collection.find({ _id: { $in: [...userIds] } }).toArray();
    return new Map(rows.map((row) => [row._id, mailSettingsOf(row)]));
  }

  /** Replaces the member's mail settings; their live alerts stay as they are. */
  async replaceMail(userId: string, settings: MailSettings, at: Date): Promise<MailSettings> {
    const mail = { mailOff: [...new Set(settings.off)].sort(), locale: settings.locale, timeZone: settings.timeZone };
    await this.collection.updateOne({ _id: userId }, { $set: { ...mail, updatedAt: at }, $setOnInsert: { muted: [] } }, { upsert: true });
    return { off: mail.mailOff, locale: mail.locale, timeZone: mail.timeZone };
  }

  /**
   * Stops one optional mail (one-click unsubscribe), atomically beside other switches where the
   * member already has mail switches; a document without them gets them as they stood, plus this one.
   */
  async stopMail(userId: string, kind: OptionalMailKind, at: Date): Promise<void> {
    const before = await this.collection.findOne({ _id: userId });
    if (before?.mailOff !== undefined) {
      await this.collection.updateOne({ _id: userId }, { $addToSet: { mailOff: kind }, $set: { updatedAt: at } });
      return;
    }
    const off = withMailOff(mailSettingsOf(before), kind).off;
    const update =
      before === null
        ? { $set: { mailOff: off, updatedAt: at }, $setOnInsert: { muted: [], locale: null, timeZone: null } }
        : { $set: { mailOff: off, updatedAt: at } };
    await this.collection.updateOne({ _id: userId }, update, { upsert: true });
  }

  /** Erasure: the user's preferences, stored and kept in memory. */
  async forget(userId: string): Promise<void> {
    await this.collection.deleteOne({ _id: userId });
    this.recent.forget(userId);
  }

  /**
   * Replaces the kinds muted in the app; mail settings stay. A document from before mail had its
   * own switches gets them frozen as muting meant them until now, so changing a live alert from
   * here on never stops or restarts a mail.
   */
  async replace(userId: string, muted: NotificationType[], at: Date): Promise<{ muted: NotificationType[] }> {
    const sorted = [...new Set(muted)].sort();
    const before = await this.collection.findOne({ _id: userId });
    const update =
      before === null
        ? { $set: { muted: sorted, updatedAt: at }, $setOnInsert: { mailOff: [], locale: null, timeZone: null } }
        : { $set: { muted: sorted, updatedAt: at, ...(before.mailOff === undefined ? { mailOff: mailSettingsOf(before).off } : {}) } };
    await this.recent.writing(userId, () => this.collection.updateOne({ _id: userId }, update, { upsert: true }));
    return { muted: sorted };
  }
}
