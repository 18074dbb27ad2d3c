import { MongoBulkWriteError, type Collection, type Document, type Filter, type OptionalUnlessRequiredId, type UpdateFilter } from 'mongodb';
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
 * `insertOnce` for many documents in one command: unordered, so an `_id` that exists already
 * (a redelivery, or a crash mid-way through an earlier delivery) is skipped while every other
 * document is still inserted. Returns the ids this call inserted; any failure other than a
 * duplicate id is thrown (the event is then retried, and the retry skips what got in).
 */
export async function insertManyOnce<T extends Document & { _id: string }>(
  collection: Collection<T>,
  documents: readonly OptionalUnlessRequiredId<T>[],
): Promise<Set<string>> {
  const ids = documents.map((document) => String(document['_id']));
  if (documents.length === 0) return new Set();
  try {
    await collection.insertMany([...documents], { ordered: false });
    return new Set(ids);
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (writeErrors.length === 0 || !writeErrors.every((writeError) => isDuplicateKeyError(writeError))) throw error;
    const existing = new Set(writeErrors.map((writeError) => writeError.index));
    return new Set(ids.filter((_, index) => !existing.has(index)));
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
