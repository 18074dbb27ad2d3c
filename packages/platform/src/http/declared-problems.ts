import type { Logger } from '../logger/logger.js';
import { classifyError } from './error-mapping.js';
import { PROBLEM_BASE_URI, problemTypes, problemTypeUri, type DeclaredProblem, type ProblemSlug } from './problem.js';
import type { RecordedRoute } from './route-registry.js';

/** One problem type an operation may answer, as its OpenAPI document lists it. */
export interface ProblemKind {
  readonly status: number;
  /** The `type` URI of the problem body. */
  readonly type: string;
  readonly title: string;
}

function kindOf(declared: DeclaredProblem): ProblemKind {
  if (typeof declared === 'string') return { status: problemTypes[declared].status, type: problemTypeUri(declared), title: problemTypes[declared].title };
  return { status: problemTypes[declared.slug].status, type: PROBLEM_BASE_URI + declared.subtype.slug, title: declared.subtype.title };
}

/**
 * What the shared pipeline itself may refuse a request of this route with, before or around its
 * handler: bad path encoding, input validation, body parsing, authentication, roles, a backup's
 * pause of writes, a dependency outage, a bug.
 */
function pipelineProblems(route: RecordedRoute): ProblemSlug[] {
  const hasInput = [route.params, route.query, route.headers, route.body].some((part) => part !== undefined);
  const hasBody = route.body !== undefined;
  const slugs: ProblemSlug[] = ['bad-request'];
  if (hasInput) slugs.push('validation');
  if (hasBody && route.bodyType !== 'form') slugs.push('malformed-json');
  // A raw body in a Content-Encoding the parser does not decode is refused too.
  if (hasBody || route.rawBody) slugs.push('unsupported-media-type', 'payload-too-large');
  if (route.auth !== 'public') slugs.push('unauthorized', 'account-deleted');
  if (typeof route.auth === 'object') slugs.push('forbidden');
  if (route.method !== 'get') slugs.push('quiesced');
  slugs.push('internal', 'service-unavailable');
  return slugs;
}

/**
 * Every problem the operation may answer: the pipeline's and the route's own declarations,
 * without duplicates, ordered by status. The OpenAPI document lists exactly these, and
 * `defineRoute` logs an error when a handler answers one that is not among them.
 */
export function problemsOf(route: RecordedRoute): ProblemKind[] {
  const byType = new Map<string, ProblemKind>();
  for (const declared of [...pipelineProblems(route), ...route.problems]) {
    const kind = kindOf(declared);
    byType.set(kind.type, kind);
  }
  return [...byType.values()].sort((a, b) => a.status - b.status || a.type.localeCompare(b.type));
}

/**
 * For a route's error path: logs (as an error) a problem its OpenAPI operation does not list,
 * for whoever keeps the document exact. The problem is still answered as thrown (issue 26).
 */
export function undeclaredProblemLogger(route: RecordedRoute, log: Logger): (error: unknown) => void {
  const declaredTypes = new Set(problemsOf(route).map((kind) => kind.type));
  const where = `route ${route.method.toUpperCase()} ${route.path}`;
  return (error) => {
    const { problem } = classifyError(error);
    if (!declaredTypes.has(problem.type)) {
      log.error({ problemType: problem.type, status: problem.status }, `${where} answered a problem its OpenAPI operation does not declare`);
    }
  };
}
