export * from './connection.js';
export * from './consumer.js';
export * from './publisher.js';
export * from './topology.js';
