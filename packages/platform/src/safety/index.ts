export * from './safety-copies.js';
export * from './rate-limit.js';
