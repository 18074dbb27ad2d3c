import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { correlationIdOrNew, runWithCorrelationId } from '../context/correlation.js';
import type { Logger } from '../logger/logger.js';
import { correlationIdOf } from './correlation.js';
import { classifyError } from './error-mapping.js';
import { PROBLEM_CONTENT_TYPE, problems } from './problem.js';

const MAX_INSTANCE = 512;

/** The request path as the problem's `instance`, without the query string and bounded in length. */
function instanceOf(req: Request): string {
  const path = req.originalUrl.split('?', 1)[0] ?? '/';
  return path.length <= MAX_INSTANCE ? path : path.slice(0, MAX_INSTANCE);
}

/** Mounted after every route: whatever was not answered is a 404 problem. */
export function notFoundHandler(): RequestHandler {
  return () => {
    throw problems.notFound('No resource matches this method and path.');
  };
}

/**
 * The last middleware: writes every error as problem+json with the correlation id.
 * The real error of a 5xx is logged with the request, never sent.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const correlationId = correlationIdOf(req) ?? correlationIdOrNew();
    runWithCorrelationId(correlationId, () => {
      const { problem, kind } = classifyError(error);
      if (kind !== 'problem') {
        // The request log line (pino-http) then carries the real error next to the request.
        res.err = error instanceof Error ? error : new Error(String(error));
      } else {
        const reason = (error as { reason?: unknown }).reason;
        logger.debug({ problem: problem.slug, ...(typeof reason === 'string' ? { reason } : {}) }, 'request refused');
      }
      // Too late for a problem body: let express end the broken response.
      if (res.headersSent) {
        next(error);
        return;
      }
      res.status(problem.status);
      res.set(problem.headers);
      res.setHeader('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
      res.json(problem.toBody({ instance: instanceOf(req), correlationId }));
    });
  };
}
