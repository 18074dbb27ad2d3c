import { upsertIfNewer } from '@eventonight/platform';
import type { Collection, Db, Filter } from 'mongodb';
import type { EventCopy, UserCopy } from '../domain/copies.js';
import { EVENT_COPIES, USER_COPIES } from './collections.js';

/** Local copies of events and users, written only by consumed events, guarded by source version. */
export class Copies {
  readonly events: Collection<EventCopy>;
  readonly users: Collection<UserCopy>;

  constructor(db: Db) {
    this.events = db.collection<EventCopy>(EVENT_COPIES);
    this.users = db.collection<UserCopy>(USER_COPIES);
  }

  event(id: string): Promise<EventCopy | null> {
    return this.events.findOne({ _id: id } as Filter<EventCopy>);
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
    return upsertIfNewer(this.events, _id, version, fields);
  }

  saveUser(version: number, user: Omit<UserCopy, 'sourceVersion'>): Promise<'applied' | 'stale'> {
    const { _id, ...fields } = user;
    return upsertIfNewer(this.users, _id, version, fields);
  }
}
