import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventTap } from '@eventonight/testing';
import { call, Harness, HOUR } from './helpers.js';

describe('interaction service: likes and participation', () => {
  let h: Harness;
  let tap: EventTap;

  before(async () => {
    tap = await EventTap.open(['interaction.like.*', 'interaction.participation.*']);
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
    await tap?.close();
  });

  it('answers 401 without a token on every write and private read', async () => {
    const { eventId } = await h.publishedEvent();
    for (const [method, path] of [
      ['PUT', `/events/${eventId}/like`],
      ['DELETE', `/events/${eventId}/like`],
      ['PUT', `/events/${eventId}/participation`],
      ['DELETE', `/events/${eventId}/participation`],
      ['PUT', `/events/${eventId}/review`],
      ['GET', `/events/${eventId}/me`],
    ] as const) {
      const reply = await call(h.url, method, path);
      assert.equal(reply.status, 401, `${method} ${path}`);
      assert.equal(reply.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    }
  });

  it('likes once: a repeated like is 200 with no second event, unlike and re-like carry growing versions', async () => {
    const { eventId, organizerId } = await h.publishedEvent();
    const member = await h.person();
    const first = await call(h.url, 'PUT', `/events/${eventId}/like`, { token: member.token });
    assert.equal(first.status, 201);
    assert.deepEqual(first.body, { eventId, liked: true });
    const again = await call(h.url, 'PUT', `/events/${eventId}/like`, { token: member.token });
    assert.equal(again.status, 200);

    const added = await tap.waitFor('interaction.like.added', (e) => e.data.eventId === eventId);
    assert.deepEqual(added.data, { eventId, userId: member.id, eventOwnerId: organizerId });
    assert.equal(added.aggregateVersion, 1);

    let stats = await call(h.url, 'GET', `/events/${eventId}/stats`);
    assert.deepEqual(stats.body, { eventId, likes: 1, participants: 0, reviewCount: 0, averageRating: null });
    const mine = await call(h.url, 'GET', `/events/${eventId}/me`, { token: member.token });
    assert.deepEqual(mine.body, { eventId, liked: true, participating: false, review: null });

    assert.equal((await call(h.url, 'DELETE', `/events/${eventId}/like`, { token: member.token })).status, 204);
    assert.equal((await call(h.url, 'DELETE', `/events/${eventId}/like`, { token: member.token })).status, 204);
    const removed = await tap.waitFor('interaction.like.removed', (e) => e.data.eventId === eventId);
    assert.deepEqual(removed.data, { eventId, userId: member.id, eventOwnerId: organizerId });
    assert.equal(removed.aggregateVersion, 2);
    stats = await call(h.url, 'GET', `/events/${eventId}/stats`);
    assert.equal(stats.body['likes'], 0);

    assert.equal((await call(h.url, 'PUT', `/events/${eventId}/like`, { token: member.token })).status, 201);
    const readded = await tap.waitFor('interaction.like.added', (e) => e.data.eventId === eventId && e.aggregateVersion === 3);
    assert.equal(readded.aggregateId, added.aggregateId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(tap.ofType('interaction.like.added').filter((e) => e.data.eventId === eventId).length, 2);
    assert.equal(tap.ofType('interaction.like.removed').filter((e) => e.data.eventId === eventId).length, 1);
  });

  it('refuses unknown (404), draft (404) and cancelled (409) events, and changes nothing', async () => {
    const member = await h.person();
    const organizerId = 'organization-x';
    const unknown = await call(h.url, 'PUT', '/events/no-such-event/like', { token: member.token });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body['type'], 'https://eventonight.dev/problems/not-found');

    await h.eventFact('event-draft-1', 1, 'draft', { organizerId });
    const draft = await call(h.url, 'PUT', '/events/event-draft-1/like', { token: member.token });
    assert.equal(draft.status, 404);
    assert.equal((await call(h.url, 'GET', '/events/event-draft-1/stats')).status, 404);

    await h.eventFact('event-draft-1', 2, 'published', { organizerId });
    assert.equal((await call(h.url, 'PUT', '/events/event-draft-1/like', { token: member.token })).status, 201);
    await h.eventFact('event-draft-1', 3, 'cancelled', { organizerId });
    const other = await h.person();
    const cancelled = await call(h.url, 'PUT', '/events/event-draft-1/like', { token: other.token });
    assert.equal(cancelled.status, 409);
    assert.match(String(cancelled.body['detail']), /cancelled/);
    assert.equal(cancelled.body['type'], 'https://eventonight.dev/problems/event-cancelled');
    const going = await call(h.url, 'PUT', '/events/event-draft-1/participation', { token: other.token });
    assert.equal(going.status, 409);
    const stats = await call(h.url, 'GET', '/events/event-draft-1/stats');
    assert.equal(stats.body['likes'], 1);
    assert.equal(stats.body['participants'], 0);
    // Removing a like from a cancelled event is still allowed.
    assert.equal((await call(h.url, 'DELETE', '/events/event-draft-1/like', { token: member.token })).status, 204);
  });

  it('rejects what the document forbids with 400, and a cursor this API did not issue with 422', async () => {
    const member = await h.person();
    const long = 'x'.repeat(129);
    assert.equal((await call(h.url, 'PUT', `/events/${long}/like`, { token: member.token })).status, 400);
    // Ids are the ASCII the platform issues: a `:` could make two relation ids collide, `é` counts differently in JSON Schema.
    for (const bad of ['a:b', 'caf%C3%A9', '%F0%9F%8E%89']) {
      assert.equal((await call(h.url, 'PUT', `/events/${bad}/like`, { token: member.token })).status, 400, bad);
    }
    const { eventId } = await h.publishedEvent();
    assert.equal((await call(h.url, 'GET', `/events/${eventId}/reviews?sort=asc`)).status, 400);
    for (const limit of ['0', '101', '1e1', '2.5', '']) {
      assert.equal((await call(h.url, 'GET', `/events/${eventId}/reviews?limit=${limit}`)).status, 400, `limit=${limit}`);
    }
    assert.equal((await call(h.url, 'GET', `/events/${eventId}/reviews?cursor=`)).status, 400, 'an empty cursor');
    for (const cursor of ['bogus!', 'bm90LWEtY3Vyc29y']) {
      const reply = await call(h.url, 'GET', `/events/${eventId}/reviews?cursor=${cursor}`);
      assert.equal(reply.status, 422, cursor);
      assert.equal(reply.body['type'], 'https://eventonight.dev/problems/unprocessable');
    }
  });

  it('the document lists, per operation, the problem types it may answer', async () => {
    const document = (await call(h.url, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const typesOf = (path: string, method: string, status: string) => {
      const text = JSON.stringify(document.paths[path]?.[method]?.responses[status] ?? null);
      return [...text.matchAll(/https:\/\/eventonight\.dev\/problems\/[a-z-]+/g)].map((match) => match[0].slice('https://eventonight.dev/problems/'.length));
    };
    assert.deepEqual(new Set(typesOf('/users/{userId}/follow', 'put', '422')), new Set(['self-follow']));
    assert.deepEqual(new Set(typesOf('/events/{eventId}/participation', 'put', '409')), new Set(['event-cancelled', 'event-over', 'version-conflict']));
    assert.deepEqual(new Set(typesOf('/events/{eventId}/review', 'put', '422')), new Set(['event-not-started']));
    assert.deepEqual(new Set(typesOf('/events/{eventId}/reviews', 'get', '422')), new Set(['unprocessable']));
    assert.deepEqual(typesOf('/events/{eventId}/stats', 'get', '422'), []);
  });

  it('participation: going, idempotent, leaving, listed only for the user themself', async () => {
    const { eventId, organizerId } = await h.publishedEvent();
    const member = await h.person();
    assert.equal((await call(h.url, 'PUT', `/events/${eventId}/participation`, { token: member.token })).status, 201);
    assert.equal((await call(h.url, 'PUT', `/events/${eventId}/participation`, { token: member.token })).status, 200);
    const added = await tap.waitFor('interaction.participation.added', (e) => e.data.userId === member.id);
    assert.deepEqual(added.data, { eventId, userId: member.id, eventOwnerId: organizerId });

    const list = await call(h.url, 'GET', `/users/${member.id}/participations`, { token: member.token });
    assert.equal(list.status, 200);
    const items = list.body['items'] as Array<Record<string, unknown>>;
    assert.equal(items.length, 1);
    assert.equal(items[0]?.['eventId'], eventId);
    assert.equal((items[0]?.['event'] as Record<string, unknown>)['title'], 'Jazz night');
    const stranger = await h.person();
    assert.equal((await call(h.url, 'GET', `/users/${member.id}/participations`, { token: stranger.token })).status, 404);
    assert.equal((await call(h.url, 'GET', `/users/${member.id}/participations`)).status, 401);

    assert.equal((await call(h.url, 'DELETE', `/events/${eventId}/participation`, { token: member.token })).status, 204);
    const removed = await tap.waitFor('interaction.participation.removed', (e) => e.data.userId === member.id);
    assert.equal(removed.aggregateVersion, 2);
    const stats = await call(h.url, 'GET', `/events/${eventId}/stats`);
    assert.equal(stats.body['participants'], 0);
  });

  it('participation in a completed event is refused with 409', async () => {
    const { eventId, organizerId } = await h.publishedEvent(new Date(Date.now() - 5 * HOUR));
    await h.eventFact(eventId, 3, 'completed', { organizerId, startsAt: new Date(Date.now() - 5 * HOUR) });
    const member = await h.person();
    const reply = await call(h.url, 'PUT', `/events/${eventId}/participation`, { token: member.token });
    assert.equal(reply.status, 409);
    assert.match(String(reply.body['detail']), /over/);
  });
});
