import type { Collection, Db } from 'mongodb';
import { upsertIfNewer } from '@eventonight/platform';

/** Where a member is reached by mail (user.contact.changed), newest profile version wins. */
export interface ContactDocument {
  _id: string;
  email: string;
  sourceVersion: number;
}

export const CONTACTS_COLLECTION = 'contacts';

export class ContactRepository {
  readonly collection: Collection<ContactDocument>;

  constructor(db: Db) {
    this.collection = db.collection<ContactDocument>(CONTACTS_COLLECTION);
  }

  record(userId: string, email: string, sourceVersion: number): Promise<'applied' | 'stale'> {
    return upsertIfNewer(this.collection, userId, sourceVersion, { email });
  }

  /** The addresses of those among `userIds` who have one (one query per fan-out batch). */
  async addressesOf(userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.collection.find({ _id: { $in: [...userIds] } }).toArray();
    return new Map(rows.map((row) => [row._id, row.email]));
  }

  async forget(userId: string): Promise<number> {
    return (await this.collection.deleteOne({ _id: userId })).deletedCount;
  }
}
