import { z } from 'zod';

/**
 * Free-text fields whose document says exactly what they accept (issue 26). Two things make a
 * plain `z.string().trim().min(1).max(n)` disagree with its own JSON Schema: JSON Schema counts
 * characters (code points) where JavaScript counts UTF-16 units, and `trim` empties a string of
 * spaces that `minLength: 1` admits. So length is counted in code points (a `too_big` issue, a
 * 400 like `.max()`'s, documented as `maxLength`), and "not blank" is a pattern over the exact
 * characters `String.prototype.trim` removes, spelled out so that any regex engine reading the
 * document (Schemathesis is Python) agrees with zod. (A code-point length *pattern* said the same,
 * but made generators crawl: `^[\s\S]{0,4000}$` took minutes to satisfy.)
 */

const WHITESPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const NOT_BLANK = new RegExp(`[^${WHITESPACE}]`, 'u');

/** A string of at most `max` characters as JSON Schema counts them. */
function atMostCharacters(max: number) {
  const message = `must be at most ${max} characters`;
  return z
    .string()
    .check((ctx) => {
      // Cheap first: UTF-16 units are never fewer than code points.
      if (ctx.value.length <= max) return;
      let count = 0;
      for (const _ of ctx.value) {
        count += 1;
        if (count > max) {
          ctx.issues.push({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: ctx.value, message });
          return;
        }
      }
    })
    .meta({ maxLength: max });
}

/** Text of at most `max` characters with at least one that is not white space; stored trimmed. */
export function requiredText(max: number) {
  return atMostCharacters(max).regex(NOT_BLANK, 'must not be blank').trim();
}

/** Text of at most `max` characters, possibly empty; stored trimmed. */
export function optionalText(max: number) {
  return atMostCharacters(max).trim();
}
