import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  connectNotificationSocket,
  createVhost,
  deleteAccount,
  deleteVhost,
  infra,
  registerAccount,
  SERVICE_NAMES,
  startGateway,
  startSystem,
  uniqueName,
  Upstream,
  waitFor,
  GATEWAY_HOSTS,
  gatewayUpstreamsOf,
  type Account,
  type GatewayReply,
  type RunningGateway,
  type RunningSystem,
} from '@eventonight/testing';
import { objectClient } from '../../scripts/backup/objects.js';

/**
 * The edge as users reach it: the real Traefik (traefik/ as it is, rendered for local use) in
 * front of the seven services as processes, a second notification replica, the real Keycloak and
 * the S3 store, and a stand-in for the web app's static server. Each request carries the Host header a
 * browser would send to http://<name>.localhost:<port>.
 */

const WEB_PAGE = '<!doctype html><title>EventoNight</title>';

function assertSecurityHeaders(reply: GatewayReply, what: string): void {
  assert.match(String(reply.headers['strict-transport-security']), /max-age=31536000/, `${what}: HSTS`);
  assert.equal(reply.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.equal(reply.headers['referrer-policy'] !== undefined, true, `${what}: referrer policy`);
  assert.equal(reply.headers['x-powered-by'], undefined, `${what}: no X-Powered-By`);
}

function assertRefused(reply: GatewayReply, what: string): void {
  assert.equal(reply.status, 403, `${what}: expected 403, got ${reply.status} ${reply.text.slice(0, 200)}`);
}

describe('gateway: the real Traefik in front of the platform', { timeout: 300_000 }, () => {
  let system: RunningSystem;
  let gateway: RunningGateway;
  let web: Server;
  let replicaVhost: string;
  let organizer: Account | undefined;
  const sockets: Socket[] = [];

  before(async () => {
    system = await startSystem();
    // The second notification replica listens on a virtual host of its own where nothing is
    // published: it consumes no event, so every push its clients get was emitted by the first
    // replica and relayed by the Redis adapter.
    replicaVhost = uniqueName('gw_replica');
    const replica = await system.addReplica('notification', { AMQP_URL: await createVhost(replicaVhost) });
    web = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(WEB_PAGE));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    gateway = await startGateway({
      ...gatewayUpstreamsOf(system),
      notification: [system.url('notification'), replica.url],
      web: [`http://127.0.0.1:${(web.address() as AddressInfo).port}`],
    });
  });

  after(async () => {
    for (const socket of sockets) socket.close();
    if (organizer !== undefined) await deleteAccount(system.url('user'), organizer);
    await gateway?.stop();
    await system?.stop();
    await deleteVhost(replicaVhost).catch(() => undefined);
    web?.close();
  });

  it('reaches every service by its host name, and by /api/<service>/ on any host', async () => {
    for (const service of SERVICE_NAMES) {
      const reply = await gateway.request({ host: GATEWAY_HOSTS[service], path: '/openapi.json' });
      assert.equal(reply.status, 200, `${service}: ${reply.text.slice(0, 200)}`);
      assert.match(reply.text, /"openapi"/, `${service} answers its own OpenAPI document`);
      const prefixed = await gateway.request({ host: 'localhost', path: `/api/${service}/openapi.json` });
      assert.equal(prefixed.status, 200, `/api/${service}/openapi.json`);
    }
    const events = await gateway.request({ host: 'events', path: '/events' });
    assert.equal(events.status, 200, events.text);
    assert.ok(Array.isArray((JSON.parse(events.text) as { items?: unknown }).items), 'the public event list');

    const discovery = await gateway.request({ host: 'auth', path: `/realms/${infra.keycloakRealm}/.well-known/openid-configuration` });
    assert.equal(discovery.status, 200, discovery.text.slice(0, 200));
    assert.match(discovery.text, /"issuer"/);
    // A password grant on the eventonight realm reaches Keycloak (wrong password: its own refusal).
    const grant = await gateway.request({
      host: 'auth',
      method: 'POST',
      path: `/realms/${infra.keycloakRealm}/protocol/openid-connect/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: infra.keycloakTestClientId, username: 'nobody@eventonight.test', password: 'wrong' }).toString(),
    });
    assert.equal(grant.status, 400, grant.text.slice(0, 200));
    assert.match(grant.text, /invalid_grant/);

    const object = await gateway.request({ host: 'files', path: `/${infra.s3Bucket}/no-such-object` });
    assert.ok([403, 404].includes(object.status), `files: ${object.status}`);
    assert.ok(object.headers['x-amz-request-id'] !== undefined, 'the object store answered');
    // A view URL signed for the public host (as media signs for S3_PUBLIC_URL) opens through
    // Traefik: the store checks the signature against the Host and X-Forwarded-* it receives.
    const store = { region: infra.s3Region, accessKey: infra.s3AccessKey, secretKey: infra.s3SecretKey, bucket: infra.s3Bucket };
    const key = `${uniqueName('gateway')}/view`;
    await objectClient({ ...store, endpoint: new URL(infra.s3Endpoint) }).putObject(infra.s3Bucket, key, Buffer.from('through the edge'), 16, { 'Content-Type': 'text/plain' });
    const signed = new URL(await objectClient({ ...store, endpoint: new URL(gateway.origin('files')) }).presignedGetObject(infra.s3Bucket, key, 60));
    const viewed = await gateway.request({ host: 'files', path: `${signed.pathname}${signed.search}` });
    assert.equal(viewed.status, 200, viewed.text.slice(0, 300));
    assert.equal(viewed.text, 'through the edge');
    const tampered = await gateway.request({ host: 'files', path: `${signed.pathname}x${signed.search}` });
    assert.equal(tampered.status, 403, 'a signature covers the key');

    const app = await gateway.request({ host: 'app', path: '/' });
    assert.equal(app.status, 200);
    assert.equal(app.text, WEB_PAGE);

    // Calendar addresses are handed out on the app's origin (ADR 0031): there, /api/<service>/
    // reaches the service, not the app (an unknown feed token and event answer the service's 404).
    for (const path of [`/api/ticketing/calendar-feed/${'A'.repeat(43)}.ics`, '/api/event/events/no-such-event/calendar.ics']) {
      const calendar = await gateway.request({ host: 'app', path });
      assert.equal(calendar.status, 404, `${path}: ${calendar.text.slice(0, 200)}`);
      assert.match(String(calendar.headers['content-type']), /^application\/problem\+json/, `${path} answered by the service`);
    }
  });

  it("lets every operation of every service's OpenAPI document through by host name, and refuses the internal ones", async () => {
    // Anonymous calls with placeholder parameters: the answer must be the service's own (JSON,
    // a 401 or a validation problem at worst), never Traefik's 404 or 403 (plain text).
    for (const service of SERVICE_NAMES) {
      const host = GATEWAY_HOSTS[service];
      const document = JSON.parse((await gateway.request({ host, path: '/openapi.json' })).text) as {
        paths: Record<string, Record<string, { tags?: string[] }>>;
      };
      const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
      assert.ok(operations.length > 0, `${service} documents its operations`);
      for (const { path, method, op } of operations) {
        const concrete = path.replace(/\{[^}]+\}/g, 'gateway-probe');
        const withBody = ['post', 'put', 'patch'].includes(method);
        const reply = await gateway.request({
          host,
          method: method.toUpperCase(),
          path: concrete,
          localAddress: '127.0.0.5',
          ...(withBody ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}),
        });
        const what = `${service} ${method.toUpperCase()} ${path} → ${reply.status} ${reply.text.slice(0, 120)}`;
        if (op.tags?.includes('internal')) {
          assertRefused(reply, what);
          assert.doesNotMatch(String(reply.headers['content-type']), /json/, `${what}: refused by the gateway, not the service`);
        } else {
          assert.match(String(reply.headers['content-type']), /json/, `${what}: answered by the service`);
          assert.ok(reply.status < 500, what);
        }
      }
    }
  });

  it('refuses /internal, the probes, Keycloak admin and master realm, and the object store admin API', async () => {
    assertRefused(await gateway.request({ host: 'tickets', method: 'PUT', path: '/internal/events/e1/tiers', body: '{}', headers: { 'content-type': 'application/json' } }), 'tickets /internal');
    assertRefused(await gateway.request({ host: 'tickets', path: '/INTERNAL/events/e1/tiers' }), 'tickets /INTERNAL');
    assertRefused(await gateway.request({ host: 'localhost', method: 'PUT', path: '/api/ticketing/internal/events/e1/tiers', body: '{}' }), '/api/ticketing/internal');
    for (const service of SERVICE_NAMES) {
      assertRefused(await gateway.request({ host: GATEWAY_HOSTS[service], path: '/ready' }), `${service} /ready`);
      assertRefused(await gateway.request({ host: GATEWAY_HOSTS[service], path: '/health' }), `${service} /health`);
      assertRefused(await gateway.request({ host: 'localhost', path: `/api/${service}/ready` }), `/api/${service}/ready`);
    }
    // Keycloak itself serves the master realm: the refusal below is the gateway's.
    assert.equal((await fetch(`${infra.keycloakUrl}/realms/master/.well-known/openid-configuration`)).status, 200);
    assertRefused(await gateway.request({ host: 'auth', path: '/admin/' }), 'Keycloak admin console');
    assertRefused(await gateway.request({ host: 'auth', path: '/admin/realms/eventonight/users' }), 'Keycloak admin REST API');
    assertRefused(await gateway.request({ host: 'auth', path: '/realms/master/.well-known/openid-configuration' }), 'master realm discovery');
    assertRefused(
      await gateway.request({
        host: 'auth',
        method: 'POST',
        path: '/realms/master/protocol/openid-connect/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=password&client_id=admin-cli&username=admin&password=admin',
      }),
      'master realm token endpoint',
    );
    assertRefused(await gateway.request({ host: 'auth', path: '/realms/Master/account' }), 'master realm, other case');
    assertRefused(await gateway.request({ host: 'files', path: '/healthz' }), 'object store probe');
    assertRefused(await gateway.request({ host: 'files', path: '/Status' }), 'object store probe, other case');
  });

  it('puts the security headers on answers and on errors', async () => {
    assertSecurityHeaders(await gateway.request({ host: 'events', path: '/events' }), '200 from a service');
    const notFound = await gateway.request({ host: 'events', path: '/no-such-route' });
    assert.equal(notFound.status, 404);
    assertSecurityHeaders(notFound, '404 from a service');
    const unauthorized = await gateway.request({ host: 'tickets', path: '/orders' });
    assert.equal(unauthorized.status, 401);
    assertSecurityHeaders(unauthorized, '401 from a service');
    assertSecurityHeaders(await gateway.request({ host: 'tickets', path: '/internal/x' }), '403 from the gateway');
    assert.equal((await gateway.request({ host: 'events', path: '/events' })).headers['x-frame-options'], 'DENY');
  });

  it("answers a CORS preflight from the web app's origin and refuses one from an unknown origin", async () => {
    const preflight = (origin: string) =>
      gateway.request({
        host: 'events',
        method: 'OPTIONS',
        path: '/events',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const app = gateway.origin('app');
    const allowed = await preflight(app);
    assert.ok(allowed.status < 300, `preflight status ${allowed.status}`);
    assert.equal(allowed.headers['access-control-allow-origin'], app);
    assert.match(String(allowed.headers['access-control-allow-methods']), /POST/);
    assert.match(String(allowed.headers['access-control-allow-headers']).toLowerCase(), /authorization/);
    const refused = await preflight('https://evil.example');
    assert.equal(refused.headers['access-control-allow-origin'], undefined, 'no CORS grant for an unknown origin');
  });

  it("Socket.IO's handshake through the gateway grants CORS to the app's origin, none to another", async () => {
    const handshake = (origin: string) =>
      gateway.request({ host: 'notifications', path: '/socket.io/?EIO=4&transport=polling', headers: { origin }, localAddress: '127.0.0.8' });
    const app = gateway.origin('app');
    const granted = await handshake(app);
    assert.equal(granted.status, 200, granted.text.slice(0, 200));
    assert.equal(granted.headers['access-control-allow-origin'], app);
    // Traefik grants nothing to this origin; the service must not either (it used to reflect any
    // origin, with credentials, and Traefik passes the service's headers on).
    const foreign = await handshake('https://evil.example');
    assert.equal(foreign.status, 200, 'the answer itself is unchanged: the browser is what withholds it');
    // (Traefik's cors middleware adds Allow-Credentials to every answer; without an allowed origin it grants nothing.)
    assert.equal(foreign.headers['access-control-allow-origin'], undefined, 'no CORS grant for another origin');
  });

  it('production rendering: CORS grants https://*.<domain> only, never http://*.localhost', async () => {
    const production = await startGateway({ event: [system.url('event')] }, { domain: 'eventonight.example', profile: 'production' });
    try {
      const preflight = (origin: string) =>
        production.request({
          host: 'events.eventonight.example',
          method: 'OPTIONS',
          path: '/events',
          headers: { origin, 'access-control-request-method': 'GET' },
        });
      assert.equal((await preflight('https://app.eventonight.example')).headers['access-control-allow-origin'], 'https://app.eventonight.example');
      assert.equal((await preflight('http://app.localhost:8000')).headers['access-control-allow-origin'], undefined);
      assert.equal((await preflight('http://app.eventonight.example')).headers['access-control-allow-origin'], undefined, 'plain http is refused');
    } finally {
      await production.stop();
    }
  });

  it('a burst over the registration limit gets 429 while other clients and routes keep working', async () => {
    // Registration allows a burst of 20 per client IP; the bodies are invalid, so nothing is created.
    const burst = (localAddress: string) =>
      gateway.request({ host: 'users', method: 'POST', path: '/users', body: '{}', headers: { 'content-type': 'application/json' }, localAddress });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await burst('127.0.0.3')).status);
    assert.equal(statuses[0], 400, 'the first requests reach the user service');
    assert.ok(statuses.filter((status) => status === 429).length >= 5, `429s after the burst: ${statuses.join(',')}`);
    assert.equal((await burst('127.0.0.4')).status, 400, 'another client is not limited');
    assert.equal((await gateway.request({ host: 'events', path: '/events', localAddress: '127.0.0.3' })).status, 200, 'another route is not limited');
    const limited = await burst('127.0.0.3');
    assert.equal(limited.status, 429);
    assertSecurityHeaders(limited, '429 from the gateway');
  });

  it('refuses an oversized body with 413 before it reaches the service', async () => {
    const reply = await gateway.request({
      host: 'events',
      method: 'POST',
      path: '/events',
      // As curl sends a large body: the gateway refuses on Content-Length before reading it.
      headers: { 'content-type': 'application/json', expect: '100-continue' },
      body: Buffer.alloc(2 * 1024 * 1024, 'a'),
    });
    assert.equal(reply.status, 413);
    // The gateway's own refusal: the service would have answered a problem+json 413 of its own.
    assert.doesNotMatch(String(reply.headers['content-type'] ?? ''), /problem\+json/, reply.text);
  });

  it('Socket.IO through the gateway: sticky to one of two replicas, pushes relayed across them', async () => {
    organizer = await registerAccount(`http://127.0.0.1:${gateway.port}/api/user`, { role: 'organization', displayName: 'Edge Hall', organization: { name: 'Edge Hall' } });
    const token = await organizer.token();
    const replicaCookies = new Set<string>();
    for (let i = 0; i < 6; i += 1) {
      // Long-polling handshake, then the upgrade: several requests that must all reach one replica.
      const socket = await connectNotificationSocket(`http://127.0.0.1:${gateway.port}/api/notification`, token, { transport: 'polling-then-upgrade', timeoutMs: 10_000 });
      sockets.push(socket);
      await waitFor(() => (socket.io.engine.transport.name === 'websocket' ? true : undefined), { timeoutMs: 10_000, what: 'the upgrade to WebSocket' });
      for (const [name, cookie] of socket.io.engine._cookieJar.cookies) if (name === 'eventonight_notification') replicaCookies.add(cookie.value);
    }
    assert.equal(replicaCookies.size, 2, 'the clients are spread over both replicas, each pinned by the sticky cookie');

    const received = sockets.map(() => [] as Array<{ type: string }>);
    sockets.forEach((socket, index) => socket.on('notification', (notification: { type: string }) => received[index]?.push(notification)));
    const upstream = await Upstream.open(system.amqpUrl);
    try {
      upstream.publish(upstream.event('interaction.like.added', { eventId: uniqueName('ev'), userId: uniqueName('fan'), eventOwnerId: organizer.id }));
      await waitFor(() => (received.every((list) => list.some((notification) => notification.type === 'event.liked')) ? true : undefined), {
        timeoutMs: 20_000,
        what: 'the push on every socket, on both replicas',
      });
    } finally {
      await upstream.close();
    }
  });

  it('an upstream that is down fails fast (502/503) and works again after its restart, Traefik untouched', async (t) => {
    const probe = () => gateway.request({ host: 'chat', path: '/conversations', timeoutMs: 10_000 });
    assert.equal((await probe()).status, 401, 'chat answers before the kill');
    await system.kill('chat');
    for (let i = 0; i < 5; i += 1) {
      const reply = await probe();
      assert.ok([502, 503].includes(reply.status), `status ${reply.status} while chat is down`);
      // A bound against a hang, not a speed target (the breaker answers at once once open).
      assert.ok(reply.ms < 3_000, `answered in ${reply.ms} ms`);
      t.diagnostic(`chat down: GET answered ${reply.status} in ${reply.ms} ms`);
    }
    const post = await gateway.request({ host: 'chat', method: 'POST', path: '/conversations', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.ok([502, 503].includes(post.status), `POST status ${post.status} while chat is down`);
    await system.restart('chat');
    const restartedAt = Date.now();
    await waitFor(async () => ((await probe()).status === 401 ? true : undefined), { timeoutMs: 60_000, intervalMs: 500, what: 'chat through the gateway again' });
    t.diagnostic(`chat reachable through the gateway ${Date.now() - restartedAt} ms after its restart`);
  });
});
