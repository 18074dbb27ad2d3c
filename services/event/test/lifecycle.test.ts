import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { EventTap, freshDatabase, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, eventBody, HOUR, newMember, newOrganizer, startEventService } from './helpers.js';

type Status = 'draft' | 'published' | 'cancelled' | 'completed';
type Action = 'edit details' | 'edit tiers' | 'publish' | 'cancel';

/** Every (state, command) pair and what the API must answer. */
const table: Record<Status, Record<Action, number>> = {
  draft: { 'edit details': 200, 'edit tiers': 200, publish: 200, cancel: 409 },
  published: { 'edit details': 200, 'edit tiers': 409, publish: 409, cancel: 200 },
  cancelled: { 'edit details': 409, 'edit tiers': 409, publish: 409, cancel: 409 },
  completed: { 'edit details': 409, 'edit tiers': 409, publish: 409, cancel: 409 },
};

describe('event service: lifecycle, ownership and concurrency', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;
  let tap: EventTap;
  let org: { id: string; token: string };
  // The service's clock; tests move it forward to make an event end (completion) or start (publish too late).
  let offsetMs = 0;

  before(async () => {
    database = await freshDatabase('event_lifecycle');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['event.*']);
    service = await startEventService({
      database: database.name,
      issuer,
      extra: { EVENT_COMPLETION_INTERVAL_MS: '200' },
      overrides: { clock: () => new Date(Date.now() + offsetMs) },
    });
    org = await newOrganizer(issuer);
  });
  after(async () => {
    await service?.close();
    await tap?.close();
    await issuer?.close();
    await database?.dispose();
  });

  async function create(body = eventBody()): Promise<string> {
    const reply = await call(service.url, 'POST', '/events', { token: org.token, body });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    return reply.body['eventId'] as string;
  }

  async function act(eventId: string, action: Action, token = org.token) {
    switch (action) {
      case 'edit details':
        return call(service.url, 'PATCH', `/events/${eventId}`, { token, body: { title: `Renamed ${Date.now()}` } });
      case 'edit tiers':
        return call(service.url, 'PATCH', `/events/${eventId}`, {
          token,
          body: { tiers: [{ name: 'Only', priceMinor: 999, currency: 'usd', quantity: 5 }] },
        });
      case 'publish':
        return call(service.url, 'POST', `/events/${eventId}/publish`, { token });
      case 'cancel':
        return call(service.url, 'POST', `/events/${eventId}/cancel`, { token, body: { reason: 'storm' } });
    }
  }

  async function eventIn(status: Status): Promise<string> {
    if (status === 'completed') {
      // Starts in 1 h, ends in 3 h; then the service's clock jumps 3.5 h and the real job completes it.
      const eventId = await create(eventBody({}, Date.now(), HOUR));
      assert.equal((await act(eventId, 'publish')).status, 200);
      offsetMs = 3.5 * HOUR;
      try {
        await waitFor(async () => {
          const reply = await call(service.url, 'GET', `/events/${eventId}`);
          return reply.body['status'] === 'completed' ? true : undefined;
        }, { what: 'completion by the job' });
      } finally {
        offsetMs = 0;
      }
      return eventId;
    }
    const eventId = await create();
    if (status === 'draft') return eventId;
    assert.equal((await act(eventId, 'publish')).status, 200);
    if (status === 'cancelled') assert.equal((await act(eventId, 'cancel')).status, 200);
    return eventId;
  }

  for (const [status, actions] of Object.entries(table) as Array<[Status, Record<Action, number>]>) {
    for (const [action, expected] of Object.entries(actions) as Array<[Action, number]>) {
      it(`${action} on a ${status} event answers ${expected}`, async () => {
        const eventId = await eventIn(status);
        const before = await call(service.url, 'GET', `/events/${eventId}`, { token: org.token });
        const reply = await act(eventId, action);
        assert.equal(reply.status, expected, JSON.stringify(reply.body));
        const after = await call(service.url, 'GET', `/events/${eventId}`, { token: org.token });
        if (expected === 409) {
          assert.equal(reply.body['type'], 'https://eventonight.dev/problems/conflict');
          assert.deepEqual(after.body, before.body, 'a refused transition changes nothing');
        } else {
          assert.equal(after.body['version'], (before.body['version'] as number) + 1);
          assert.equal(reply.headers.get('etag'), `"${after.body['version'] as number}"`);
        }
      });
    }
  }

  it('each change raises its event, payload as in the contract, with increasing aggregateVersion', async () => {
    const eventId = await create(eventBody({ coverMediaId: 'media-1' }));
    const patched = await call(service.url, 'PATCH', `/events/${eventId}`, {
      token: org.token,
      body: { title: 'Jazz night II', venue: { name: 'Arena', address: 'Via Po 3', city: 'Torino' }, coverMediaId: null },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    const published = await act(eventId, 'publish');
    assert.equal(published.status, 200);
    assert.equal(published.body['status'], 'published');
    assert.ok(typeof published.body['publishedAt'] === 'string');
    const cancelled = await act(eventId, 'cancel');
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body['cancellationReason'], 'storm');

    const snapshot = {
      eventId,
      organizerId: org.id,
      title: 'Jazz night II',
      category: 'music',
      startsAt: patched.body['startsAt'],
      endsAt: patched.body['endsAt'],
      city: 'Torino',
      coverMediaId: null,
      venue: { name: 'Arena', address: 'Via Po 3', city: 'Torino' },
    };
    const created = await tap.waitFor('event.created', (e) => e.aggregateId === eventId);
    const updated = await tap.waitFor('event.updated', (e) => e.aggregateId === eventId);
    const publishedEvent = await tap.waitFor('event.published', (e) => e.aggregateId === eventId);
    const cancelledEvent = await tap.waitFor('event.cancelled', (e) => e.aggregateId === eventId);
    assert.equal(created.data.coverMediaId, 'media-1');
    assert.deepEqual(updated.data, { ...snapshot, status: 'draft' });
    assert.deepEqual(publishedEvent.data, { ...snapshot, status: 'published', tiers: published.body['tiers'] });
    assert.equal(publishedEvent.data.tiers.length, 2);
    assert.deepEqual(cancelledEvent.data, { ...snapshot, status: 'cancelled', reason: 'storm' });
    assert.deepEqual(
      [created, updated, publishedEvent, cancelledEvent].map((e) => e.aggregateVersion),
      [1, 2, 3, 4],
    );
  });

  it('completion raises event.completed with the snapshot', async () => {
    const eventId = await eventIn('completed');
    const completed = await tap.waitFor('event.completed', (e) => e.aggregateId === eventId);
    assert.equal(completed.aggregateVersion, 3);
    assert.equal(completed.data.status, 'completed');
    assert.equal(completed.data.eventId, eventId);
    const reply = await call(service.url, 'GET', `/events/${eventId}`);
    assert.ok(typeof reply.body['completedAt'] === 'string');
  });

  it('cancel without a body records no reason', async () => {
    const eventId = await eventIn('published');
    const reply = await call(service.url, 'POST', `/events/${eventId}/cancel`, { token: org.token });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body['cancellationReason'], null);
    const cancelled = await tap.waitFor('event.cancelled', (e) => e.aggregateId === eventId);
    assert.equal(cancelled.data.reason, null);
  });

  it('a draft whose start has passed cannot be published (422) until it is moved', async () => {
    const eventId = await create(eventBody({}, Date.now(), HOUR));
    offsetMs = 1.5 * HOUR;
    try {
      const late = await act(eventId, 'publish');
      assert.equal(late.status, 422, JSON.stringify(late.body));
      assert.equal(late.body['type'], 'https://eventonight.dev/problems/unprocessable');
    } finally {
      offsetMs = 0;
    }
    assert.equal((await act(eventId, 'publish')).status, 200);
  });

  it('edits are checked like creation: dates in order and a moved start in the future', async () => {
    const eventId = await create();
    const current = await call(service.url, 'GET', `/events/${eventId}`, { token: org.token });
    const startsAt = current.body['startsAt'] as string;
    const backwards = await call(service.url, 'PATCH', `/events/${eventId}`, { token: org.token, body: { endsAt: startsAt } });
    assert.equal(backwards.status, 422);
    const past = await call(service.url, 'PATCH', `/events/${eventId}`, {
      token: org.token,
      body: { startsAt: new Date(Date.now() - HOUR).toISOString() },
    });
    assert.equal(past.status, 422);
    const empty = await call(service.url, 'PATCH', `/events/${eventId}`, { token: org.token, body: {} });
    assert.equal(empty.status, 400);
    const unknownTier = await call(service.url, 'PATCH', `/events/${eventId}`, {
      token: org.token,
      body: { tiers: [{ tierId: 'nope', name: 'X', priceMinor: 1, currency: 'eur', quantity: 1 }] },
    });
    assert.equal(unknownTier.status, 422);
    const after = await call(service.url, 'GET', `/events/${eventId}`, { token: org.token });
    assert.deepEqual(after.body, current.body);
  });

  it('a draft keeps a tier id the organizer names and gives new tiers new ids', async () => {
    const eventId = await create();
    const current = await call(service.url, 'GET', `/events/${eventId}`, { token: org.token });
    const [standard] = current.body['tiers'] as Array<Record<string, unknown>>;
    const reply = await call(service.url, 'PATCH', `/events/${eventId}`, {
      token: org.token,
      body: {
        tiers: [
          { tierId: standard?.['tierId'], name: 'Standard', priceMinor: 1800, currency: 'eur', quantity: 120 },
          { name: 'Student', priceMinor: 800, currency: 'eur', quantity: 30 },
        ],
      },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const tiers = reply.body['tiers'] as Array<Record<string, unknown>>;
    assert.equal(tiers[0]?.['tierId'], standard?.['tierId']);
    assert.equal(tiers[0]?.['priceMinor'], 1800);
    assert.ok(typeof tiers[1]?.['tierId'] === 'string' && tiers[1]['tierId'] !== standard?.['tierId']);
  });

  it('repeating an edit, or sending a published event its own tiers, writes nothing and raises nothing', async () => {
    const eventId = await eventIn('published');
    const first = await call(service.url, 'PATCH', `/events/${eventId}`, { token: org.token, body: { title: 'Same' } });
    assert.equal(first.status, 200);
    const again = await call(service.url, 'PATCH', `/events/${eventId}`, { token: org.token, body: { title: 'Same' } });
    assert.equal(again.status, 200);
    assert.equal(again.body['version'], first.body['version']);
    const tiers = (first.body['tiers'] as Array<Record<string, unknown>>).map((tier) => ({ ...tier }));
    const sameTiers = await call(service.url, 'PATCH', `/events/${eventId}`, { token: org.token, body: { tiers } });
    assert.equal(sameTiers.status, 200, JSON.stringify(sameTiers.body));
    assert.equal(sameTiers.body['version'], first.body['version']);
    await tap.waitFor('event.updated', (e) => e.aggregateId === eventId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(tap.ofType('event.updated').filter((e) => e.aggregateId === eventId).length, 1);
  });

  it('If-Match pins the version: a stale one is a 409 version conflict, a malformed one a 400', async () => {
    const eventId = await create();
    const stale = await call(service.url, 'PATCH', `/events/${eventId}`, {
      token: org.token,
      headers: { 'if-match': '"7"' },
      body: { title: 'Stale' },
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body['type'], 'https://eventonight.dev/problems/version-conflict');
    // The header's format is a documented pattern: breaking it is a schema violation (400), not a 422.
    for (const value of ['seven', '"1', '"-1"', 'W/1', '"1", "2"']) {
      const malformed = await call(service.url, 'PATCH', `/events/${eventId}`, {
        token: org.token,
        headers: { 'if-match': value },
        body: { title: 'Bad' },
      });
      assert.equal(malformed.status, 400, value);
      assert.equal(malformed.body['type'], 'https://eventonight.dev/problems/validation', value);
    }
    const any = await call(service.url, 'PATCH', `/events/${eventId}`, { token: org.token, headers: { 'if-match': '*' }, body: { title: 'Any' } });
    assert.equal(any.status, 200, JSON.stringify(any.body));
    assert.equal(any.headers.get('etag'), '"2"');
    const fresh = await call(service.url, 'PATCH', `/events/${eventId}`, {
      token: org.token,
      headers: { 'if-match': '"2"' },
      body: { title: 'Fresh' },
    });
    assert.equal(fresh.status, 200);
    assert.equal(fresh.headers.get('etag'), '"3"');
    const publish = await call(service.url, 'POST', `/events/${eventId}/publish`, { token: org.token, headers: { 'if-match': 'W/"3"' } });
    assert.equal(publish.status, 200);
  });

  it('two concurrent edits pinned to the same version: exactly one wins', async () => {
    const eventId = await create();
    const replies = await Promise.all(
      ['A', 'B', 'C', 'D'].map((title) =>
        call(service.url, 'PATCH', `/events/${eventId}`, { token: org.token, headers: { 'if-match': '"1"' }, body: { title } }),
      ),
    );
    assert.deepEqual(replies.map((r) => r.status).sort(), [200, 409, 409, 409]);
    const current = await call(service.url, 'GET', `/events/${eventId}`, { token: org.token });
    assert.equal(current.body['version'], 2);
  });

  it('ownership: another organization cannot see a draft (404) nor change a published event (403)', async () => {
    const other = await newOrganizer(issuer, 'other');
    const member = await newMember(issuer);
    const draftId = await create();
    for (const token of [other.token, member.token, undefined]) {
      const reply = await call(service.url, 'GET', `/events/${draftId}`, token === undefined ? {} : { token });
      assert.equal(reply.status, 404);
    }
    for (const action of ['edit details', 'edit tiers', 'publish', 'cancel'] as const) {
      assert.equal((await act(draftId, action, other.token)).status, 404, `${action} on someone else's draft`);
      assert.equal((await act(draftId, action, member.token)).status, 403, `${action} by a member`);
    }
    const publishedId = await eventIn('published');
    assert.equal((await call(service.url, 'GET', `/events/${publishedId}`)).status, 200, 'anyone reads a published event');
    for (const action of ['edit details', 'edit tiers', 'publish', 'cancel'] as const) {
      const reply = await act(publishedId, action, other.token);
      assert.equal(reply.status, 403, `${action} on someone else's published event`);
    }
    const unchanged = await call(service.url, 'GET', `/events/${publishedId}`);
    assert.equal(unchanged.body['version'], 2);
    assert.equal((await act('no-such-event', 'publish')).status, 404);
    assert.equal((await call(service.url, 'GET', '/events/bad%20id')).status, 400);
  });
});
