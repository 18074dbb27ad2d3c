import { z } from 'zod';

/**
 * A position in a list sorted by (a date field desc, _id desc): the last item's date and id.
 * Clients see it only as opaque base64url and hand it back unchanged.
 */
export interface TimeCursor {
  at: Date;
  id: string;
}

const wire = z.tuple([z.iso.datetime(), z.string().min(1).max(300)]);

export function encodeTimeCursor(cursor: TimeCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id]), 'utf8').toString('base64url');
}

/** Undefined for anything this code did not produce (so the caller answers 400). */
export function decodeTimeCursor(text: string): TimeCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(text)) return undefined;
  try {
    const parsed = wire.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { at: new Date(parsed.data[0]), id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The filter part selecting items strictly after `cursor` in (field desc, _id desc) order: a
 * top-level `$or`, or nothing on the first page. Spread it next to
 * the query's equality fields rather than wrapping both in `$and`: FerretDB pushes only top-level
 * equalities down to its storage, and an `$and` would make it read the whole collection.
 */
export function afterTimeCursor(field: string, cursor: TimeCursor | undefined): Record<string, unknown> {
  if (cursor === undefined) return {};
  return { $or: [{ [field]: { $lt: cursor.at } }, { [field]: cursor.at, _id: { $lt: cursor.id } }] };
}
