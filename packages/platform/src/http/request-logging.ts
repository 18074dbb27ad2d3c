import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger/logger.js';
import { correlationIdOf } from './correlation.js';

const QUIET_PATHS = new Set(['/health', '/ready']);

interface SerializedRequestLike {
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
}

/**
 * One line per request, on the service's logger (whose mixin adds the correlation id).
 * Requests are logged as method, url and user agent only: no headers, so no
 * Authorization or Cookie can reach the log whatever the logger's redaction says.
 */
export function requestLogging(logger: Logger): RequestHandler {
  const middleware = pinoHttp({
    logger,
    genReqId: (req: IncomingMessage) => correlationIdOf(req) ?? '',
    serializers: {
      req: (req: SerializedRequestLike) => ({
        method: req.method,
        url: typeof req.url === 'string' ? req.url.slice(0, 512) : undefined,
        userAgent: req.headers?.['user-agent'],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // Probes hit these every few seconds; their failures are logged by the readiness handler.
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? '').split('?', 1)[0] ?? '') },
  });
  return (req, res, next) => middleware(req, res, next);
}
