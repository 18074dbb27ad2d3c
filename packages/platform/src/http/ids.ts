import { z } from 'zod';

/**
 * Every id this API issues or accepts (UUIDs, base64url, ObjectIds): 1–128 ASCII letters, digits,
 * `_` or `-`. ASCII, so a length means the same to zod (UTF-16 units) and to JSON Schema (code
 * points); no `:` or `.`, so ids cannot collide when joined into keys (issue 26).
 */
export const OPAQUE_ID = '[A-Za-z0-9_-]{1,128}';

/** An id in a request; `message` names what a refused value is not (e.g. "is not an event id"). */
export function opaqueId(message: string) {
  return z.string().regex(new RegExp(`^${OPAQUE_ID}$`), message);
}
