import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';

/**
 * A stand-in for Keycloak in tests: a real HTTP server publishing a JWKS where a
 * service expects the realm's, and a `mint` that signs tokens shaped like Keycloak's
 * access tokens. Helpers below forge the tokens a verifier must refuse.
 */

export const TEST_REALM_PATH = '/realms/eventonight';
export const JWKS_PATH = `${TEST_REALM_PATH}/protocol/openid-connect/certs`;

export interface MintClaims {
  sub: string;
  roles?: readonly string[];
  /** Negative for a token that has already expired. Default 300. */
  expiresInSec?: number;
  issuer?: string;
  audience?: string | readonly string[];
  name?: string;
  email?: string;
  username?: string;
  /** Anything else to put in the payload (overrides the defaults). */
  extra?: Record<string, unknown>;
}

export interface TestIssuerOptions {
  /** Default: `http://127.0.0.1:<port>/realms/eventonight`, like a Keycloak realm. */
  issuer?: string;
  /** Default: `eventonight-api`. */
  audience?: string;
}

export interface TestIssuer {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  readonly kid: string;
  readonly publicJwk: JWK;
  readonly publicKeyPem: string;
  /** How many times the JWKS was served: lets tests see caching. */
  readonly jwksRequests: number;
  /** The payload `mint` would sign, for building forged tokens. */
  payload(claims: MintClaims): JWTPayload;
  mint(claims: MintClaims): Promise<string>;
  /** Signed by a key the JWKS does not publish, under an unknown kid. */
  mintWithOtherKey(claims: MintClaims): Promise<string>;
  /** Stops serving the JWKS (a Keycloak outage); minting keeps working. */
  close(): Promise<void>;
}

const CLIENT_ID = 'eventonight-web';

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function decodePart(part: string | undefined): Record<string, unknown> {
  if (part === undefined) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function buildPayload(claims: MintClaims, defaults: { issuer: string; audience: string }): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (claims.expiresInSec ?? 300);
  const username = claims.username ?? claims.sub;
  return {
    exp,
    iat: Math.min(now, exp - 60),
    jti: randomUUID(),
    iss: claims.issuer ?? defaults.issuer,
    aud: typeof claims.audience === 'string' ? claims.audience : [...(claims.audience ?? [defaults.audience])],
    sub: claims.sub,
    typ: 'Bearer',
    azp: CLIENT_ID,
    scope: 'openid profile email',
    realm_access: { roles: [...(claims.roles ?? ['member']), 'offline_access', 'default-roles-eventonight'] },
    email_verified: true,
    preferred_username: username,
    ...(claims.name === undefined ? {} : { name: claims.name }),
    ...(claims.email === undefined ? {} : { email: claims.email }),
    ...claims.extra,
  };
}

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

async function signRs256(payload: JWTPayload, key: SigningKey, kid: string): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key);
}

export async function startTestIssuer(options: TestIssuerOptions = {}): Promise<TestIssuer> {
  const kid = `test-${randomUUID()}`;
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256');
  const otherKid = `other-${randomUUID()}`;
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const publicKeyPem = await exportSPKI(publicKey);

  let jwksRequests = 0;
  let issuer = options.issuer ?? '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?', 1)[0];
    if (req.method === 'GET' && path === JWKS_PATH) {
      jwksRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
    } else if (req.method === 'GET' && path === `${TEST_REALM_PATH}/.well-known/openid-configuration`) {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ issuer, jwks_uri: `${baseUrl}${JWKS_PATH}` }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = options.issuer ?? `${baseUrl}${TEST_REALM_PATH}`;
  const defaults = { issuer, audience: options.audience ?? 'eventonight-api' };
  let closed: Promise<void> | undefined;

  return {
    issuer,
    jwksUrl: `${baseUrl}${JWKS_PATH}`,
    audience: defaults.audience,
    kid,
    publicJwk,
    publicKeyPem,
    get jwksRequests() {
      return jwksRequests;
    },
    payload: (claims) => buildPayload(claims, defaults),
    mint: (claims) => signRs256(buildPayload(claims, defaults), privateKey, kid),
    mintWithOtherKey: (claims) => signRs256(buildPayload(claims, defaults), other.privateKey, otherKid),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Verifiers keep connections alive; an outage must not wait for them to idle out.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/** `alg: none`, no signature: must never be accepted. */
export function unsignedToken(payload: JWTPayload): string {
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}.`;
}

/**
 * The algorithm-confusion forgery: HS256 with the issuer's *public* key as the HMAC
 * secret. A verifier that lets the token pick its algorithm would accept it.
 */
export function hs256WithPublicKey(payload: JWTPayload, publicKey: string | Uint8Array, kid?: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', ...(kid === undefined ? {} : { kid }) }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', publicKey).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

/** Changes payload claims but keeps the original header and signature. */
export function tamperPayload(token: string, patch: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || signature === undefined) throw new Error('not a JWT');
  return `${header}.${base64url(JSON.stringify({ ...decodePart(payload), ...patch }))}.${signature}`;
}

/** The payload of a token, unverified (for assertions). */
export function decodeTokenPayload(token: string): Record<string, unknown> {
  return decodePart(token.split('.')[1]);
}
