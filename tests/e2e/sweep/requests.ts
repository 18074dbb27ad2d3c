import type { Operation } from './openapi.js';

/** One request of the sweep: a valid baseline with (at most) one thing changed. */

export type Phase =
  /** The valid request every variant departs from. */
  | 'baseline'
  /** Class A: one defect; must be refused with a 4xx and change nothing. */
  | 'malformed'
  /** An id or query value that looks like a MongoDB operator or a regex but is a valid string. */
  | 'injection'
  /** The same request as an injection with a harmless value that matches nothing. */
  | 'control'
  /** Class B: unicode that may be valid; anything but a 5xx. */
  | 'unicode';

export type Caller = 'default' | 'anonymous' | 'forged-token' | 'unsigned-token' | 'wrong-role';

export type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  /** Bytes sent as they are, with this content type (malformed JSON, other media types). */
  | { kind: 'raw'; text: string; contentType: string };

export type InputLocation = 'params' | 'query' | 'headers' | 'body';

/** How a malformed request must be refused. */
export interface Refusal {
  status: number;
  /** Accepted problem types (the last segment of `type`); any when absent. */
  slugs?: string[];
  /** For validation problems: where the listed issue must be. */
  location?: InputLocation;
}

export interface SweepRequest {
  op: Operation;
  phase: Phase;
  /** What was changed, for failure messages. */
  label: string;
  /** Path parameters, already percent-encoded (some variants send invalid encodings on purpose). */
  path: Record<string, string>;
  /** Query pairs, already percent-encoded. */
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body: BodySpec;
  caller: Caller;
  expect?: Refusal;
  /** For an injection: the control request and the two values, to compare the answers. */
  pair?: { control: SweepRequest; injected: string; neutral: string };
}

export function urlPath(request: SweepRequest): string {
  const path = request.op.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = request.path[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${request.op.path}`);
    return value;
  });
  const query = request.query.map(([key, value]) => `${key}=${value}`).join('&');
  return query === '' ? path : `${path}?${query}`;
}

/** `service METHOD /concrete/path?query [phase] label`, shortened for reports. */
export function describeRequest(request: SweepRequest): string {
  const path = urlPath(request);
  const shown = path.length > 160 ? `${path.slice(0, 157)}…` : path;
  return `${request.op.service} ${request.op.method.toUpperCase()} ${shown} [${request.phase}] ${request.label}`;
}
