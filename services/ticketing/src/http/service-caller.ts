import { bearerTokenFrom, problems } from '@eventonight/platform';

/**
 * The `azp` (authorized party: the OAuth client that obtained the token) of a bearer token.
 * The platform's Principal does not expose it, so it is read here from the token's payload —
 * only ever AFTER the platform's verifier accepted the token (signature, issuer, audience,
 * expiry), which the route's `auth: 'authenticated'` guarantees; the payload is then trusted.
 */
export function authorizedPartyOf(authorization: string | undefined): string | undefined {
  const token = bearerTokenFrom(authorization);
  const payload = token?.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { azp?: unknown };
    return typeof claims.azp === 'string' ? claims.azp : undefined;
  } catch {
    return undefined;
  }
}

export function requireServiceCaller(authorization: string | undefined, expectedAzp: string): void {
  if (authorizedPartyOf(authorization) !== expectedAzp) throw problems.forbidden('This endpoint is for internal services only.');
}
