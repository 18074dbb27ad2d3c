import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { infra, keycloakIssuer, startGateway, uniqueName, type GatewayReply, type RunningGateway } from '@eventonight/testing';

/**
 * The edge's limits and refusals that need no service behind them: the real Traefik (traefik/ as
 * it is, rendered by infra/traefik-static.sh) in front of the real Keycloak and of a stand-in
 * upstream that answers every request with what it received. Companion of gateway.test.ts,
 * which runs the whole platform behind the gateway.
 */

interface Received {
  method: string;
  path: string;
  bytes: number;
}

/** An upstream that reads each request to its end and answers 200 with what it got. */
async function startEcho(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      const entry = { method: req.method ?? '', path: req.url ?? '', bytes };
      received.push(entry);
      res.writeHead(200, { 'content-type': 'application/json', 'x-echo': 'yes' }).end(JSON.stringify(entry));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/** An admin token of the realm: the user service's own service account (it manages users). */
async function adminToken(): Promise<string> {
  const response = await fetch(`${keycloakIssuer}/protocol/openid-connect/token`, {
    ...form({ grant_type: 'client_credentials', client_id: 'user-service', client_secret: infra.keycloakUserServiceClientSecret }),
    signal: AbortSignal.timeout(15_000),
  });
  assert.equal(response.status, 200, 'the user service client signs in');
  return ((await response.json()) as { access_token: string }).access_token;
}

const adminUsers = `${infra.keycloakUrl}/admin/realms/${infra.keycloakRealm}/users`;

/** A member account made straight in Keycloak (the user service is not needed here); returns its id. */
async function createKeycloakUser(username: string, password: string): Promise<string> {
  const response = await fetch(adminUsers, {
    method: 'POST',
    headers: { authorization: `Bearer ${await adminToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ username, email: username, emailVerified: true, enabled: true, firstName: 'Edge', lastName: 'Test', credentials: [{ type: 'password', value: password, temporary: false }] }),
    signal: AbortSignal.timeout(15_000),
  });
  assert.equal(response.status, 201, await response.text());
  const id = response.headers.get('location')?.split('/').pop();
  assert.ok(id !== undefined && id !== '', 'Keycloak names the new user');
  return id;
}

describe('edge: rate limits, encoded paths and the files entry point (real Traefik)', { timeout: 300_000 }, () => {
  let echo: Awaited<ReturnType<typeof startEcho>>;
  let gateway: RunningGateway;
  const userIds: string[] = [];

  before(async () => {
    echo = await startEcho();
    gateway = await startGateway({ keycloak: [infra.keycloakUrl], files: [echo.url], event: [echo.url], user: [echo.url] });
  });

  after(async () => {
    await gateway?.stop();
    echo?.server.close();
    if (userIds.length > 0) {
      const token = await adminToken().catch(() => undefined);
      for (const id of userIds) {
        if (token !== undefined) await fetch(`${adminUsers}/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
      }
    }
  });

  it('refresh grants from one address take the general limit; the sign-in form posts the strict one', async () => {
    const username = `${uniqueName('edge')}@edge.eventonight.test`.toLowerCase();
    const password = 'Edge-night-2026!';
    userIds.push(await createKeycloakUser(username, password));
    // One client address, as a venue's members behind its NAT are.
    const localAddress = '127.0.0.6';
    const tokenPath = `/realms/${infra.keycloakRealm}/protocol/openid-connect/token`;
    const grant = (fields: Record<string, string>) => gateway.request({ host: 'auth', path: tokenPath, localAddress, ...form({ client_id: infra.keycloakTestClientId, ...fields }) });

    const signIn = await grant({ grant_type: 'password', username, password });
    assert.equal(signIn.status, 200, signIn.text.slice(0, 200));
    let refreshToken = (JSON.parse(signIn.text) as { refresh_token: string }).refresh_token;
    // 30 refreshes in a row (each rotates the token), well past the strict limit's burst of 20.
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const refreshed = await grant({ grant_type: 'refresh_token', refresh_token: refreshToken });
      statuses.push(refreshed.status);
      if (refreshed.status === 200) refreshToken = (JSON.parse(refreshed.text) as { refresh_token: string }).refresh_token;
    }
    assert.deepEqual(statuses, Array.from({ length: 30 }, () => 200), `every refresh reaches Keycloak and succeeds: ${statuses.join(',')}`);

    // The sign-in form's posts from the same address: a burst of 20, then 10 a minute. (Without a
    // login session Keycloak answers its own error page; what matters is who answers.)
    const post = () =>
      gateway.request({ host: 'auth', path: `/realms/${infra.keycloakRealm}/login-actions/authenticate?client_id=eventonight-web`, localAddress, ...form({ username, password: 'wrong' }) });
    const posts: GatewayReply[] = [];
    for (let i = 0; i < 25; i += 1) posts.push(await post());
    const codes = posts.map((reply) => reply.status);
    assert.notEqual(codes[0], 429, 'the refreshes left the strict bucket untouched');
    assert.ok(codes.slice(0, 20).every((code) => code !== 429), `the burst of 20 reaches Keycloak: ${codes.join(',')}`);
    assert.ok(codes.slice(21).every((code) => code === 429), `then 429: ${codes.join(',')}`);
    // The registration and password-reset forms are on the same router: the same bucket.
    for (const action of ['registration', 'reset-credentials']) {
      const limited = await gateway.request({ host: 'auth', path: `/realms/${infra.keycloakRealm}/login-actions/${action}`, localAddress, ...form({}) });
      assert.equal(limited.status, 429, `${action}: the strict limit`);
    }
    // Refreshes still pass while the sign-in form is limited.
    const later = await grant({ grant_type: 'refresh_token', refresh_token: refreshToken });
    assert.equal(later.status, 200, later.text.slice(0, 200));
  });

  it("Keycloak's brute-force detection: after failed passwords even the right one is refused for a while", async () => {
    const username = `${uniqueName('guess')}@edge.eventonight.test`.toLowerCase();
    const password = 'Guess-night-2026!';
    const id = await createKeycloakUser(username, password);
    userIds.push(id);
    const grant = (secret: string) =>
      fetch(`${keycloakIssuer}/protocol/openid-connect/token`, {
        ...form({ grant_type: 'password', client_id: infra.keycloakTestClientId, username, password: secret }),
        signal: AbortSignal.timeout(15_000),
      });
    for (let i = 0; i < 5; i += 1) {
      const wrong = await grant(`wrong-${i}`);
      assert.ok([400, 401].includes(wrong.status), `a wrong password: ${wrong.status}`);
      assert.match(await wrong.text(), /invalid_grant/);
    }
    const right = await grant(password);
    assert.notEqual(right.status, 200, 'the account is temporarily locked: the right password is refused too');
    assert.match(await right.text(), /invalid_grant/);
    const status = await fetch(`${infra.keycloakUrl}/admin/realms/${infra.keycloakRealm}/attack-detection/brute-force/users/${id}`, {
      headers: { authorization: `Bearer ${await adminToken()}` },
    });
    if (status.status === 200) {
      const detected = (await status.json()) as { disabled?: boolean; numFailures?: number };
      assert.equal(detected.disabled, true, 'Keycloak reports the account as temporarily disabled');
      // Counted until the lock: two failures within quickLoginCheckMilliSeconds lock the account,
      // and Keycloak 26.7.5 does not count the attempts made while it is locked (it reports 2 here).
      assert.ok((detected.numFailures ?? 0) >= 1, `failures counted: ${detected.numFailures}`);
    }
  });

  it('refuses an encoded slash, backslash or NUL in the path with 400, locally and in the production rendering', async () => {
    const production = await startGateway({ event: [echo.url], files: [echo.url] }, { domain: 'eventonight.example', profile: 'production' });
    try {
      const refusedPaths = [
        { host: 'events', path: '/events%2F..%2Finternal' },
        { host: 'events', path: '/events%2f' },
        { host: 'events', path: '/events%5C..%5Cinternal' },
        { host: 'events', path: '/events%5c' },
        { host: 'events', path: '/events%00' },
        { host: 'localhost', path: '/api/event/events%2F..%2F..%2Fapi%2Fticketing%2Finternal' },
        { host: 'files', path: `/${infra.s3Bucket}/a%2F..%2Fb` },
      ];
      for (const [name, edge] of [
        ['local', gateway],
        ['production', production],
      ] as const) {
        const domainHost = (host: string) => (name === 'production' && host !== 'localhost' ? `${host}.eventonight.example` : host);
        const before = echo.received.length;
        for (const { host, path } of refusedPaths) {
          const reply = await edge.request({ host: domainHost(host), path, localAddress: '127.0.0.7' });
          assert.equal(reply.status, 400, `${name}: ${host} ${path} → ${reply.status} ${reply.text.slice(0, 100)}`);
          assert.equal(reply.headers['x-echo'], undefined, `${name}: ${path} refused by the gateway`);
        }
        assert.equal(echo.received.length, before, `${name}: nothing reached the upstream`);
        // Plain paths and the other encoded characters still pass (an encoded space, a percent).
        for (const path of ['/events', '/events/a%20b', '/events/100%25']) {
          const reply = await edge.request({ host: domainHost('events'), path, localAddress: '127.0.0.7' });
          assert.equal(reply.status, 200, `${name}: ${path} → ${reply.status}`);
          assert.equal(reply.headers['x-echo'], 'yes');
        }
      }
    } finally {
      await production.stop();
    }
  });

  it("a service's 503s (writes paused for a backup) open no circuit breaker: its reads still reach it", async () => {
    // A service quiesced for a backup (ADR 0017): writes answer 503 `quiesced`, reads work.
    const quiesced = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.method === 'GET') res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'yes' }).end('{"items":[]}');
        else res.writeHead(503, { 'content-type': 'application/problem+json', 'x-upstream': 'yes' }).end('{"title":"quiesced","status":503}');
      });
    });
    await new Promise<void>((resolve) => quiesced.listen(0, '127.0.0.1', resolve));
    const paused = await startGateway({ interaction: [`http://127.0.0.1:${(quiesced.address() as AddressInfo).port}`] });
    try {
      for (let i = 0; i < 20; i += 1) {
        const write = await paused.request({ method: 'PUT', host: 'interactions', path: `/events/e${i}/like`, localAddress: '127.0.0.8' });
        assert.equal(write.headers['x-upstream'], 'yes', `write ${i} reached the service (${write.status})`);
      }
      for (let i = 0; i < 10; i += 1) {
        const read = await paused.request({ host: 'interactions', path: '/events/e1/stats', localAddress: '127.0.0.8' });
        assert.equal(read.status, 200, `read ${i} during the pause: ${read.status} ${read.text.slice(0, 80)}`);
      }
    } finally {
      await paused.stop();
      quiesced.close();
    }
  });

  it('files.<domain> is served on its own entry point only, and each host on its own', async () => {
    const onFiles = await gateway.request({ host: 'files', path: `/${infra.s3Bucket}/key` });
    assert.equal(onFiles.status, 200);
    assert.equal(onFiles.headers['x-echo'], 'yes');
    assert.equal((await gateway.request({ host: 'files', path: `/${infra.s3Bucket}/key`, entryPoint: 'web' })).status, 404, 'no files route on the web entry point');
    assert.equal((await gateway.request({ host: 'events', path: '/events', entryPoint: 'files' })).status, 404, 'no API route on the files entry point');
    assert.equal((await gateway.request({ host: 'localhost', path: '/api/event/events', entryPoint: 'files' })).status, 404, 'nor the /api/ prefix routes');
    assert.equal((await gateway.request({ host: 'files', path: '/healthz' })).status, 403, "the store's probes stay refused");
  });

  it('a slow upload through files.<domain> outlasts the 60 s that cut the same upload to an API route', async (t) => {
    // 12 pieces of 4 KiB, 6 s apart: the last arrives ~66 s after the headers.
    const chunks = Array.from({ length: 12 }, (_, i) => Buffer.alloc(4096, 97 + i));
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const slow = (host: string, path: string) =>
      gateway.request({ host, method: 'POST', path, headers: { 'content-type': 'application/octet-stream' }, chunks, chunkDelayMs: 6_000, timeoutMs: 120_000 }).then(
        (reply) => ({ reply, error: undefined }),
        (error: unknown) => ({ reply: undefined, error }),
      );
    const startedAt = Date.now();
    const [upload, api] = await Promise.all([slow('files', `/${infra.s3Bucket}`), slow('events', '/events')]);
    t.diagnostic(`files: ${upload.reply?.status ?? String(upload.error)}; API: ${api.reply?.status ?? String(api.error)}; ${Date.now() - startedAt} ms`);

    assert.ok(upload.reply !== undefined, `the upload completes: ${String(upload.error)}`);
    assert.equal(upload.reply.status, 200, upload.reply.text);
    assert.ok(upload.reply.ms >= 60_000, `it took ${upload.reply.ms} ms`);
    assert.deepEqual(JSON.parse(upload.reply.text), { method: 'POST', path: `/${infra.s3Bucket}`, bytes: total }, 'the store received every byte');

    assert.ok(api.error !== undefined || (api.reply !== undefined && api.reply.status !== 200), 'the API route cuts the slow request');
    assert.ok(!echo.received.some((entry) => entry.path === '/events' && entry.method === 'POST'), 'the API upstream never got it');
  });
});
