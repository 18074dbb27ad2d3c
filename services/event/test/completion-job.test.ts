import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { EventTap, freshDatabase, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, eventBody, HOUR, newOrganizer, startEventService } from './helpers.js';

/**
 * The completion job, with two replicas of the service on one database, both running the job
 * every 100 ms. Time is moved through the services' injected clock (a test-only seam), so the
 * events are created, published and completed through the real API and the real job.
 */
describe('event service: completion job', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let replicas: RunningService[] = [];
  let tap: EventTap;
  let offsetMs = 0;

  before(async () => {
    database = await freshDatabase('event_completion');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['event.*']);
    const start = () =>
      startEventService({
        database: database.name,
        issuer,
        extra: { EVENT_COMPLETION_INTERVAL_MS: '100' },
        overrides: { clock: () => new Date(Date.now() + offsetMs) },
      });
    replicas = [await start(), await start()];
  });
  after(async () => {
    for (const replica of replicas) await replica.close();
    await tap?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('completes published events whose end passed, exactly once across replicas, and leaves the rest alone', async () => {
    const [a, b] = replicas;
    assert.ok(a && b);
    const org = await newOrganizer(issuer);
    const create = async (startInMs: number, publish: boolean, via: RunningService) => {
      const reply = await call(via.url, 'POST', '/events', { token: org.token, body: eventBody({}, Date.now(), startInMs) });
      assert.equal(reply.status, 201);
      const eventId = reply.body['eventId'] as string;
      if (publish) assert.equal((await call(via.url, 'POST', `/events/${eventId}/publish`, { token: org.token })).status, 200);
      return eventId;
    };
    // Each ends 2 h after it starts.
    const soon = await Promise.all([create(HOUR, true, a), create(HOUR, true, b), create(2 * HOUR, true, a)]);
    const soonDraft = await create(HOUR, false, b);
    const later = await create(48 * HOUR, true, a);
    const cancelled = await create(HOUR, true, b);
    assert.equal((await call(a.url, 'POST', `/events/${cancelled}/cancel`, { token: org.token })).status, 200);

    offsetMs = 4.5 * HOUR;
    for (const eventId of soon) await tap.waitFor('event.completed', (e) => e.aggregateId === eventId);
    // Give both replicas several more runs to (wrongly) complete anything twice.
    await new Promise((resolve) => setTimeout(resolve, 800));

    const completed = tap.ofType('event.completed');
    for (const eventId of soon) {
      const mine = completed.filter((e) => e.aggregateId === eventId);
      assert.equal(mine.length, 1, 'one completion per event, whichever replica won');
      assert.equal(mine[0]?.aggregateVersion, 3);
      assert.equal(mine[0]?.data.status, 'completed');
      const reply = await call(a.url, 'GET', `/events/${eventId}`);
      assert.equal(reply.body['status'], 'completed');
      assert.equal(reply.body['version'], 3);
    }
    for (const [eventId, status] of [
      [soonDraft, 'draft'],
      [later, 'published'],
      [cancelled, 'cancelled'],
    ] as const) {
      const reply = await call(a.url, 'GET', `/events/${eventId}`, { token: org.token });
      assert.equal(reply.body['status'], status);
      assert.equal(completed.some((e) => e.aggregateId === eventId), false);
    }
    offsetMs = 0;
  });

  it('keeps running after a run: a second due event is completed later', async () => {
    const [a] = replicas;
    assert.ok(a);
    const org = await newOrganizer(issuer);
    const reply = await call(a.url, 'POST', '/events', { token: org.token, body: eventBody({}, Date.now(), HOUR) });
    const eventId = reply.body['eventId'] as string;
    assert.equal((await call(a.url, 'POST', `/events/${eventId}/publish`, { token: org.token })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await call(a.url, 'GET', `/events/${eventId}`)).body['status'], 'published');
    offsetMs = 3.5 * HOUR;
    try {
      await waitFor(async () => ((await call(a.url, 'GET', `/events/${eventId}`)).body['status'] === 'completed' ? true : undefined));
    } finally {
      offsetMs = 0;
    }
  });
});
