import type { RequestHandler } from 'express';
import { problems } from './problem.js';
import type { RecordedRoute, RouteRegistry } from './route-registry.js';

interface PathMethods {
  readonly path: string;
  readonly pattern: RegExp;
  readonly concrete: boolean;
  readonly allowed: readonly string[];
}

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/** Express `/events/:eventId/like` as an anchored pattern: a parameter is one non-empty segment. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(ESCAPE, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`, 'i'); // express matches paths case-insensitively by default
}

/** The methods each recorded path serves; GET implies HEAD, as express answers HEAD with the GET route. */
function pathMethods(routes: readonly RecordedRoute[]): PathMethods[] {
  const byPath = new Map<string, Set<string>>();
  for (const route of routes) {
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method.toUpperCase());
    if (route.method === 'get') methods.add('HEAD');
    byPath.set(route.path, methods);
  }
  return [...byPath].map(([path, methods]) => ({
    path,
    pattern: patternOf(path),
    concrete: !path.includes(':'),
    allowed: [...methods].sort(),
  }));
}

/** The recorded paths, recomputed when a route is added. */
function knownPaths(routes: RouteRegistry): () => PathMethods[] {
  let known: PathMethods[] | undefined;
  routes.onChange(() => {
    known = undefined;
  });
  return () => (known ??= pathMethods(routes.list()));
}

/**
 * Mounted before the routes. OpenAPI matches a concrete path before a templated one:
 * `/media/uploads` is never the asset `uploads`, so a method only `/media/:assetId` serves is a
 * 405 there, and OPTIONS lists the concrete path's methods only (express would route the first
 * to the templated route and answer the second with the methods of both).
 */
export function concretePathMethods(routes: RouteRegistry): RequestHandler {
  const paths = knownPaths(routes);
  return (req, res, next) => {
    const concrete = paths().find((entry) => entry.concrete && entry.pattern.test(req.path));
    if (concrete === undefined || concrete.allowed.includes(req.method)) {
      next();
      return;
    }
    if (req.method === 'OPTIONS') {
      res.set('Allow', concrete.allowed.join(', ')).status(204).end();
      return;
    }
    next(problems.methodNotAllowed(concrete.allowed));
  };
}

/**
 * Mounted after the routes, before the 404: a request whose path one route serves but whose
 * method none does is a 405 with `Allow` (RFC 9110 §15.5.6), not a "no such resource" 404.
 * OPTIONS never gets here: express answers it for known paths with the same `Allow`.
 */
export function methodNotAllowed(routes: RouteRegistry): RequestHandler {
  const paths = knownPaths(routes);
  return (req, _res, next) => {
    // `/users/me` is matched by `/users/me` and `/users/:id`: any of their methods would be served.
    const allowed = new Set(paths().filter((entry) => entry.pattern.test(req.path)).flatMap((entry) => entry.allowed));
    if (allowed.size === 0) {
      next();
      return;
    }
    next(problems.methodNotAllowed([...allowed].sort()));
  };
}
