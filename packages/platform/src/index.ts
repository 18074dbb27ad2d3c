export * from './context/correlation.js';
export * from './logger/logger.js';
export * from './util/backoff.js';
export * from './persistence/index.js';
export * from './bus/index.js';
export * from './outbox/index.js';
