export * from './database.js';
export * from './event-tap.js';
export * from './infra.js';
export * from './wait.js';
export * from './queues.js';
export * from './tokens.js';
export * from './service-env.js';
export * from './http.js';
