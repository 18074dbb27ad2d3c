import type { Collection, Document, Filter, OptionalUnlessRequiredId, UpdateFilter } from 'mongodb';
import { isDuplicateKeyError } from './errors.js';

/**
 * Write helpers for event handlers, which see every message at least once and sometimes
 * out of order. Each helper is a single atomic operation, so a redelivery is harmless.
 */

/** Inserts a document whose `_id` is derived from the event id; a second delivery is a no-op. */
export async function insertOnce<T extends Document & { _id: string }>(
  collection: Collection<T>,
  document: OptionalUnlessRequiredId<T>,
): Promise<'inserted' | 'duplicate'> {
  try {
    await collection.insertOne(document);
    return 'inserted';
  } catch (error) {
    if (isDuplicateKeyError(error)) return 'duplicate';
    throw error;
  }
}

/**
 * Upserts a local copy of another service's aggregate only when `sourceVersion` is newer than
 * the copy's, so an old event delivered late never overwrites fresher data.
 */
export async function upsertIfNewer<T extends Document & { _id: string; sourceVersion: number }>(
  collection: Collection<T>,
  id: string,
  sourceVersion: number,
  fields: Omit<T, '_id' | 'sourceVersion'>,
): Promise<'applied' | 'stale'> {
  try {
    const result = await collection.updateOne(
      { _id: id, sourceVersion: { $lt: sourceVersion } } as Filter<T>,
      { $set: { ...fields, sourceVersion } } as UpdateFilter<T>,
      { upsert: true },
    );
    return result.matchedCount + result.upsertedCount > 0 ? 'applied' : 'stale';
  } catch (error) {
    // The filter missed because a copy at this or a newer version exists; the upsert then collided on _id.
    if (isDuplicateKeyError(error)) return 'stale';
    throw error;
  }
}
