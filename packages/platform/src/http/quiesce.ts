import type { RequestHandler } from 'express';
import { problems } from './problem.js';

/** Methods that change nothing: they keep working while a service is quiesced. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * While `isQuiesced()` holds, every request that may write (any method but GET/HEAD/OPTIONS)
 * is answered 503 `quiesced` with Retry-After, before authentication, validation or the
 * handler: nothing it carries is stored, so the client's retry after the backup loses nothing.
 */
export function quiesceGuard(isQuiesced: () => boolean, retryAfterSeconds = 30): RequestHandler {
  return (req, _res, next) => {
    if (isQuiesced() && !READ_METHODS.has(req.method)) {
      next(problems.quiesced(retryAfterSeconds));
      return;
    }
    next();
  };
}
