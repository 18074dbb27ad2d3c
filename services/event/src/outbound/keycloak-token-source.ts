import { z } from 'zod';
import type { AccessTokenSource } from '../application/ports.js';
import { abortable } from './abortable.js';

export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Refresh this long before the token expires, so a token never expires in flight. Default 30 s. */
  refreshMarginMs?: number;
  /** Bound on one token request, independent of any caller's deadline. Default 5 s. */
  requestTimeoutMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});

/**
 * OAuth 2 client credentials against Keycloak, cached until shortly before expiry.
 * Concurrent callers share one token request; a failed request is not cached.
 */
export function clientCredentialsTokenSource(options: ClientCredentialsOptions): AccessTokenSource {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  const margin = options.refreshMarginMs ?? 30_000;
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  async function requestToken(): Promise<string> {
    const response = await doFetch(options.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
      }),
      signal: AbortSignal.timeout(options.requestTimeoutMs ?? 5_000),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`token endpoint answered ${response.status}`);
    }
    const parsed = tokenResponse.safeParse(await response.json());
    if (!parsed.success) throw new Error('token endpoint answered an unexpected body');
    const lifetimeMs = parsed.data.expires_in * 1000;
    // A short-lived token is refreshed at half its life rather than never cached.
    cached = { token: parsed.data.access_token, refreshAt: now() + Math.max(lifetimeMs - margin, lifetimeMs / 2) };
    return parsed.data.access_token;
  }

  return (signal) => {
    if (cached !== undefined && now() < cached.refreshAt) return Promise.resolve(cached.token);
    inFlight ??= requestToken().finally(() => {
      inFlight = undefined;
    });
    return abortable(inFlight, signal);
  };
}
