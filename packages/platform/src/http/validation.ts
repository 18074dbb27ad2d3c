import type { z } from 'zod';
import { problems, type ValidationIssue } from './problem.js';

/**
 * Parses one part of a request with zod and throws a 400 validation problem listing
 * each issue by location, path and message. The listing is bounded and never quotes
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

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: Location): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const all = toIssues(location, result.error);
  const issues = all.slice(0, MAX_ISSUES);
  const more = all.length - issues.length;
  throw problems.validation(
    issues,
    more > 0 ? `The request has invalid or missing values; ${more} more issues not listed.` : undefined,
  );
}

export const parseParams = <S extends z.ZodType>(schema: S, value: unknown) => parseInput(schema, value, 'params');
export const parseQuery = <S extends z.ZodType>(schema: S, value: unknown) => parseInput(schema, value, 'query');
export const parseBody = <S extends z.ZodType>(schema: S, value: unknown) => parseInput(schema, value, 'body');
export const parseHeaders = <S extends z.ZodType>(schema: S, value: unknown) => parseInput(schema, value, 'headers');
