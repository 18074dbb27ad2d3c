import type { Collection, Db, Document, Filter } from 'mongodb';
import { upsertIfNewer } from './idempotent-writes.js';

/** A local copy of another service's data, kept from its events: versioned, never fetched. */
export type VersionedCopy = Document & { _id: string; sourceVersion: number };

/**
 * One collection of such copies (users' names, events' titles): written only by event handlers
 * through `upsertIfNewer` (an older event never overwrites a newer copy), read by the views.
 */
export class VersionedCopies<T extends VersionedCopy> {
  readonly collection: Collection<T>;

  constructor(db: Db, name: string) {
    this.collection = db.collection<T>(name);
  }

  upsertIfNewer(id: string, version: number, fields: Omit<T, '_id' | 'sourceVersion'>): Promise<'applied' | 'stale'> {
    return upsertIfNewer(this.collection, id, version, fields);
  }

  find(id: string): Promise<T | null> {
    return this.collection.findOne({ _id: id } as Filter<T>) as Promise<T | null>;
  }

  /** One query for a page's worth of ids (bounded by the page size). */
  async findMany(ids: readonly string[]): Promise<Map<string, T>> {
    if (ids.length === 0) return new Map();
    const found = (await this.collection.find({ _id: { $in: [...new Set(ids)] } } as Filter<T>).toArray()) as T[];
    return new Map(found.map((copy) => [copy._id, copy]));
  }
}

