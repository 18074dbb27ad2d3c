export * from './service-metrics.js';
export * from './scraped-value.js';
export * from './route-label.js';
export * from './http-metrics.js';
