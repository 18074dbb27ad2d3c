import { z } from 'zod';

const LIMIT_MESSAGE = 'must be an integer between 1 and 100';

/** `?limit=`: a page size of 1–100 written as plain digits (no "1e2", no "+5"). */
export const pageLimitParam = z
  .string()
  .regex(/^\d{1,3}$/, LIMIT_MESSAGE)
  .transform(Number)
  .pipe(z.int().min(1, LIMIT_MESSAGE).max(100, LIMIT_MESSAGE));

/** An opaque cursor query parameter, decoded by `decode`; anything it rejects is a 400. */
export function cursorParam<T>(decode: (text: string) => T | undefined, maxLength = 600) {
  return z
    .string()
    .max(maxLength)
    .transform((value, ctx) => {
      const decoded = decode(value);
      if (decoded === undefined) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this API' });
        return z.NEVER;
      }
      return decoded;
    });
}
