import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { z } from 'zod';
import { hs256WithPublicKey, startTestIssuer, tamperPayload, unsignedToken, type TestIssuer } from '@eventonight/testing';
import {
  AuthenticationError,
  createJwtVerifier,
  KeySetUnavailableError,
  verifyHandshakeToken,
  type JwtVerifier,
} from '../src/auth/index.js';
import { createHttpApp, defineRoute, PROBLEM_BASE_URI, startHttpServer, type RunningHttpServer } from '../src/http/index.js';

const silent = pino({ level: 'silent' });

function buildApp(verifier: JwtVerifier) {
  const http = createHttpApp({ service: 'auth-test', logger: silent, verifier });
  defineRoute(
    http,
    {
      method: 'get',
      path: '/me',
      summary: 'Who am I',
      responses: {
        200: z.object({
          userId: z.string(),
          roles: z.array(z.string()),
          displayName: z.string().optional(),
          email: z.string().optional(),
          username: z.string().optional(),
          clientId: z.string().optional(),
        }),
      },
    },
    ({ principal }) => ({ status: 200, body: { ...principal, roles: [...principal.roles].sort() } }),
  );
  defineRoute(
    http,
    {
      method: 'post',
      path: '/events',
      summary: 'Organizations only',
      auth: { roles: ['organization'] },
      body: z.object({ title: z.string() }),
      responses: { 201: z.object({ title: z.string(), organizerId: z.string() }) },
    },
    ({ body, principal }) => ({ status: 201, body: { title: body.title, organizerId: principal.userId } }),
  );
  defineRoute(
    http,
    {
      method: 'put',
      path: '/internal/things',
      summary: 'The event service only',
      auth: { client: 'event-service' },
      body: z.strictObject({ count: z.number() }),
      responses: { 200: z.object({ count: z.number() }) },
    },
    ({ body }) => ({ status: 200, body: { count: body.count } }),
  );
  defineRoute(
    http,
    { method: 'get', path: '/feed', summary: 'Anyone', auth: 'optional', responses: { 200: z.object({ userId: z.string().nullable() }) } },
    ({ principal }) => ({ status: 200, body: { userId: principal?.userId ?? null } }),
  );
  return http;
}

async function expectProblem(response: Response, status: number, slug: string) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(body['type'], PROBLEM_BASE_URI + slug);
  assert.equal(body['status'], status);
  assert.ok(typeof body['correlationId'] === 'string' && body['correlationId'] !== '');
  assert.equal(body['correlationId'], response.headers.get('x-correlation-id'));
  return body;
}

describe('bearer authentication over HTTP', { timeout: 30_000 }, () => {
  let issuer: TestIssuer;
  let server: RunningHttpServer;
  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(server.url + path, { headers: { ...headers, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) } });

  before(async () => {
    issuer = await startTestIssuer();
    const verifier = createJwtVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience });
    server = await startHttpServer(buildApp(verifier).app, { port: 0, host: '127.0.0.1', logger: silent, graceMs: 500 });
  });
  after(async () => {
    await server.close();
    await issuer.close();
  });

  it('accepts a valid token and exposes the principal with its known roles', async () => {
    const token = await issuer.mint({
      sub: 'user-1',
      roles: ['member', 'organization', 'admin'],
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      username: 'ada',
    });
    const response = await get('/me', token);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      userId: 'user-1',
      roles: ['member', 'organization'],
      displayName: 'Ada Lovelace',
      email: 'ada@example.test',
      username: 'ada',
      clientId: 'eventonight-web',
    });
  });

  it('fetches the JWKS once, not per request', async () => {
    const before = issuer.jwksRequests;
    for (let i = 0; i < 5; i += 1) assert.equal((await get('/me', await issuer.mint({ sub: `u-${i}` }))).status, 200);
    assert.equal(issuer.jwksRequests, before);
    assert.ok(before <= 1);
  });

  const refused: Array<[string, () => Promise<string>]> = [
    ['an expired token', () => issuer.mint({ sub: 'user-1', expiresInSec: -120 })],
    ['a token from another issuer', () => issuer.mint({ sub: 'user-1', issuer: 'http://evil.test/realms/eventonight' })],
    ['a token for another audience', () => issuer.mint({ sub: 'user-1', audience: 'account' })],
    ['an unsigned (alg none) token', async () => unsignedToken(issuer.payload({ sub: 'user-1', roles: ['organization'] }))],
    [
      'an HS256 token keyed with the public key PEM',
      async () => hs256WithPublicKey(issuer.payload({ sub: 'user-1' }), issuer.publicKeyPem, issuer.kid),
    ],
    [
      'an HS256 token keyed with the public JWK',
      async () => hs256WithPublicKey(issuer.payload({ sub: 'user-1' }), JSON.stringify(issuer.publicJwk), issuer.kid),
    ],
    ['a token whose payload was tampered with', async () => tamperPayload(await issuer.mint({ sub: 'user-1' }), { sub: 'user-2' })],
    ['a token signed by a key the JWKS does not publish', () => issuer.mintWithOtherKey({ sub: 'user-1' })],
    ['an ID token instead of an access token', () => issuer.mint({ sub: 'user-1', extra: { typ: 'ID' } })],
    ['a token without exp', () => issuer.mint({ sub: 'user-1', extra: { exp: undefined } })],
    ['a token without sub', () => issuer.mint({ sub: 'user-1', extra: { sub: undefined } })],
    ['a token that is not a JWT', async () => 'not.a.jwt'],
  ];
  for (const [name, makeToken] of refused) {
    it(`refuses ${name} with a 401 problem`, async () => {
      const response = await get('/me', await makeToken(), { 'x-correlation-id': 'auth-check' });
      const problem = await expectProblem(response, 401, 'unauthorized');
      assert.equal(problem['correlationId'], 'auth-check');
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer .*error="invalid_token"/);
    });
  }

  it('refuses a request without Authorization with a bare Bearer challenge', async () => {
    const response = await get('/me');
    await expectProblem(response, 401, 'unauthorized');
    const challenge = response.headers.get('www-authenticate') ?? '';
    assert.match(challenge, /^Bearer /);
    assert.doesNotMatch(challenge, /error=/);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const response = await fetch(`${server.url}/me`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    await expectProblem(response, 401, 'unauthorized');
    assert.match(response.headers.get('www-authenticate') ?? '', /error="invalid_request"/);
  });

  it('answers 403 when the principal lacks the role, and lets the role through', async () => {
    const post = (token: string) =>
      fetch(`${server.url}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Gig' }),
      });
    await expectProblem(await post(await issuer.mint({ sub: 'member-1', roles: ['member'] })), 403, 'forbidden');
    const allowed = await post(await issuer.mint({ sub: 'org-1', roles: ['organization'] }));
    assert.equal(allowed.status, 201);
    assert.deepEqual(await allowed.json(), { title: 'Gig', organizerId: 'org-1' });
  });

  it("refuses another client's token on a client-only route before reading the body", async () => {
    const put = (token: string, body: string) =>
      fetch(`${server.url}/internal/things`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
    const member = await issuer.mint({ sub: 'member-1', roles: ['member'] });
    const refused = await expectProblem(await put(member, '{"wrong":true}'), 403, 'forbidden');
    assert.doesNotMatch(JSON.stringify(refused), /wrong|count/);
    const service = await issuer.mint({ sub: 'service-account-event-service', extra: { azp: 'event-service' } });
    await expectProblem(await put(service, '{"wrong":true}'), 400, 'validation');
    const allowed = await put(service, '{"count":3}');
    assert.equal(allowed.status, 200);
    assert.deepEqual(await allowed.json(), { count: 3 });
  });

  it('authenticates before reading the body', async () => {
    const response = await fetch(`${server.url}/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    await expectProblem(response, 401, 'unauthorized');
  });

  it('makes the principal optional on optional routes, but still refuses bad tokens', async () => {
    assert.deepEqual(await (await get('/feed')).json(), { userId: null });
    assert.deepEqual(await (await get('/feed', await issuer.mint({ sub: 'user-9' }))).json(), { userId: 'user-9' });
    await expectProblem(await get('/feed', await issuer.mintWithOtherKey({ sub: 'user-9' })), 401, 'unauthorized');
  });

  it('documents bearer security and required roles in OpenAPI', async () => {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    assert.deepEqual(doc.components.securitySchemes['bearerAuth'], { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    assert.deepEqual(doc.paths['/me']?.['get']?.['security'], [{ bearerAuth: [] }]);
    assert.deepEqual(doc.paths['/events']?.['post']?.['x-required-roles'], ['organization']);
    assert.equal(doc.paths['/internal/things']?.['put']?.['x-required-client'], 'event-service');
    assert.deepEqual(doc.paths['/feed']?.['get']?.['security'], [{}, { bearerAuth: [] }]);
  });
});

describe('JWKS caching through a Keycloak outage', { timeout: 30_000 }, () => {
  it('keeps accepting tokens whose key is cached after the JWKS server stops', async () => {
    const issuer = await startTestIssuer();
    const verifier = createJwtVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience });
    const server = await startHttpServer(buildApp(verifier).app, { port: 0, logger: silent, graceMs: 500 });
    try {
      const first = await issuer.mint({ sub: 'user-1' });
      assert.equal((await fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${first}` } })).status, 200);
      assert.equal(issuer.jwksRequests, 1);
      await issuer.close();

      const second = await issuer.mint({ sub: 'user-2' });
      const response = await fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${second}` } });
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { userId: string }).userId, 'user-2');
    } finally {
      await server.close();
      await issuer.close();
    }
  });

  it('falls back to the cached keys when a due refresh fails (stale-if-error)', async () => {
    const issuer = await startTestIssuer();
    const verifier = createJwtVerifier({
      jwksUrl: issuer.jwksUrl,
      issuer: issuer.issuer,
      audience: issuer.audience,
      cacheMaxAgeMs: 1,
      cooldownMs: 0,
    });
    try {
      assert.equal((await verifier.verify(await issuer.mint({ sub: 'user-1' }))).userId, 'user-1');
      await issuer.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal((await verifier.verify(await issuer.mint({ sub: 'user-2' }))).userId, 'user-2');
      // A key never seen cannot be checked while the JWKS is down: unavailable, not "invalid".
      await assert.rejects(verifier.verify(await issuer.mintWithOtherKey({ sub: 'user-3' })), KeySetUnavailableError);
      // Forgeries are still refused from the cache.
      await assert.rejects(verifier.verify(unsignedToken(issuer.payload({ sub: 'user-1' }))), AuthenticationError);
    } finally {
      await issuer.close();
    }
  });

  it('answers 503 when the JWKS has never been reachable', async () => {
    const issuer = await startTestIssuer();
    const token = await issuer.mint({ sub: 'user-1' });
    await issuer.close();
    const verifier = createJwtVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience });
    const server = await startHttpServer(buildApp(verifier).app, { port: 0, logger: silent, graceMs: 500 });
    try {
      const response = await fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${token}` } });
      await expectProblem(response, 503, 'service-unavailable');
    } finally {
      await server.close();
    }
  });
});

describe('tokens verified once are answered from memory', { timeout: 30_000 }, () => {
  let issuer: TestIssuer;
  before(async () => {
    issuer = await startTestIssuer();
  });
  after(() => issuer.close());

  it('refuses a token it accepted before once the token has expired', async () => {
    const verifier = createJwtVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience, clockToleranceSec: 0 });
    const token = await issuer.mint({ sub: 'user-short', expiresInSec: 1 });
    assert.equal((await verifier.verify(token)).userId, 'user-short');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await assert.rejects(verifier.verify(token), (error: unknown) => {
      assert.ok(error instanceof AuthenticationError);
      assert.equal(error.failure, 'expired');
      return true;
    });
  });

  it('still refuses a tampered copy of a token it accepted', async () => {
    const verifier = createJwtVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience });
    const token = await issuer.mint({ sub: 'user-1', roles: ['member'] });
    assert.equal((await verifier.verify(token)).userId, 'user-1');
    await assert.rejects(verifier.verify(tamperPayload(token, { sub: 'user-2', realm_access: { roles: ['organization'] } })), AuthenticationError);
    assert.equal((await verifier.verify(token)).userId, 'user-1');
  });
});

describe('handshake verification (Socket.IO)', { timeout: 30_000 }, () => {
  let issuer: TestIssuer;
  let verifier: JwtVerifier;
  before(async () => {
    issuer = await startTestIssuer();
    verifier = createJwtVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience });
  });
  after(() => issuer.close());

  it('returns the principal for a raw or "Bearer "-prefixed token', async () => {
    const token = await issuer.mint({ sub: 'user-5', roles: ['organization'] });
    const principal = await verifyHandshakeToken(verifier, token);
    assert.equal(principal.userId, 'user-5');
    assert.deepEqual([...principal.roles], ['organization']);
    assert.equal((await verifyHandshakeToken(verifier, `Bearer ${token}`)).userId, 'user-5');
  });

  it('throws AuthenticationError for a missing or invalid token', async () => {
    await assert.rejects(verifyHandshakeToken(verifier, undefined), (error: unknown) => {
      assert.ok(error instanceof AuthenticationError);
      assert.equal(error.failure, 'missing');
      return true;
    });
    await assert.rejects(verifyHandshakeToken(verifier, await issuer.mint({ sub: 'u', expiresInSec: -60 })), (error: unknown) => {
      assert.ok(error instanceof AuthenticationError);
      assert.equal(error.failure, 'expired');
      return true;
    });
  });
});
