import { RecentValues, upsertIfNewer, type RecentValuesOptions } from '@eventonight/platform';
import type { Collection, Db, Filter } from 'mongodb';
import type { EventCopy, UserCopy } from '../domain/copies.js';
import { EVENT_COPIES, USER_COPIES } from './collections.js';

/**
 * How long a command may decide on an event copy read earlier (every like, follow of an event
 * and participation reads one). The copy already trails the event service by the bus's delay;
 * this adds at most this much when another replica consumed the change (docs/adr/0023).
 */
export const EVENT_COPY_TTL_MS = 2_000;

/** Local copies of events and users, written only by consumed events, guarded by source version. */
export class Copies {
  readonly events: Collection<EventCopy>;
  readonly users: Collection<UserCopy>;
  private readonly recentEvents: RecentValues<EventCopy | null>;

  /** `recent` changes the kept copies' clock and bound (tests) and counts their reads (metrics); TTL is always EVENT_COPY_TTL_MS. */
  constructor(db: Db, recent: Partial<Pick<RecentValuesOptions, 'now' | 'maxEntries' | 'onLookup'>> = {}) {
    this.recentEvents = new RecentValues<EventCopy | null>({
      ttlMs: EVENT_COPY_TTL_MS,
      maxEntries: recent.maxEntries ?? 10_000,
      now: recent.now,
      onLookup: recent.onLookup,
    });
    this.events = db.collection<EventCopy>(EVENT_COPIES);
    this.users = db.collection<UserCopy>(USER_COPIES);
  }

  /** The event's copy as of at most EVENT_COPY_TTL_MS ago; an unknown event is asked again every time. */
  event(id: string): Promise<EventCopy | null> {
    return this.recentEvents.get(
      id,
      () => this.events.findOne({ _id: id } as Filter<EventCopy>),
      (copy) => copy !== null,
    );
  }

  user(id: string): Promise<UserCopy | null> {
    return this.users.findOne({ _id: id } as Filter<UserCopy>);
  }

  async eventsById(ids: readonly string[]): Promise<Map<string, EventCopy>> {
    if (ids.length === 0) return new Map();
    const found = await this.events.find({ _id: { $in: [...ids] } } as Filter<EventCopy>).toArray();
    return new Map(found.map((event) => [event._id, event]));
  }

  async usersById(ids: readonly string[]): Promise<Map<string, UserCopy>> {
    if (ids.length === 0) return new Map();
    const found = await this.users.find({ _id: { $in: [...ids] } } as Filter<UserCopy>).toArray();
    return new Map(found.map((user) => [user._id, user]));
  }

  saveEvent(version: number, event: Omit<EventCopy, 'sourceVersion'>): Promise<'applied' | 'stale'> {
    const { _id, ...fields } = event;
    return this.recentEvents.writing(_id, () => upsertIfNewer(this.events, _id, version, fields));
  }

  saveUser(version: number, user: Omit<UserCopy, 'sourceVersion'>): Promise<'applied' | 'stale'> {
    const { _id, ...fields } = user;
    return upsertIfNewer(this.users, _id, version, fields);
  }

  /** Erasure: the copy goes entirely (the ledger, not a tombstone, keeps late events out). */
  async forgetUser(id: string): Promise<void> {
    await this.users.deleteOne({ _id: id } as Filter<UserCopy>);
  }

  /** Copies left as tombstones (`deleted: true`) by the code before ADR 0027: erased at start-up. */
  async tombstonedUserIds(): Promise<string[]> {
    const found = await this.users.find({ deleted: true } as Filter<UserCopy>, { projection: { _id: 1 } }).toArray();
    return found.map((user) => user._id);
  }
}
