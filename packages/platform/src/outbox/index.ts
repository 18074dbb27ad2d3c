export * from './fields.js';
export * from './relay.js';
export * from './signal.js';
export * from './tickets.js';
