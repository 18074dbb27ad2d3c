import type { z } from 'zod';
import { problems, type ValidationIssue } from './problem.js';

/**
 * Parses one part of a request with zod and throws a validation problem listing
 * each issue by location, path and message: 400 `validation` when the input breaks its
 * documented schema, 422 `unprocessable` when it matches the schema but a rule the schema
 * cannot state refuses it (zod's custom issues: `refine`, a cursor this API did not issue). The listing is bounded and never quotes
 * the input: issue messages and (attacker-chosen) key names are truncated and counted.
 */

const MAX_ISSUES = 20;
const MAX_TEXT = 120;

type Location = ValidationIssue['location'];

function clip(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}…`;
}

/** Flattens zod issues; an unknown-keys issue becomes one entry per key, so each field is named by its path. */
function toIssues(location: Location, error: z.ZodError): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push({ location, path: clip([...base, key].join('.')), message: 'is not allowed' });
    } else {
      issues.push({ location, path: clip(base.join('.')), message: clip(issue.message) });
    }
  }
  return issues;
}

const NUL = '\u0000';

/**
 * Where a parsed input holds a NUL character (in a string or a key). The databases cannot
 * store one (FerretDB keeps documents in PostgreSQL, whose text has no NUL) and no field of
 * the API has a use for it, so it is refused as input rather than failing at the write.
 */
function nulPaths(value: unknown): string[] {
  const found: string[] = [];
  // Iterative: the parsed value's depth is bounded by the schema, but not every schema is.
  const pending: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, path } = next;
    if (typeof current === 'string') {
      if (current.includes(NUL)) found.push(path.join('.'));
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: [...path, String(index)] }));
    } else if (typeof current === 'object' && current !== null && [Object.prototype, null].includes(Object.getPrototypeOf(current))) {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes(NUL)) found.push([...path, key.replaceAll(NUL, '\\0')].join('.'));
        pending.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found;
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: Location): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) {
    const withNul = nulPaths(result.data);
    if (withNul.length === 0) return result.data;
    throw problems.validation(
      withNul.slice(0, MAX_ISSUES).map((path) => ({ location, path: clip(path), message: 'must not contain the NUL character' })),
    );
  }
  const all = toIssues(location, result.error);
  const issues = all.slice(0, MAX_ISSUES);
  const more = all.length - issues.length;
  const unlisted = more > 0 ? ` ${more} more issues not listed.` : '';
  if (result.error.issues.every((issue) => issue.code === 'custom')) {
    throw problems.unprocessable(`The values are well-formed but not acceptable; see errors.${unlisted}`, { errors: issues });
  }
  throw problems.validation(issues, unlisted === '' ? undefined : `The request has invalid or missing values;${unlisted}`);
}

export const parseParams = <S extends z.ZodType>(schema: S, value: unknown) => parseInput(schema, value, 'params');
export const parseQuery = <S extends z.ZodType>(schema: S, value: unknown) => parseInput(schema, value, 'query');
export const parseBody = <S extends z.ZodType>(schema: S, value: unknown) => parseInput(schema, value, 'body');
export const parseHeaders = <S extends z.ZodType>(schema: S, value: unknown) => parseInput(schema, value, 'headers');
