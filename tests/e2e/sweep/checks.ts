import { describeRequest } from './requests.js';
import type { Outcome } from './send.js';

/**
 * What the sweep asserts, as functions from answers to offenders: each returns one line per
 * offending request, so a failure lists every case at once with its method, path and variant.
 */

function answered(outcome: Outcome): string {
  if (outcome.status === 0) return `no answer (${outcome.error ?? 'unknown'})`;
  const body = outcome.text.length > 300 ? `${outcome.text.slice(0, 300)}…` : outcome.text;
  return `${outcome.status} ${outcome.contentType} ${body}`;
}

export function line(outcome: Outcome, why: string): string {
  return `${describeRequest(outcome.request)}\n    ${why}: ${answered(outcome)}`;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** 5xx answers, and requests that got no answer at all. */
export function serverErrors(outcomes: readonly Outcome[]): string[] {
  return outcomes.filter((o) => o.status === 0 || o.status >= 500).map((o) => line(o, 'server error'));
}

/** Error answers that are not RFC 9457 problem+json with the HTTP status in `status`. */
export function nonProblemErrors(outcomes: readonly Outcome[]): string[] {
  return outcomes
    .filter((o) => o.status >= 400)
    .filter((o) => !o.contentType.startsWith('application/problem+json') || record(o.json)?.['status'] !== o.status)
    .map((o) => line(o, 'not a problem+json with a matching status'));
}

function slugOf(json: unknown): string | undefined {
  const type = record(json)?.['type'];
  return typeof type === 'string' ? type.slice(type.lastIndexOf('/') + 1) : undefined;
}

function issueLocations(json: unknown): string[] {
  const errors = record(json)?.['errors'];
  return Array.isArray(errors) ? errors.map((issue) => String(record(issue)?.['location'])) : [];
}

/** Malformed requests not refused the way their defect must be (status, problem type, location). */
export function wrongRefusals(outcomes: readonly Outcome[]): string[] {
  const offenders: string[] = [];
  for (const outcome of outcomes) {
    const expect = outcome.request.expect;
    if (expect === undefined) continue;
    const slug = slugOf(outcome.json);
    const wanted = `${expect.status}${expect.slugs === undefined ? '' : ` ${expect.slugs.join('|')}`}${expect.location === undefined ? '' : ` in ${expect.location}`}`;
    if (
      outcome.status !== expect.status ||
      (expect.slugs !== undefined && (slug === undefined || !expect.slugs.includes(slug))) ||
      (expect.location !== undefined && slug === 'validation' && !issueLocations(outcome.json).includes(expect.location))
    ) {
      offenders.push(line(outcome, `expected ${wanted}, got`));
    }
  }
  return offenders;
}

/** The answer with every echo of `from` replaced by `to`, so an injected id compares with a neutral one. */
function normalised(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((item) => normalised(item, from, to));
  const object = record(value);
  if (object === undefined) return value;
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, normalised(item, from, to)]));
}

/**
 * An injection must be refused, or answered exactly like the same request with a value that
 * matches nothing: an operator or pattern that reached a query would have matched more.
 */
export function injectionLeaks(pairs: ReadonlyArray<{ injected: Outcome; control: Outcome }>): string[] {
  const offenders: string[] = [];
  for (const { injected, control } of pairs) {
    const pair = injected.request.pair;
    if (pair === undefined || injected.status >= 400) continue;
    const same =
      injected.status === control.status &&
      JSON.stringify(normalised(injected.json, pair.injected, pair.neutral)) === JSON.stringify(control.json);
    if (!same) offenders.push(`${line(injected, 'answered')}\n    while ${pair.neutral} got: ${answered(control)}`);
  }
  return offenders;
}

/** Baselines that did not get one of the statuses they may get. */
export function baselineFailures(outcomes: readonly Outcome[], allowed: (outcome: Outcome) => readonly number[]): string[] {
  return outcomes
    .filter((outcome) => !allowed(outcome).includes(outcome.status))
    .map((outcome) => line(outcome, `expected ${allowed(outcome).join(' or ')}, got`));
}
