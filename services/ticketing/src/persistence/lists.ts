import type { Collection, Document, Filter } from 'mongodb';
import { encodeTimeCursor, type TimeCursor } from '@eventonight/platform';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One page of `owner`'s documents, newest first by `dateField` then `_id`. Fetches one extra
 * document to know whether a next page exists. The cursor was decoded (and an unknown one
 * refused, 422) by the route's query schema.
 */
export async function pageOf<T extends Document & { _id: string }>(
  collection: Collection<T>,
  input: { ownerField: string; ownerId: string; dateField: string; limit: number; cursor: TimeCursor | undefined },
): Promise<Page<T>> {
  const filter: Document = { [input.ownerField]: input.ownerId };
  if (input.cursor !== undefined) {
    const position = input.cursor;
    filter['$or'] = [{ [input.dateField]: { $lt: position.at } }, { [input.dateField]: position.at, _id: { $lt: position.id } }];
  }
  const found = await collection
    .find(filter as Filter<T>, { projection: { outbox: 0, outboxPending: 0, outboxTicket: 0 } })
    .sort({ [input.dateField]: -1, _id: -1 })
    .limit(input.limit + 1)
    .toArray();
  const items = found.slice(0, input.limit) as T[];
  const last = items[items.length - 1];
  const nextCursor =
    found.length > input.limit && last !== undefined ? encodeTimeCursor({ at: last[input.dateField] as Date, id: last._id }) : null;
  return { items, nextCursor };
}
