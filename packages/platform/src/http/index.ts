export { createHttpApp, type HttpApp, type HttpAppOptions } from './app.js';
export {
  defineRoute,
  type RouteHost,
  type RouteDefinition,
  type RouteHandler,
  type RouteInput,
  type RouteResult,
} from './define-route.js';
export { JsonText, schemaFingerprint } from './json-text.js';
export {
  RouteRegistry,
  textResponse,
  type AuthRequirement,
  type BodyMediaType,
  type HttpMethod,
  type RecordedRoute,
  type ResponseSchemas,
  type TextResponse,
} from './route-registry.js';
export { buildOpenApiDocument, toOpenApiPath, type OpenApiInfo } from './openapi.js';
export {
  Problem,
  problems,
  problemTypes,
  problemTypeUri,
  problemSubtype,
  problemOf,
  isProblem,
  PROBLEM_BASE_URI,
  PROBLEM_CONTENT_TYPE,
  type ProblemSlug,
  type ProblemBody,
  type ProblemExtensions,
  type ProblemOptions,
  type ProblemSubtype,
  type DeclaredProblem,
  type ValidationIssue,
} from './problem.js';
export {
  classifyError,
  isUnavailableError,
  registerUnavailableErrorMatcher,
  type ClassifiedError,
  type ErrorKind,
  type ErrorMatcher,
} from './error-mapping.js';
export { parseInput, parseParams, parseQuery, parseBody, parseHeaders } from './validation.js';
export { correlationMiddleware, correlationIdOf, CORRELATION_HEADER } from './correlation.js';
export { jsonBody, rawBody } from './body-parsers.js';
export { errorHandler, notFoundHandler } from './error-handler.js';
export { readinessHandler, runReadinessChecks, type ReadinessCheck, type ReadinessOutcome } from './readiness.js';
export { quiesceGuard } from './quiesce.js';
export { requestLogging } from './request-logging.js';
export { startHttpServer, type StartHttpServerOptions, type RunningHttpServer } from './server.js';
export { onShutdownSignals, type ShutdownOptions } from './shutdown.js';
export { cursorParam, pageLimitParam, queryInteger } from './pagination.js';
export { requiredText, optionalText } from './text.js';
export { OPAQUE_ID, opaqueId } from './ids.js';
export { problemsOf, undeclaredProblemLogger, type ProblemKind } from './declared-problems.js';
export { concretePathMethods, methodNotAllowed } from './method-not-allowed.js';
