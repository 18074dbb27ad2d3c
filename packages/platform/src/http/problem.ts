/**
 * RFC 9457 problem details. A `Problem` is thrown anywhere in a request and turned
 * into an `application/problem+json` response by the error middleware. Its `type`
 * URIs are stable identifiers clients may switch on; titles are fixed per type and
 * details are written for the client, so they must never carry internal state.
 */

export const PROBLEM_BASE_URI = 'https://eventonight.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemTypes = {
  'bad-request': { status: 400, title: 'Bad request' },
  validation: { status: 400, title: 'Request validation failed' },
  'malformed-json': { status: 400, title: 'Malformed JSON body' },
  unauthorized: { status: 401, title: 'Authentication required' },
  'account-deleted': { status: 401, title: 'Account deleted' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  'version-conflict': { status: 409, title: 'Version conflict' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  gone: { status: 410, title: 'Gone' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'Unprocessable request' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  'service-unavailable': { status: 503, title: 'Service unavailable' },
  quiesced: { status: 503, title: 'Writes are paused for a backup' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemSlug = keyof typeof problemTypes;

export function problemTypeUri(slug: ProblemSlug): string {
  return PROBLEM_BASE_URI + slug;
}

/**
 * A service's own, more specific type within a platform type (`sold-out` within `conflict`):
 * created once, used both to throw the problem and to declare it on the routes that may.
 */
export interface ProblemSubtype {
  readonly slug: ProblemSlug;
  readonly subtype: { readonly slug: string; readonly title: string };
}

export function problemSubtype(slug: ProblemSlug, subtypeSlug: string, title: string): ProblemSubtype {
  return { slug, subtype: { slug: subtypeSlug, title } };
}

/** What a route declares it may answer besides what the pipeline itself can (see declared-problems.ts). */
export type DeclaredProblem = ProblemSlug | ProblemSubtype;

/** Extension members; the standard member names are reserved. */
export type ProblemExtensions = Record<string, unknown> & {
  type?: never;
  title?: never;
  status?: never;
  detail?: never;
  instance?: never;
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  correlationId?: string;
  [extension: string]: unknown;
}

export interface ProblemOptions {
  extensions?: ProblemExtensions;
  /** Response headers that belong to the problem, e.g. WWW-Authenticate or Retry-After. */
  headers?: Record<string, string>;
  cause?: unknown;
  /**
   * A service's more specific type within the slug (e.g. `sold-out`, a kind of `conflict`):
   * the status stays the slug's, the `type` URI and title become the subtype's.
   */
  subtype?: { slug: string; title: string };
}

export class Problem extends Error {
  readonly slug: ProblemSlug;
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly extensions: ProblemExtensions;
  readonly headers: Record<string, string>;

  constructor(slug: ProblemSlug, detail: string, options: ProblemOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'Problem';
    this.slug = slug;
    this.status = problemTypes[slug].status;
    this.type = options.subtype === undefined ? problemTypeUri(slug) : PROBLEM_BASE_URI + options.subtype.slug;
    this.title = options.subtype?.title ?? problemTypes[slug].title;
    this.detail = detail;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(context: { instance?: string; correlationId?: string } = {}): ProblemBody {
    return {
      ...this.extensions,
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(context.instance === undefined ? {} : { instance: context.instance }),
      ...(context.correlationId === undefined ? {} : { correlationId: context.correlationId }),
    };
  }
}

/** A problem of a service's subtype, e.g. `problemOf(soldOut, 'Not enough tickets remain.', { extensions })`. */
export function problemOf(kind: ProblemSubtype, detail: string, options: Omit<ProblemOptions, 'subtype'> = {}): Problem {
  return new Problem(kind.slug, detail, { ...options, subtype: kind.subtype });
}

export function isProblem(error: unknown): error is Problem {
  return error instanceof Problem;
}

/** One input issue, as listed in a validation problem's `errors` member. */
export interface ValidationIssue {
  location: 'params' | 'query' | 'body' | 'headers';
  path: string;
  message: string;
}

export const problems = {
  badRequest: (detail = 'The request could not be understood.') => new Problem('bad-request', detail),
  validation: (errors: ValidationIssue[], detail = 'The request has invalid or missing values; see errors.') =>
    new Problem('validation', detail, { extensions: { errors } }),
  malformedJson: () => new Problem('malformed-json', 'The request body is not valid JSON.'),
  unauthorized: (detail = 'A valid bearer token is required.', headers: Record<string, string> = { 'WWW-Authenticate': 'Bearer' }) =>
    new Problem('unauthorized', detail, { headers }),
  /** A token issued before its account was deleted (ADR 0027): valid signature, no account. */
  accountDeleted: () =>
    new Problem('account-deleted', 'This account has been deleted.', {
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="account deleted"' },
    }),
  forbidden: (detail = 'You are not allowed to do this.') => new Problem('forbidden', detail),
  notFound: (detail = 'The resource does not exist.') => new Problem('not-found', detail),
  conflict: (detail = 'The request conflicts with the current state of the resource.', extensions?: ProblemExtensions) =>
    new Problem('conflict', detail, extensions === undefined ? {} : { extensions }),
  versionConflict: (detail = 'The resource was changed by another request; reload it and retry.') =>
    new Problem('version-conflict', detail),
  /** Existed, and is no more on purpose (an expired download): asking again will not bring it back. */
  gone: (detail: string, subtype?: { slug: string; title: string }) => new Problem('gone', detail, subtype === undefined ? {} : { subtype }),
  /** A method the path does not serve (RFC 9110 §15.5.6: `Allow` lists the ones it does). */
  methodNotAllowed: (allowed: readonly string[]) =>
    new Problem('method-not-allowed', `This path answers ${allowed.join(', ')} only.`, { headers: { Allow: allowed.join(', ') } }),
  unprocessable: (detail: string, extensions?: ProblemExtensions) =>
    new Problem('unprocessable', detail, extensions === undefined ? {} : { extensions }),
  payloadTooLarge: (limit?: string) =>
    new Problem('payload-too-large', limit === undefined ? 'The request body is too large.' : `The request body exceeds ${limit}.`),
  unsupportedMediaType: (expected = 'application/json') =>
    new Problem('unsupported-media-type', `The request body must be ${expected}.`),
  serviceUnavailable: (detail = 'A dependency is unavailable; retry later.', extensions?: ProblemExtensions) =>
    new Problem('service-unavailable', detail, {
      headers: { 'Retry-After': '5' },
      ...(extensions === undefined ? {} : { extensions }),
    }),
  /** While a backup runs (ADR 0017): retrying after `Retry-After` seconds loses nothing. */
  quiesced: (retryAfterSeconds = 30) =>
    new Problem('quiesced', 'This service accepts no changes while a backup is taken; retry shortly.', {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    }),
  internal: () => new Problem('internal', 'An unexpected error occurred. Quote the correlation id when reporting it.'),
} as const;
