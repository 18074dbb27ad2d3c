import { z } from 'zod';

/**
 * Free-text fields whose document says exactly what they accept (issue 26). Two things make a
 * plain `z.string().trim().min(1).max(n)` disagree with its own JSON Schema: JSON Schema counts
 * characters (code points) where JavaScript counts UTF-16 units, and `trim` empties a string of
 * spaces that `minLength: 1` admits. So length is a code-point pattern (the `u` flag), "not
 * blank" is a pattern over the exact characters `String.prototype.trim` removes, spelled out so
 * that any regex engine reading the document (Schemathesis is Python) agrees with zod.
 */

const WHITESPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const NOT_BLANK = new RegExp(`[^${WHITESPACE}]`, 'u');

function atMost(max: number): RegExp {
  return new RegExp(`^[\\s\\S]{0,${max}}$`, 'u');
}

/** Text of at most `max` characters with at least one that is not white space; stored trimmed. */
export function requiredText(max: number) {
  return z
    .string()
    .regex(atMost(max), `must be at most ${max} characters`)
    .regex(NOT_BLANK, 'must not be blank')
    .trim()
    .meta({ maxLength: max });
}

/** Text of at most `max` characters, possibly empty; stored trimmed. */
export function optionalText(max: number) {
  return z.string().regex(atMost(max), `must be at most ${max} characters`).trim().meta({ maxLength: max });
}
