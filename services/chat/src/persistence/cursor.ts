import { z } from 'zod';

/** A list position: the last item's sort time and _id, shown to clients only as opaque base64url. */
export interface TimeCursor {
  at: Date;
  id: string;
}

const wire = z.tuple([z.iso.datetime(), z.string().min(1).max(300)]);

export function encodeCursor(cursor: TimeCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id]), 'utf8').toString('base64url');
}

/** Undefined for anything this service did not produce. */
export function decodeCursor(text: string): TimeCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(text)) return undefined;
  try {
    const parsed = wire.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { at: new Date(parsed.data[0]), id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

/** Items strictly after `cursor` in a (time desc, _id desc) order. */
export function olderThan(field: string, cursor: TimeCursor): Record<string, unknown> {
  return { $or: [{ [field]: { $lt: cursor.at } }, { [field]: cursor.at, _id: { $lt: cursor.id } }] };
}
