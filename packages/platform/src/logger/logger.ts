import { pino, type Logger } from 'pino';
import { currentCorrelationId } from '../context/correlation.js';

export type { Logger };

export interface LoggerOptions {
  service: string;
  level?: string;
}

/** JSON logs on stdout; every line carries the service name and the current correlation id. */
export function createLogger(options: LoggerOptions): Logger {
  return pino({
    level: options.level ?? 'info',
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const correlationId = currentCorrelationId();
      return correlationId === undefined ? {} : { correlationId };
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
      censor: '[redacted]',
    },
  });
}
