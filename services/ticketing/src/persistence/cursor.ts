import { z } from 'zod';

/** Position in a list sorted by (date desc, _id desc); clients see it only as opaque base64url. */
export interface ListCursor {
  at: Date;
  id: string;
}

const wire = z.strictObject({ t: z.iso.datetime(), i: z.string().min(1).max(128) });

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.at.toISOString(), i: cursor.id }), 'utf8').toString('base64url');
}

/** Undefined for anything this service did not produce. */
export function decodeCursor(text: string): ListCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(text)) return undefined;
  try {
    const parsed = wire.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { at: new Date(parsed.data.t), id: parsed.data.i } : undefined;
  } catch {
    return undefined;
  }
}
