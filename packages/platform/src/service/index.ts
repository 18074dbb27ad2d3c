export * from './start-service.js';
export * from './periodic-job.js';
export * from './job-lease.js';
export * from './ops-server.js';
export * from './ops-access.js';
