import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, deleteAccount, infraCtl, registerAccount, startSystem, uniqueName, waitFor, type Account, type Reply, type RunningSystem, type ServiceName } from '@eventonight/testing';
import { api, newIdempotencyKey, openInbox, setUpSmallScene, tearDownAccounts } from './support/clients.js';
import { deadLetters } from './support/crowd.js';

/**
 * FerretDB stopped under a running platform: every service answers requests that need its
 * database with a 503 problem within a bounded time (the driver's server selection timeout,
 * 3 s), reports it on /ready, and recovers by itself once the database is back.
 */

// Generous: it only tells "answers" from "hangs" (the fetch itself gives up at 30 s).
const BOUND_MS = 15_000;

describe('fault: the database goes away', { timeout: 400_000 }, () => {
  let system: RunningSystem;
  let organizer: Account;
  let member: Account;
  let eventId: string;
  let tierId: string;
  let aliveThroughOutage: Record<ServiceName, boolean>;

  /** One request per service that cannot be answered without that service's database. */
  const probes: Array<{ service: ServiceName; what: string; send: () => Promise<Reply> }> = [
    { service: 'user', what: 'GET /users/me', send: () => api(system, 'user', member, 'GET', '/users/me') },
    // A list nobody asked for before: the catalogue cache (ADR 0016) has no answer, so it needs
    // the database (a list already cached keeps being answered from Redis during the outage).
    { service: 'event', what: 'GET /events?q=<new>', send: () => api(system, 'event', member, 'GET', `/events?q=${uniqueName('outage')}`) },
    { service: 'interaction', what: 'PUT like', send: () => api(system, 'interaction', member, 'PUT', `/events/${eventId}/like`) },
    { service: 'chat', what: 'GET /conversations', send: () => api(system, 'chat', member, 'GET', '/conversations') },
    {
      service: 'ticketing',
      what: 'POST /orders',
      send: () =>
        api(system, 'ticketing', member, 'POST', '/orders', {
          headers: { 'idempotency-key': newIdempotencyKey() },
          body: { eventId, tierId, quantity: 1 },
        }),
    },
    { service: 'notification', what: 'GET /notifications', send: () => api(system, 'notification', member, 'GET', '/notifications') },
    {
      service: 'media',
      what: 'POST /media/uploads',
      send: () => api(system, 'media', member, 'POST', '/media/uploads', { body: { purpose: 'avatar', contentType: 'image/png', sizeBytes: 100 } }),
    },
  ];

  before(async () => {
    system = await startSystem();
    const scene = await setUpSmallScene(system, 'Quay Club');
    ({ organizer, member, eventId } = scene);
    tierId = scene.tierId;
  });

  after(async () => {
    await infraCtl('start', 'ferretdb').catch(() => undefined);
    await tearDownAccounts(system, [organizer, member]);
    await system?.stop();
  });

  it('every service answers 503 problems quickly and reports not ready while FerretDB is stopped', async (t) => {
    for (const probe of probes) {
      const reply = await probe.send();
      assert.ok(reply.status >= 200 && reply.status < 300, `${probe.what} works before the outage: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    const dlqBefore = await deadLetters(system);
    await infraCtl('stop', 'ferretdb');

    const timings: string[] = [];
    for (const probe of probes) {
      const reply = await probe.send();
      timings.push(`${probe.service} ${reply.ms} ms`);
      assert.equal(reply.status, 503, `${probe.what} during the outage: ${reply.status} ${JSON.stringify(reply.body)}`);
      assert.equal(reply.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal(reply.body['status'], 503);
      assert.ok(reply.ms < BOUND_MS, `${probe.what} answered after ${reply.ms} ms`);

      const ready = await call(system.url(probe.service), 'GET', '/ready');
      assert.equal(ready.status, 503, `${probe.service} /ready`);
      assert.equal((ready.body['checks'] as Record<string, string>)['mongodb'], 'failed');
      assert.equal((ready.body['checks'] as Record<string, string>)['rabbitmq'], 'ok');
    }
    t.diagnostic(`503 answered in: ${timings.join(', ')}`);
    assert.ok(probes.every((probe) => system.alive(probe.service)), 'no service died of it');
    aliveThroughOutage = Object.fromEntries(probes.map((probe) => [probe.service, system.alive(probe.service)])) as Record<ServiceName, boolean>;

    await infraCtl('start', 'ferretdb');
    for (const probe of probes) {
      await waitFor(
        async () => {
          const reply = await probe.send();
          return reply.status >= 200 && reply.status < 300 ? true : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 500, what: `${probe.what} to work again` },
      );
      assert.equal((await call(system.url(probe.service), 'GET', '/ready')).status, 200);
    }
    assert.deepEqual(await deadLetters(system), dlqBefore, 'nothing was dead-lettered during the outage');
  });

  it('the pipeline works again without a restart: a new like reaches the organizer', async () => {
    assert.ok(Object.values(aliveThroughOutage).every(Boolean), 'the same processes that lived through the outage');
    const inbox = await openInbox(system, organizer);
    try {
      const other = await registerAccount(system.url('user'), { role: 'member', displayName: 'Cy Member' });
      await waitFor(async () => ((await system.db('interaction').collection('user_copies').countDocuments({ _id: other.id as never })) === 1 ? true : undefined), {
        timeoutMs: 30_000,
        what: 'interaction to learn the new member',
      });
      const like = await api(system, 'interaction', other, 'PUT', `/events/${eventId}/like`);
      assert.ok(like.status >= 200 && like.status < 300, `like: ${like.status}`);
      const pushed = await inbox.next('the like after recovery', (n) => n.type === 'event.liked' && n.data['userId'] === other.id);
      assert.equal(pushed.data['eventId'], eventId);
      await deleteAccount(system.url('user'), other);
    } finally {
      inbox.close();
    }
  });
});
