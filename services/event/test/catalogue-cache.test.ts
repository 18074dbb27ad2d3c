import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { freePort, freshDatabase, infra, metricValue, scrapeMetrics, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, eventBody, newMember, newOrganizer, startEventService, type Reply } from './helpers.js';

type Item = Record<string, unknown>;

/**
 * The public catalogue's cache on the real Redis, with two replicas of the service on one
 * database: whatever one replica writes is in the other's next answer (docs/adr/0016).
 */
describe('event service: catalogue cache', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let replicaA: RunningService;
  let replicaB: RunningService;
  let org: { id: string; token: string };
  // A category of this run's own, so lists hold only what the test made.
  const city = `Cachetown-${Date.now()}`;
  const listQuery = `/events?city=${encodeURIComponent(city)}`;

  async function createEvent(title: string, publish: boolean): Promise<string> {
    const created = await call(replicaA.url, 'POST', '/events', { token: org.token, body: eventBody({ title, venue: { name: 'V', address: 'A', city } }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const eventId = created.body['eventId'] as string;
    if (publish) assert.equal((await call(replicaA.url, 'POST', `/events/${eventId}/publish`, { token: org.token })).status, 200);
    return eventId;
  }

  const titles = (reply: Reply): string[] => (reply.body['items'] as Item[]).map((item) => item['title'] as string);

  before(async () => {
    database = await freshDatabase('event_cache');
    issuer = await startTestIssuer();
    const extra = { REDIS_URL: infra.redisUrl, OPS_PORT: '0' };
    replicaA = await startEventService({ database: database.name, issuer, extra });
    replicaB = await startEventService({ database: database.name, issuer, extra });
    org = await newOrganizer(issuer);
    // Both replicas connect to Redis in the background; wait until B answers from its cache.
    await createEvent('Opening night', true);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await call(replicaB.url, 'GET', listQuery);
      if ((await call(replicaB.url, 'GET', listQuery)).headers.get('x-cache') === 'hit') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  after(async () => {
    await replicaA?.close();
    await replicaB?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('the cache metrics count what the x-cache header says, under cache="catalogue" (ADR 0035)', async () => {
    const scrape = () => scrapeMetrics(replicaB.opsUrl ?? 'no-ops-url');
    const catalogue = (samples: Awaited<ReturnType<typeof scrape>>, result: string) => metricValue(samples, 'eventonight_cache_requests_total', { cache: 'catalogue', result });
    const before = await scrape();
    const answers: string[] = [];
    for (let i = 0; i < 4; i += 1) answers.push((await call(replicaB.url, 'GET', listQuery)).headers.get('x-cache') ?? '');
    const after = await scrape();
    assert.equal(catalogue(after, 'hit') - catalogue(before, 'hit'), answers.filter((a) => a === 'hit').length);
    assert.equal(catalogue(after, 'miss') - catalogue(before, 'miss'), answers.filter((a) => a === 'miss').length);
    assert.equal(metricValue(after, 'eventonight_http_requests_total', { method: 'GET', route: '/events', status: '200' }) - metricValue(before, 'eventonight_http_requests_total', { method: 'GET', route: '/events', status: '200' }), 4);
  });

  it('a repeated list is answered from the cache, as it was, until an event changes', async () => {
    const first = await call(replicaB.url, 'GET', listQuery);
    const second = await call(replicaB.url, 'GET', listQuery);
    assert.equal(second.headers.get('x-cache'), 'hit');
    assert.deepEqual(second.body, first.body);

    // Changed behind the service's back: the cache, not the database, answers.
    await database.db.collection('events').updateOne({ title: 'Opening night' }, { $set: { title: 'Renamed in the database' } });
    const cached = await call(replicaB.url, 'GET', listQuery);
    assert.equal(cached.headers.get('x-cache'), 'hit');
    assert.deepEqual(titles(cached), ['Opening night']);

    // Any write through the service moves the catalogue on, for every key.
    await createEvent('Second night', true);
    const fresh = await call(replicaB.url, 'GET', listQuery);
    assert.equal(fresh.headers.get('x-cache'), 'miss');
    assert.deepEqual(titles(fresh).sort(), ['Renamed in the database', 'Second night']);
  });

  it('an event published on one replica is in the very next list of the other', async () => {
    await call(replicaB.url, 'GET', listQuery);
    assert.equal((await call(replicaB.url, 'GET', listQuery)).headers.get('x-cache'), 'hit');
    const eventId = await createEvent('Published just now', true);
    const next = await call(replicaB.url, 'GET', listQuery);
    assert.ok(titles(next).includes('Published just now'), JSON.stringify(titles(next)));
    const page = await call(replicaB.url, 'GET', `/events/${eventId}`);
    assert.equal(page.status, 200);
    assert.equal(page.body['status'], 'published');
  });

  it('a cancelled event is gone from the next list and its page shows the cancellation', async () => {
    const eventId = await createEvent('Soon cancelled', true);
    assert.ok(titles(await call(replicaB.url, 'GET', listQuery)).includes('Soon cancelled'));
    await call(replicaB.url, 'GET', `/events/${eventId}`);
    assert.equal((await call(replicaB.url, 'GET', `/events/${eventId}`)).headers.get('x-cache'), 'hit');

    const cancelled = await call(replicaA.url, 'POST', `/events/${eventId}/cancel`, { token: org.token, body: { reason: 'Storm' } });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.ok(!titles(await call(replicaB.url, 'GET', listQuery)).includes('Soon cancelled'));
    const page = await call(replicaB.url, 'GET', `/events/${eventId}`);
    assert.equal(page.body['status'], 'cancelled');
    assert.equal(page.headers.get('etag'), `"${String(page.body['version'])}"`);
  });

  it('a draft is never shared through the cache: only its organizer sees it, however often it was read', async () => {
    const draftId = await createEvent('Private draft', false);
    for (let read = 0; read < 2; read += 1) {
      const mine = await call(replicaB.url, 'GET', `/events/${draftId}`, { token: org.token });
      assert.equal(mine.status, 200);
      assert.equal(mine.headers.get('x-cache'), 'miss');
    }
    const member = await newMember(issuer);
    assert.equal((await call(replicaB.url, 'GET', `/events/${draftId}`, { token: member.token })).status, 404);
    assert.equal((await call(replicaB.url, 'GET', `/events/${draftId}`)).status, 404);
  });

  it("an organization's own list is cached under its own key: its new draft is in its next list, on the other replica too, and no one else's", async () => {
    const mine = '/organizers/me/events';
    await call(replicaB.url, 'GET', mine, { token: org.token });
    const repeated = await call(replicaB.url, 'GET', mine, { token: org.token });
    assert.equal(repeated.status, 200);
    assert.equal(repeated.headers.get('x-cache'), 'hit');

    const draftId = await createEvent('Draft for my list', false);
    const next = await call(replicaB.url, 'GET', mine, { token: org.token });
    assert.equal(next.headers.get('x-cache'), 'miss');
    assert.ok(titles(next).includes('Draft for my list'), JSON.stringify(titles(next)));
    const drafts = await call(replicaB.url, 'GET', `${mine}?status=draft`, { token: org.token });
    assert.ok((drafts.body['items'] as Item[]).some((item) => item['eventId'] === draftId));

    // Another organization asks the same path and query: its own (empty) list, never this one.
    const other = await newOrganizer(issuer);
    for (let read = 0; read < 2; read += 1) {
      const theirs = await call(replicaB.url, 'GET', mine, { token: other.token });
      assert.equal(theirs.status, 200);
      assert.deepEqual(theirs.body['items'], []);
    }
    assert.equal((await call(replicaB.url, 'GET', mine, { token: other.token })).headers.get('x-cache'), 'hit');
  });

  it('with Redis unreachable, lists, pages and writes go on from the database', async () => {
    const deadRedis = `redis://127.0.0.1:${await freePort()}`;
    const alone = await startEventService({ database: database.name, issuer, extra: { REDIS_URL: deadRedis } });
    try {
      const before = await call(alone.url, 'GET', listQuery);
      assert.equal(before.status, 200);
      assert.equal(before.headers.get('x-cache'), 'miss');
      const created = await call(alone.url, 'POST', '/events', { token: org.token, body: eventBody({ title: 'No cache night', venue: { name: 'V', address: 'A', city } }) });
      assert.equal(created.status, 201);
      const eventId = created.body['eventId'] as string;
      assert.equal((await call(alone.url, 'POST', `/events/${eventId}/publish`, { token: org.token })).status, 200);
      assert.ok(titles(await call(alone.url, 'GET', listQuery)).includes('No cache night'));
      assert.equal((await call(alone.url, 'GET', `/events/${eventId}`)).status, 200);
    } finally {
      await alone.close();
    }
  });
});
