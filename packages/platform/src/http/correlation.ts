import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { isAcceptableCorrelationId, newCorrelationId, runWithCorrelationId } from '../context/correlation.js';

export const CORRELATION_HEADER = 'x-correlation-id';

const correlationIds = new WeakMap<IncomingMessage, string>();

/** The correlation id assigned to a request by `correlationMiddleware`. */
export function correlationIdOf(req: IncomingMessage): string | undefined {
  return correlationIds.get(req);
}

/**
 * Adopts the caller's `x-correlation-id` when it is safe to log and echo, otherwise
 * makes one; echoes it on the response and runs the rest of the request inside it.
 */
export function correlationMiddleware(): RequestHandler {
  return (req, res, next) => {
    const given = req.headers[CORRELATION_HEADER];
    const correlationId = typeof given === 'string' && isAcceptableCorrelationId(given) ? given : newCorrelationId();
    correlationIds.set(req, correlationId);
    res.setHeader(CORRELATION_HEADER, correlationId);
    runWithCorrelationId(correlationId, next);
  };
}

