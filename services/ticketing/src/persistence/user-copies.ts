import type { Collection, Db } from 'mongodb';
import { upsertIfNewer } from '@eventonight/platform';
import type { UserCopy } from '../domain/user-copy.js';
import { USERS_COLLECTION } from './collections.js';

/** Local copies of users, written only by event handlers, read by the organizer's views. */
export class UserCopies {
  readonly collection: Collection<UserCopy>;

  constructor(db: Db) {
    this.collection = db.collection<UserCopy>(USERS_COLLECTION);
  }

  upsertIfNewer(id: string, version: number, fields: Omit<UserCopy, '_id' | 'sourceVersion'>): Promise<'applied' | 'stale'> {
    return upsertIfNewer(this.collection, id, version, fields);
  }

  find(id: string): Promise<UserCopy | null> {
    return this.collection.findOne({ _id: id });
  }

  /** One query for a page's holders (bounded by the page size). */
  async findMany(ids: readonly string[]): Promise<Map<string, UserCopy>> {
    if (ids.length === 0) return new Map();
    const found = await this.collection.find({ _id: { $in: [...new Set(ids)] } }).toArray();
    return new Map(found.map((user) => [user._id, user]));
  }
}
