import { isMongoUnavailableError } from '../persistence/mongo.js';
import { Problem, problems } from './problem.js';

/**
 * Turns any thrown value into the Problem the client sees. Problems pass through;
 * errors raised by other layers are recognised by flags rather than by class, so the
 * persistence and messaging code does not have to import the HTTP layer:
 *  - `unavailable === true` (anywhere in the `cause` chain) -> 503
 *  - `conflict === true` -> 409 (`version-conflict` when it carries `expectedVersion`)
 * plus MongoDB connectivity errors and any matcher registered with `registerUnavailableErrorMatcher`.
 * Everything else is a 500 whose detail is generic.
 */

export type ErrorMatcher = (error: unknown) => boolean;

/** MongoDB connectivity failures are always a 503: the database, not the request, is at fault. */
const unavailableMatchers: ErrorMatcher[] = [isMongoUnavailableError];

/** Lets a layer that knows its driver's errors (MongoDB, AMQP) mark them as "dependency down". */
export function registerUnavailableErrorMatcher(matcher: ErrorMatcher): () => void {
  unavailableMatchers.push(matcher);
  return () => {
    const index = unavailableMatchers.indexOf(matcher);
    if (index >= 0) unavailableMatchers.splice(index, 1);
  };
}

function hasFlag(error: unknown, flag: 'unavailable' | 'conflict'): boolean {
  return typeof error === 'object' && error !== null && (error as Record<string, unknown>)[flag] === true;
}

/** The error and its causes, bounded so a cyclic chain cannot loop. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 10 && !chain.includes(current)) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

export function isUnavailableError(error: unknown): boolean {
  return causeChain(error).some(
    (link) => hasFlag(link, 'unavailable') || unavailableMatchers.some((matcher) => safeMatch(matcher, link)),
  );
}

function safeMatch(matcher: ErrorMatcher, error: unknown): boolean {
  try {
    return matcher(error);
  } catch {
    return false;
  }
}

/** Errors raised by express's body parsers carry a `type` such as `entity.too.large`. */
function bodyParserProblem(error: unknown): Problem | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, limit } = error as { type?: unknown; status?: unknown; limit?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number') return undefined;
  switch (type) {
    case 'entity.parse.failed':
      return problems.malformedJson();
    case 'entity.too.large':
      return problems.payloadTooLarge(typeof limit === 'number' ? `${limit} bytes` : undefined);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problems.unsupportedMediaType('UTF-8 application/json');
    default:
      return status >= 400 && status < 500 ? problems.badRequest() : undefined;
  }
}

/**
 * Express's router decodes path parameters with decodeURIComponent; a path that is not
 * percent-encoded UTF-8 (`/things/%FF`) makes it throw a URIError it marks with status 400.
 */
function undecodablePathProblem(error: unknown): Problem | undefined {
  if (!(error instanceof URIError) || (error as { status?: unknown }).status !== 400) return undefined;
  return problems.badRequest('The path is not valid percent-encoded UTF-8.');
}

export type ErrorKind = 'problem' | 'unavailable' | 'internal';

export interface ClassifiedError {
  problem: Problem;
  kind: ErrorKind;
}

export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof Problem) return { problem: error, kind: 'problem' };
  const fromExpress = bodyParserProblem(error) ?? undecodablePathProblem(error);
  if (fromExpress !== undefined) return { problem: fromExpress, kind: 'problem' };
  if (isUnavailableError(error)) return { problem: problems.serviceUnavailable(), kind: 'unavailable' };
  if (hasFlag(error, 'conflict')) {
    const versioned = typeof (error as { expectedVersion?: unknown }).expectedVersion === 'number';
    return { problem: versioned ? problems.versionConflict() : problems.conflict(), kind: 'problem' };
  }
  return { problem: problems.internal(), kind: 'internal' };
}
