import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventTap } from '@eventonight/testing';
import { call, Harness, HOUR } from './helpers.js';

describe('interaction service: follows and reviews', () => {
  let h: Harness;
  let tap: EventTap;

  before(async () => {
    tap = await EventTap.open(['interaction.follow.*', 'interaction.review.*']);
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
    await tap?.close();
  });

  it('follow: 401 anonymous, 422 yourself, 404 unknown; 201 then 200; stats and me', async () => {
    const org = await h.knownUser('organization', 'Blue Note');
    const member = await h.knownUser('member', 'Ada');
    assert.equal((await call(h.url, 'PUT', `/users/${org.id}/follow`)).status, 401);
    assert.equal((await call(h.url, 'GET', `/users/${org.id}/me`)).status, 401);
    const self = await call(h.url, 'PUT', `/users/${org.id}/follow`, { token: org.token });
    // A schema-valid request a rule refuses (the path names the caller): 422, its own type.
    assert.equal(self.status, 422);
    assert.equal(self.body['type'], 'https://eventonight.dev/problems/self-follow');
    assert.match(String(self.body['detail']), /yourself/);
    assert.equal((await call(h.url, 'PUT', '/users/nobody/follow', { token: member.token })).status, 404);

    assert.equal((await call(h.url, 'PUT', `/users/${org.id}/follow`, { token: member.token })).status, 201);
    assert.equal((await call(h.url, 'PUT', `/users/${org.id}/follow`, { token: member.token })).status, 200);
    const added = await tap.waitFor('interaction.follow.added', (e) => e.data.followeeId === org.id);
    assert.deepEqual(added.data, { followerId: member.id, followeeId: org.id });

    assert.deepEqual((await call(h.url, 'GET', `/users/${org.id}/stats`)).body, { userId: org.id, followers: 1, following: 0 });
    assert.deepEqual((await call(h.url, 'GET', `/users/${member.id}/stats`)).body, { userId: member.id, followers: 0, following: 1 });
    assert.equal((await call(h.url, 'GET', '/users/nobody/stats')).status, 404);
    assert.deepEqual((await call(h.url, 'GET', `/users/${org.id}/me`, { token: member.token })).body, {
      userId: org.id,
      following: true,
      followedBy: false,
    });

    const followers = await call(h.url, 'GET', `/users/${org.id}/followers`);
    assert.equal(followers.status, 200);
    const items = followers.body['items'] as Array<Record<string, unknown>>;
    assert.equal(items.length, 1);
    assert.equal(items[0]?.['userId'], member.id);
    assert.equal(items[0]?.['displayName'], 'Ada');
    const following = await call(h.url, 'GET', `/users/${member.id}/following`);
    assert.equal((following.body['items'] as Array<Record<string, unknown>>)[0]?.['displayName'], 'Blue Note');

    assert.equal((await call(h.url, 'DELETE', `/users/${org.id}/follow`, { token: member.token })).status, 204);
    assert.equal((await call(h.url, 'DELETE', `/users/${org.id}/follow`, { token: member.token })).status, 204);
    assert.equal((await call(h.url, 'DELETE', `/users/${org.id}/follow`, { token: org.token })).status, 422);
    const removed = await tap.waitFor('interaction.follow.removed', (e) => e.data.followeeId === org.id);
    assert.equal(removed.aggregateVersion, 2);
    assert.equal((await call(h.url, 'GET', `/users/${org.id}/stats`)).body['followers'], 0);
  });

  it('followers are cursor-paginated, newest first, without repeats', async () => {
    const org = await h.knownUser('organization');
    const fans = await Promise.all([1, 2, 3, 4, 5].map(() => h.person()));
    for (const fan of fans) assert.equal((await call(h.url, 'PUT', `/users/${org.id}/follow`, { token: fan.token })).status, 201);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 5; pages += 1) {
      const query: string = cursor === null ? '?limit=2' : `?limit=2&cursor=${cursor}`;
      const reply = await call(h.url, 'GET', `/users/${org.id}/followers${query}`);
      assert.equal(reply.status, 200);
      for (const item of reply.body['items'] as Array<Record<string, unknown>>) seen.push(String(item['userId']));
      cursor = reply.body['nextCursor'] as string | null;
      if (cursor === null) break;
    }
    assert.deepEqual(seen, fans.map((fan) => fan.id).reverse());
  });

  it('review: 403 for non-participants, 422 before the start, 400 bad input; 201 then edit 200; stats and list', async () => {
    const member = await h.knownUser('member', 'Grace');
    const future = await h.publishedEvent();
    assert.equal((await call(h.url, 'PUT', `/events/${future.eventId}/participation`, { token: member.token })).status, 201);
    const early = await call(h.url, 'PUT', `/events/${future.eventId}/review`, { token: member.token, body: { rating: 5, text: 'ok' } });
    assert.equal(early.status, 422);
    assert.equal(early.body['type'], 'https://eventonight.dev/problems/event-not-started');
    assert.equal(early.body['reason'], 'event-not-started');

    const past = await h.publishedEvent(new Date(Date.now() - HOUR));
    const path = `/events/${past.eventId}/review`;
    const outsider = await call(h.url, 'PUT', path, { token: member.token, body: { rating: 4, text: 'nice' } });
    assert.equal(outsider.status, 403);
    assert.equal((await call(h.url, 'PUT', `/events/${past.eventId}/participation`, { token: member.token })).status, 201);
    for (const body of [{ rating: 0, text: '' }, { rating: 6, text: '' }, { rating: 4.5, text: '' }, { rating: 4, text: 'x'.repeat(2001) }, { rating: 4, text: '', extra: 1 }, { rating: 4 }]) {
      assert.equal((await call(h.url, 'PUT', path, { token: member.token, body })).status, 400, JSON.stringify(body).slice(0, 60));
    }
    assert.equal((await call(h.url, 'PUT', '/events/unknown-event/review', { token: member.token, body: { rating: 4, text: '' } })).status, 404);

    const created = await call(h.url, 'PUT', path, { token: member.token, body: { rating: 4, text: 'Great sound' } });
    assert.equal(created.status, 201);
    assert.equal(created.body['rating'], 4);
    const reviewId = created.body['reviewId'];
    const same = await call(h.url, 'PUT', path, { token: member.token, body: { rating: 4, text: 'Great sound' } });
    assert.equal(same.status, 200);
    const edited = await call(h.url, 'PUT', path, { token: member.token, body: { rating: 2, text: 'Too loud' } });
    assert.equal(edited.status, 200);
    assert.equal(edited.body['reviewId'], reviewId);
    assert.equal(edited.body['createdAt'], created.body['createdAt']);

    const added = await tap.waitFor('interaction.review.added', (e) => e.data.eventId === past.eventId);
    assert.deepEqual(added.data, { reviewId, eventId: past.eventId, userId: member.id, eventOwnerId: past.organizerId, rating: 4, text: 'Great sound' });
    const updated = await tap.waitFor('interaction.review.updated', (e) => e.data.eventId === past.eventId);
    assert.deepEqual(updated.data, { reviewId, eventId: past.eventId, userId: member.id, eventOwnerId: past.organizerId, rating: 2, text: 'Too loud' });
    assert.equal(updated.aggregateVersion, 2);
    assert.equal(tap.ofType('interaction.review.updated').filter((e) => e.data.eventId === past.eventId).length, 1);

    const other = await h.person();
    await call(h.url, 'PUT', `/events/${past.eventId}/participation`, { token: other.token });
    assert.equal((await call(h.url, 'PUT', path, { token: other.token, body: { rating: 5, text: '' } })).status, 201);
    const stats = await call(h.url, 'GET', `/events/${past.eventId}/stats`);
    assert.deepEqual(stats.body, { eventId: past.eventId, likes: 0, participants: 2, reviewCount: 2, averageRating: 3.5 });

    const list = await call(h.url, 'GET', `/events/${past.eventId}/reviews?limit=1`);
    const first = (list.body['items'] as Array<Record<string, unknown>>)[0];
    assert.equal(first?.['userId'], other.id);
    assert.equal(first?.['author'], null, 'no copy of this user yet');
    const rest = await call(h.url, 'GET', `/events/${past.eventId}/reviews?limit=1&cursor=${String(list.body['nextCursor'])}`);
    const second = (rest.body['items'] as Array<Record<string, unknown>>)[0];
    assert.equal(second?.['userId'], member.id);
    assert.deepEqual(second?.['author'], { userId: member.id, displayName: 'Grace', avatarMediaId: null });
    assert.equal(rest.body['nextCursor'], null);

    const mine = await call(h.url, 'GET', `/events/${past.eventId}/me`, { token: member.token });
    assert.equal((mine.body['review'] as Record<string, unknown>)['text'], 'Too loud');
    assert.equal(mine.body['participating'], true);
  });
});
