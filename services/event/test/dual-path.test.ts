import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ticketingInternal } from '@eventonight/contracts';
import { parseConfig, type RunningService } from '@eventonight/platform';
import {
  decodeTokenPayload,
  EventTap,
  freshDatabase,
  infra,
  serviceTestEnv,
  startTestIssuer,
  type TestDatabase,
  type TestIssuer,
} from '@eventonight/testing';
import { eventServiceConfig } from '../src/config.js';
import { clientCredentialsTokenSource } from '../src/outbound/keycloak-token-source.js';
import { call, deadPort, eventBody, newOrganizer, startEventService, startTicketingStub, type StubServer } from './helpers.js';

const TIMEOUT_MS = 400;
const KEYCLOAK_TOKEN_URL = `${infra.keycloakUrl}/realms/eventonight/protocol/openid-connect/token`;

/** The real Keycloak may still run an import without the event-service client; those tests then skip. */
async function keycloakHasEventServiceClient(): Promise<boolean> {
  try {
    const response = await fetch(KEYCLOAK_TOKEN_URL, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'event-service', client_secret: 'event-service-secret' }),
      signal: AbortSignal.timeout(5_000),
    });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

describe('event service: dual path to ticketing on publish', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let tap: EventTap;
  let stub: StubServer;
  let toStub: RunningService;
  let toNowhere: RunningService;
  let serviceToken: string;
  let tokenRequests = 0;

  before(async () => {
    database = await freshDatabase('event_dual');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['event.*']);
    stub = await startTicketingStub();
    serviceToken = await issuer.mint({ sub: 'service-account-event-service', roles: [], extra: { azp: 'event-service' } });
    const extra = (url: string) => ({
      TICKETING_INTERNAL_URL: url,
      TICKETING_TIMEOUT_MS: String(TIMEOUT_MS),
      // Required by config when the dual path is on; unused because the token source is injected.
      KEYCLOAK_TOKEN_URL: 'http://127.0.0.1:9/unused',
      EVENT_SERVICE_CLIENT_SECRET: 'unused',
    });
    const tokenSource = () => {
      tokenRequests += 1;
      return Promise.resolve(serviceToken);
    };
    toStub = await startEventService({ database: database.name, issuer, extra: extra(stub.url), overrides: { tokenSource } });
    toNowhere = await startEventService({
      database: database.name,
      issuer,
      extra: extra(`http://127.0.0.1:${await deadPort()}`),
      overrides: { tokenSource },
    });
  });
  after(async () => {
    await toStub?.close();
    await toNowhere?.close();
    await stub?.close();
    await tap?.close();
    await issuer?.close();
    await database?.dispose();
  });

  async function createAndPublish(service: RunningService) {
    const org = await newOrganizer(issuer);
    const created = await call(service.url, 'POST', '/events', { token: org.token, body: eventBody() });
    assert.equal(created.status, 201);
    const eventId = created.body['eventId'] as string;
    const published = await call(service.url, 'POST', `/events/${eventId}/publish`, { token: org.token });
    return { org, eventId, published };
  }

  it('calls ticketing with the contract body and the service bearer token, after the publish is saved', async () => {
    stub.mode = 'ok';
    const { org, eventId, published } = await createAndPublish(toStub);
    assert.equal(published.status, 200);
    const request = stub.requests.find((r) => r.path === `/internal/events/${eventId}/tiers`);
    assert.ok(request, 'ticketing was called before the publish answered');
    assert.equal(request.method, 'PUT');
    assert.equal(request.headers['authorization'], `Bearer ${serviceToken}`);
    assert.match(request.headers['content-type'] ?? '', /application\/json/);
    assert.ok(typeof request.headers['x-correlation-id'] === 'string');
    const body = ticketingInternal.upsertEventTiers.body.parse(JSON.parse(request.body));
    assert.deepEqual(body, {
      event: {
        eventId,
        organizerId: org.id,
        title: 'Jazz night',
        category: 'music',
        startsAt: published.body['startsAt'],
        endsAt: published.body['endsAt'],
        city: 'Bologna',
        coverMediaId: null,
        status: 'published',
        venue: { name: 'Blue Note', address: 'Via Roma 1', city: 'Bologna' },
      },
      aggregateVersion: 2,
      tiers: published.body['tiers'],
    });
    const event = await tap.waitFor('event.published', (e) => e.aggregateId === eventId);
    assert.equal(event.aggregateVersion, body.aggregateVersion, 'the sync call and the event carry the same version');
    assert.deepEqual(event.data.tiers, body.tiers);
    assert.equal(request.headers['x-correlation-id'], event.correlationId, 'one correlation id across both paths');
  });

  it('ticketing refused (500): publish still 200 and event.published still delivered', async () => {
    stub.mode = 'error';
    const { eventId, published } = await createAndPublish(toStub);
    assert.equal(published.status, 200);
    assert.ok(stub.requests.some((r) => r.path === `/internal/events/${eventId}/tiers`));
    await tap.waitFor('event.published', (e) => e.aggregateId === eventId);
  });

  it('ticketing hangs: publish answers 200 soon after the timeout and event.published is delivered', async () => {
    stub.mode = 'hang';
    const { eventId, published } = await createAndPublish(toStub);
    assert.equal(published.status, 200);
    assert.equal(published.body['status'], 'published');
    assert.ok(published.ms >= TIMEOUT_MS - 50, `waited for ticketing up to the timeout (${published.ms} ms)`);
    assert.ok(published.ms < TIMEOUT_MS + 1_000, `answered ${published.ms} ms after a ${TIMEOUT_MS} ms timeout`);
    assert.ok(stub.requests.some((r) => r.path === `/internal/events/${eventId}/tiers`));
    await tap.waitFor('event.published', (e) => e.aggregateId === eventId);
  });

  it('ticketing down (connection refused): publish answers 200 at once and event.published is delivered', async () => {
    const { eventId, published } = await createAndPublish(toNowhere);
    assert.equal(published.status, 200);
    assert.ok(published.ms < TIMEOUT_MS, `answered in ${published.ms} ms`);
    await tap.waitFor('event.published', (e) => e.aggregateId === eventId);
    const reply = await call(toNowhere.url, 'GET', `/events/${eventId}`);
    assert.equal(reply.body['status'], 'published');
  });

  it('only a publish calls ticketing', async () => {
    stub.mode = 'ok';
    const before = stub.requests.length;
    const org = await newOrganizer(issuer);
    const created = await call(toStub.url, 'POST', '/events', { token: org.token, body: eventBody() });
    const eventId = created.body['eventId'] as string;
    await call(toStub.url, 'PATCH', `/events/${eventId}`, { token: org.token, body: { title: 'Changed' } });
    const refused = await call(toStub.url, 'POST', `/events/${eventId}/cancel`, { token: org.token });
    assert.equal(refused.status, 409);
    assert.equal(stub.requests.length, before);
    assert.ok(tokenRequests > 0);
  });

  it('config: the dual path needs Keycloak client credentials; unset TICKETING_INTERNAL_URL turns it off', () => {
    const env = serviceTestEnv({ database: 'x', jwksUrl: issuer.jwksUrl, issuer: issuer.issuer });
    const missing = parseConfig(eventServiceConfig, { ...env, TICKETING_INTERNAL_URL: 'http://ticketing:3005' });
    assert.equal(missing.ok, false);
    assert.match(missing.ok ? '' : missing.message, /KEYCLOAK_TOKEN_URL is required/);
    assert.match(missing.ok ? '' : missing.message, /EVENT_SERVICE_CLIENT_SECRET is required/);
    const off = parseConfig(eventServiceConfig, { ...env, PORT: '' });
    assert.ok(off.ok);
    assert.equal(off.config.TICKETING_INTERNAL_URL, undefined);
    assert.equal(off.config.PORT, 3002);
    assert.equal(off.config.TICKETING_TIMEOUT_MS, 2_000);
    assert.equal(off.config.EVENT_COMPLETION_INTERVAL_MS, 60_000);
    assert.equal(off.config.EVENT_SERVICE_CLIENT_ID, 'event-service');
  });

  it('production token source: Keycloak client credentials, cached until shortly before expiry', async (t) => {
    if (!(await keycloakHasEventServiceClient())) {
      t.skip('the running Keycloak has no event-service client yet (old realm import)');
      return;
    }
    let requests = 0;
    const countingFetch: typeof fetch = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    const source = clientCredentialsTokenSource({
      tokenUrl: KEYCLOAK_TOKEN_URL,
      clientId: 'event-service',
      clientSecret: 'event-service-secret',
      fetch: countingFetch,
    });
    const signal = AbortSignal.timeout(5_000);
    const [first, concurrent] = await Promise.all([source(signal), source(signal)]);
    const again = await source(signal);
    assert.equal(first, concurrent);
    assert.equal(first, again);
    assert.equal(requests, 1, 'concurrent and later callers share one token');
    const claims = decodeTokenPayload(first);
    assert.equal(claims['azp'], 'event-service');
    assert.ok([claims['aud']].flat().includes('eventonight-api'), 'the API audience is in the token');
    const wrong = clientCredentialsTokenSource({ tokenUrl: KEYCLOAK_TOKEN_URL, clientId: 'event-service', clientSecret: 'wrong' });
    await assert.rejects(wrong(signal), /token endpoint answered 401/);
  });

  it('production wiring end to end: the stub receives a Keycloak token of the event-service client', async (t) => {
    if (!(await keycloakHasEventServiceClient())) {
      t.skip('the running Keycloak has no event-service client yet (old realm import)');
      return;
    }
    stub.mode = 'ok';
    const real = await startEventService({
      database: database.name,
      issuer,
      extra: {
        TICKETING_INTERNAL_URL: stub.url,
        TICKETING_TIMEOUT_MS: '3000',
        KEYCLOAK_TOKEN_URL,
        EVENT_SERVICE_CLIENT_SECRET: 'event-service-secret',
      },
    });
    try {
      const { eventId, published } = await createAndPublish(real);
      assert.equal(published.status, 200);
      const request = stub.requests.find((r) => r.path === `/internal/events/${eventId}/tiers`);
      assert.ok(request);
      const token = (request.headers['authorization'] ?? '').replace(/^Bearer /, '');
      assert.equal(decodeTokenPayload(token)['azp'], 'event-service');
    } finally {
      await real.close();
    }
  });
});

describe('client credentials token source: refresh before expiry', () => {
  it('asks again once the cached token is within the refresh margin', async () => {
    let now = 1_000_000;
    let issued = 0;
    const fakeFetch: typeof fetch = () => {
      issued += 1;
      return Promise.resolve(new Response(JSON.stringify({ access_token: `t${issued}`, expires_in: 300 }), { status: 200 }));
    };
    const source = clientCredentialsTokenSource({ tokenUrl: 'http://kc/token', clientId: 'c', clientSecret: 's', fetch: fakeFetch, now: () => now });
    const signal = new AbortController().signal;
    assert.equal(await source(signal), 't1');
    now += 269_000;
    assert.equal(await source(signal), 't1', 'still 31 s left: cached');
    now += 2_000;
    assert.equal(await source(signal), 't2', '29 s left: refreshed');
  });

  it('a failed request is not cached, and the caller deadline is honored', async () => {
    let calls = 0;
    const failing: typeof fetch = () => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('ECONNREFUSED')) : new Promise<Response>(() => undefined);
    };
    const source = clientCredentialsTokenSource({ tokenUrl: 'http://kc/token', clientId: 'c', clientSecret: 's', fetch: failing });
    await assert.rejects(source(new AbortController().signal), /ECONNREFUSED/);
    const startedAt = Date.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error('deadline')), 100);
    await assert.rejects(source(deadline.signal), /deadline/);
    clearTimeout(timer);
    assert.ok(Date.now() - startedAt < 1_000);
    assert.equal(calls, 2);
  });
});
