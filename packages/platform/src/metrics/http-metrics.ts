import type { RequestHandler } from 'express';
import { routeLabelOf } from './route-label.js';
import type { ServiceMetrics } from './service-metrics.js';

/**
 * Counts and times every request once its response is finished, by method, route template
 * and status. The route is read at the end: express knows which route matched only then.
 */
export function httpMetrics(metrics: ServiceMetrics): RequestHandler {
  return (req, res, next) => {
    const startedAt = process.hrtime.bigint();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeLabelOf(req), status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpRequestDuration.observe(labels, Number(process.hrtime.bigint() - startedAt) / 1e9);
    });
    next();
  };
}
