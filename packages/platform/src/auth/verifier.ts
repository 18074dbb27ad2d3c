import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { RecentValues } from '../util/recent-values.js';
import { AuthenticationError, KeySetUnavailableError } from './errors.js';
import { createKeySource } from './key-source.js';
import { principalFromClaims, type Principal } from './principal.js';

export interface JwtVerifierOptions {
  /** e.g. `https://auth.example/realms/eventonight/protocol/openid-connect/certs` */
  jwksUrl: string | URL;
  issuer: string;
  audience: string;
  /** Allowed clock skew between Keycloak and this host. Default 5 s. */
  clockToleranceSec?: number;
  /** Least time between refetches caused by an unknown `kid`. Default 30 s. */
  cooldownMs?: number;
  /** Key set refresh age. Default 10 min. */
  cacheMaxAgeMs?: number;
  /** JWKS fetch timeout. Default 3 s. */
  fetchTimeoutMs?: number;
  /** During an outage, how long to rely on cached keys before retrying the JWKS. Default 5 s. */
  outageRetryMs?: number;
  /**
   * How long a token verified once is answered from memory, never past its `exp`. Default 60 s.
   * A member's page sends the same token with every request; its signature check was the
   * largest single cost of a like after the database (docs/adr/0023).
   */
  verifiedTokenTtlMs?: number;
  /** Most verified tokens kept at once; the one verified longest ago goes first. Default 10,000. */
  verifiedTokenMaxEntries?: number;
  /** Told whether each verification was answered from memory (hit) or checked (miss). */
  onVerifiedTokenLookup?: (result: 'hit' | 'miss') => void;
}

export interface JwtVerifier {
  /** The caller behind `token`; throws AuthenticationError (401) or KeySetUnavailableError (503). */
  verify(token: string): Promise<Principal>;
}

/** Tokens are a few KB at most; anything longer is refused before any crypto work. */
const MAX_TOKEN_LENGTH = 16 * 1024;

/**
 * Verifies Keycloak access tokens locally against the realm's JWKS: RS256 only (so
 * `none` and HMAC-with-the-public-key forgeries fail), issuer, audience, `exp` and
 * `sub` required. No call to Keycloak per request.
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier & { readonly rememberedTokens: number } {
  const keys: JWTVerifyGetKey = createKeySource(new URL(options.jwksUrl), {
    cooldownMs: options.cooldownMs ?? 30_000,
    cacheMaxAgeMs: options.cacheMaxAgeMs ?? 10 * 60_000,
    fetchTimeoutMs: options.fetchTimeoutMs ?? 3_000,
    outageRetryMs: options.outageRetryMs ?? 5_000,
  });
  const verifyOptions = {
    algorithms: ['RS256'],
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: options.clockToleranceSec ?? 5,
    requiredClaims: ['exp', 'sub'],
  };

  const toleranceMs = verifyOptions.clockTolerance * 1_000;
  const verified = new RecentValues<Principal>({
    ttlMs: options.verifiedTokenTtlMs ?? 60_000,
    maxEntries: options.verifiedTokenMaxEntries ?? 10_000,
    ...(options.onVerifiedTokenLookup === undefined ? {} : { onLookup: options.onVerifiedTokenLookup }),
  });

  async function verifySignatureAndClaims(token: string): Promise<Principal> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, verifyOptions));
    } catch (error) {
      if (error instanceof KeySetUnavailableError) throw error;
      if (error instanceof errors.JWTExpired) throw new AuthenticationError('expired', 'token expired', error);
      const reason = error instanceof errors.JOSEError ? `${error.code}: ${error.message}` : String(error);
      throw new AuthenticationError('invalid', reason, error);
    }
    // Keycloak marks access tokens `typ: Bearer`; an ID or refresh token is not a credential here.
    const typ = (payload as { typ?: unknown }).typ;
    if (typ !== undefined && typ !== 'Bearer') throw new AuthenticationError('invalid', `token typ ${String(typ)}`);
    const principal = principalFromClaims(payload);
    if (principal === undefined) throw new AuthenticationError('invalid', 'token has no usable sub');
    return principal;
  }

  return {
    /** How many verified tokens are kept in memory now (at most `verifiedTokenMaxEntries`). */
    get rememberedTokens() {
      return verified.size;
    },
    async verify(token) {
      if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
        throw new AuthenticationError('invalid', `token length ${token.length}`);
      }
      // Keyed by the whole token: a changed byte anywhere is another key, verified in full.
      const principal = await verified.get(token, () => verifySignatureAndClaims(token));
      const expiresAt = principal.expiresAt?.getTime() ?? 0;
      if (expiresAt + toleranceMs > Date.now()) return principal;
      verified.forget(token);
      return verifySignatureAndClaims(token); // refuses it as expired
    },
  };
}
