import { createLocalJWKSet, createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import { KeySetUnavailableError } from './errors.js';

export interface KeySourceOptions {
  /** Least time between two fetches triggered by an unknown `kid` (bounds what forged kids can cost). */
  cooldownMs: number;
  /** Age after which the key set is refreshed, so keys removed from the realm stop being trusted. */
  cacheMaxAgeMs: number;
  fetchTimeoutMs: number;
  /** After a failed fetch, how long to serve from the last known keys before trying the network again. */
  outageRetryMs: number;
}

/** The realm's JWKS was unreachable or answered garbage — as opposed to "the token names no key we have". */
function isFetchFailure(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true; // fetch() network errors are plain TypeErrors
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === 'ERR_JOSE_GENERIC';
}

/**
 * jose's remote key set, made stale-if-error: jose refetches once the cache is older
 * than `cacheMaxAge` and fails the verification when that fetch fails. Here a failed
 * fetch falls back to the last key set that was fetched, so a Keycloak outage does not
 * stop tokens whose key we already hold; only a key we have never seen yields 503.
 */
export function createKeySource(jwksUrl: URL, options: KeySourceOptions): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(jwksUrl, {
    cooldownDuration: options.cooldownMs,
    cacheMaxAge: options.cacheMaxAgeMs,
    timeoutDuration: options.fetchTimeoutMs,
  });
  let retryRemoteAt = 0;
  let lastKnown: { json: string; keys: JWTVerifyGetKey } | undefined;
  let lastFailure: unknown;

  function lastKnownKeys(): JWTVerifyGetKey | undefined {
    const jwks = remote.jwks();
    if (jwks === undefined) return undefined;
    const json = JSON.stringify(jwks);
    if (lastKnown?.json !== json) lastKnown = { json, keys: createLocalJWKSet(jwks) };
    return lastKnown.keys;
  }

  async function fromLastKnown(...args: Parameters<JWTVerifyGetKey>) {
    const keys = lastKnownKeys();
    if (keys === undefined) throw new KeySetUnavailableError(lastFailure);
    try {
      return await keys(...args);
    } catch (error) {
      // The token may carry a newly rotated key we could not fetch: that is not the client's fault.
      if (error instanceof errors.JWKSNoMatchingKey) throw new KeySetUnavailableError(lastFailure);
      throw error;
    }
  }

  return async (...args) => {
    if (Date.now() < retryRemoteAt) return fromLastKnown(...args);
    try {
      return await remote(...args);
    } catch (error) {
      if (!isFetchFailure(error)) throw error;
      lastFailure = error;
      retryRemoteAt = Date.now() + options.outageRetryMs;
      return fromLastKnown(...args);
    }
  };
}
