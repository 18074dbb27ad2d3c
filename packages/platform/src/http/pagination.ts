import { z } from 'zod';

const LIMIT_MESSAGE = 'must be an integer between 1 and 100';

/**
 * A query parameter documented (and checked) as an integer: its plain decimal digits become a
 * number, anything else ("1e2", "+5", "") reaches the integer check as text and is refused.
 */
export function queryInteger(min: number, max: number, message = `must be an integer between ${min} and ${max}`) {
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value),
    z.int({ error: message }).min(min, message).max(max, message),
  );
}

/** `?limit=`: a page size of 1–100. */
export const pageLimitParam = queryInteger(1, 100, LIMIT_MESSAGE);

/**
 * An opaque cursor query parameter, decoded by `decode`. Any string of the documented length is
 * schema-valid; one this API did not issue is refused as 422 `unprocessable` (a custom issue).
 */
export function cursorParam<T>(decode: (text: string) => T | undefined, maxLength = 600) {
  return z
    .string()
    .min(1)
    .max(maxLength)
    .meta({ description: 'Opaque: the `nextCursor` of the previous page of the same list.' })
    .transform((value, ctx) => {
      const decoded = decode(value);
      if (decoded === undefined) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this API' });
        return z.NEVER;
      }
      return decoded;
    });
}
