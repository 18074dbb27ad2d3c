import type { Collection, Document, IndexDescription } from 'mongodb';

/**
 * Creates indexes one per command. FerretDB 1.24 closes the connection when a createIndexes
 * command naming several indexes that already exist is repeated (every restart, every second
 * replica), so `AggregateStore.ensureIndexes(list)` cannot be used with more than one index.
 */
export async function ensureIndexesOneByOne<T extends Document>(collection: Collection<T>, indexes: readonly IndexDescription[]): Promise<void> {
  for (const index of indexes) await collection.createIndexes([index]);
}
