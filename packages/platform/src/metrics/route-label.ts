import type { Request } from 'express';

/** The label of a request that matched no route: its path may hold ids, so it never becomes a label. */
export const UNMATCHED_ROUTE = 'unmatched';

/** `/events/:eventId/tiers/:tierId` → `/events/{eventId}/tiers/{tierId}` (the OpenAPI form). */
export function routeTemplate(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * The route template express matched for `req` (set once a route's handlers run, also for
 * the ones that answer 401 or 400 before the handler), or `unmatched`.
 */
export function routeLabelOf(req: Request): string {
  const route: unknown = req.route;
  const path = typeof route === 'object' && route !== null ? (route as { path?: unknown }).path : undefined;
  if (typeof path !== 'string') return UNMATCHED_ROUTE;
  return routeTemplate(`${req.baseUrl}${path}`);
}
