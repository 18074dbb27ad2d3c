import { z } from 'zod';

/** Position in a list sorted by (startsAt, _id); the client sees it only as opaque base64url. */
export interface EventCursor {
  startsAt: Date;
  id: string;
}

const wire = z.strictObject({ s: z.iso.datetime(), i: z.string().min(1).max(128) });

export function encodeCursor(cursor: EventCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.startsAt.toISOString(), i: cursor.id }), 'utf8').toString('base64url');
}

/** Undefined for anything this service did not produce. */
export function decodeCursor(text: string): EventCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(text)) return undefined;
  try {
    const parsed = wire.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { startsAt: new Date(parsed.data.s), id: parsed.data.i } : undefined;
  } catch {
    return undefined;
  }
}
