import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventTap, waitFor } from '@eventonight/testing';
import { call, Harness, type Person } from './helpers.js';

describe('interaction service: exact counts under concurrency', { timeout: 120_000 }, () => {
  let h: Harness;
  let tap: EventTap;

  before(async () => {
    tap = await EventTap.open(['interaction.like.*']);
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
    await tap?.close();
  });

  it('200 concurrent likes from 200 users count exactly 200 and publish exactly 200 events', async () => {
    const { eventId } = await h.publishedEvent();
    const users: Person[] = await Promise.all(Array.from({ length: 200 }, () => h.person()));
    const replies = await Promise.all(users.map((user) => call(h.url, 'PUT', `/events/${eventId}/like`, { token: user.token })));
    assert.deepEqual([...new Set(replies.map((reply) => reply.status))], [201]);
    assert.equal((await call(h.url, 'GET', `/events/${eventId}/stats`)).body['likes'], 200);
    const likesOf = () => tap.ofType('interaction.like.added').filter((e) => e.data.eventId === eventId);
    await waitFor(() => (likesOf().length >= 200 ? true : undefined), { timeoutMs: 20_000, what: '200 like events' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(likesOf().length, 200);
    assert.equal(new Set(likesOf().map((e) => e.data.userId)).size, 200);
  });

  it('the same user liking 20 times at once counts once and publishes one event', async () => {
    const { eventId } = await h.publishedEvent();
    const user = await h.person();
    const replies = await Promise.all(Array.from({ length: 20 }, () => call(h.url, 'PUT', `/events/${eventId}/like`, { token: user.token })));
    assert.deepEqual(replies.map((reply) => reply.status).sort((a, b) => a - b), [...Array<number>(19).fill(200), 201]);
    assert.equal((await call(h.url, 'GET', `/events/${eventId}/stats`)).body['likes'], 1);
    await tap.waitFor('interaction.like.added', (e) => e.data.eventId === eventId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(tap.ofType('interaction.like.added').filter((e) => e.data.eventId === eventId).length, 1);
  });
});
