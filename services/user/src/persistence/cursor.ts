import { z } from 'zod';

/** Opaque list cursor: base64url of the last item's sort key and _id (never a NUL, which no stored value holds). */
const noNul = (text: string) => !text.includes('\u0000');
const cursorShape = z.tuple([z.string().max(200).refine(noNul), z.string().min(1).max(128).refine(noNul)]);

export type Cursor = z.infer<typeof cursorShape>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Undefined when the text is not a cursor we made. */
export function decodeCursor(text: string): Cursor | undefined {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
