export * from './aggregate-store.js';
export * from './errors.js';
export * from './idempotent-writes.js';
export * from './mongo.js';
export * from './time-cursor.js';
export * from './versioned-copies.js';
export * from './command-stats.js';
