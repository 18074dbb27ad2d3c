import { pino, type Logger } from 'pino';
import { currentCorrelationId } from '../context/correlation.js';
import { traceLogFields } from '../tracing/log-fields.js';

export type { Logger };

export interface LoggerOptions {
  service: string;
  level?: string;
}

/**
 * JSON logs on stdout; every line carries the service name and the current correlation id, and,
 * while a span is active, its trace_id and span_id (ADR 0036).
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino({
    level: options.level ?? 'info',
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const correlationId = currentCorrelationId();
      const trace = traceLogFields();
      return correlationId === undefined ? trace : { correlationId, ...trace };
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
      censor: '[redacted]',
    },
  });
}
