import { z } from 'zod';

/** Position in a list sorted by (createdAt desc, _id desc); the client sees it only as opaque base64url. */
export interface NotificationCursor {
  createdAt: Date;
  id: string;
}

const wire = z.strictObject({ c: z.iso.datetime(), i: z.string().min(1).max(128) });

export function encodeCursor(cursor: NotificationCursor): string {
  return Buffer.from(JSON.stringify({ c: cursor.createdAt.toISOString(), i: cursor.id }), 'utf8').toString('base64url');
}

/** Undefined for anything this service did not produce. */
export function decodeCursor(text: string): NotificationCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(text)) return undefined;
  try {
    const parsed = wire.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { createdAt: new Date(parsed.data.c), id: parsed.data.i } : undefined;
  } catch {
    return undefined;
  }
}
