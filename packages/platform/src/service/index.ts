export * from './start-service.js';
export * from './periodic-job.js';
