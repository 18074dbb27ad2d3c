import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { JwtVerifier } from '../auth/verifier.js';
import type { Logger } from '../logger/logger.js';
import { httpMetrics } from '../metrics/http-metrics.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import { correlationMiddleware } from './correlation.js';
import { httpServerSpans } from '../tracing/http-span.js';
import type { RouteHost } from './define-route.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { mountApiReference } from './api-reference.js';
import { concretePathMethods, methodNotAllowed } from './method-not-allowed.js';
import { buildOpenApiDocument } from './openapi.js';
import { quiesceGuard } from './quiesce.js';
import { readinessHandler, type ReadinessCheck } from './readiness.js';
import { requestLogging } from './request-logging.js';
import { RouteRegistry } from './route-registry.js';

/** What every service's document says first: how its errors and limits read (issue 26). */
const API_DESCRIPTION = [
  'Every error is an RFC 9457 problem (`application/problem+json`) whose `type` URI names it; each operation lists, per status, the types it may answer.',
  '400 `validation`: the request breaks the documented schema (the `errors` member lists each value by location and path).',
  '422 `unprocessable`: the request matches the schema but a rule the schema cannot state refuses it (the operation says which).',
  'Free-text lengths count characters (code points), as JSON Schema does; no string may hold the NUL character.',
  'A method a path does not serve is 405 with `Allow`. Lists are paged by an opaque `cursor` (the previous page\'s `nextCursor`).',
].join('\n\n');

export interface HttpAppOptions {
  /** The service's name: the OpenAPI title. */
  service: string;
  /** The API version shown in the OpenAPI document. Default "1.0.0". */
  version?: string;
  logger: Logger;
  readiness?: readonly ReadinessCheck[];
  /** Bound on each readiness check. Default 2 s. */
  readinessTimeoutMs?: number;
  /** JSON (and raw) body size limit. Default "100kb". */
  bodyLimit?: string | number;
  /** Required as soon as one route is not public. */
  verifier?: JwtVerifier;
  /** Express "trust proxy" setting, for a service behind Traefik. Default false. */
  trustProxy?: boolean | number | string;
  /** True while writes are paused for a backup (ADR 0017): writes then answer 503 `quiesced`. */
  isQuiesced?: () => boolean;
  /** True once the process is shutting down: /health answers 503 `draining` (load balancers stop sending). */
  isDraining?: () => boolean;
  /** Where requests are counted and timed (ADR 0035); none: not measured. */
  metrics?: ServiceMetrics;
}

export interface HttpApp extends RouteHost {
  readonly app: Express;
}

/**
 * An express 5 app with the shared pipeline: correlation id, request log, security
 * headers, health/readiness/OpenAPI endpoints, then the service's routes (defined later
 * with `defineRoute(httpApp, ...)` on `router`), then 404 and problem+json errors.
 */
export function createHttpApp(options: HttpAppOptions): HttpApp {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);

  // First: the request's span is active for everything after it, the request log line included.
  app.use(httpServerSpans());
  // Next, so every request is measured, also those the pipeline refuses.
  if (options.metrics !== undefined) app.use(httpMetrics(options.metrics));
  app.use(correlationMiddleware());
  app.use(requestLogging(logger));
  // A JSON API serves no documents: forbid everything a browser might render or frame.
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    }),
  );

  const routes = new RouteRegistry();
  let openApi: Record<string, unknown> | undefined;
  routes.onChange(() => {
    openApi = undefined;
  });

  app.get('/health', (_req, res) => {
    if (options.isDraining?.() === true) res.status(503).json({ status: 'draining' });
    else res.json({ status: 'ok' });
  });
  app.get('/ready', readinessHandler(options.readiness ?? [], options.readinessTimeoutMs ?? 2_000, logger));
  app.get('/openapi.json', (_req, res) => {
    openApi ??= buildOpenApiDocument(routes.list(), {
      title: `EventoNight ${options.service} service`,
      version: options.version ?? '1.0.0',
      description: API_DESCRIPTION,
    });
    res.json(openApi);
  });
  mountApiReference(app, options.service);

  const isQuiesced = options.isQuiesced;
  if (isQuiesced !== undefined) app.use(quiesceGuard(isQuiesced));

  // Mounted now, filled later: routes defined after this call still run before the 404.
  const router: Router = express.Router();
  app.use(concretePathMethods(routes));
  app.use(router);
  app.use(methodNotAllowed(routes));
  app.use(notFoundHandler());
  app.use(errorHandler(logger));

  return {
    app,
    router,
    routes,
    logger,
    bodyLimit: options.bodyLimit ?? '100kb',
    verifier: options.verifier,
  };
}
