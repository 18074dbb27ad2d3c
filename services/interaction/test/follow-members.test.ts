import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventTap } from '@eventonight/testing';
import { call, Harness } from './helpers.js';

type Item = Record<string, unknown>;

describe('interaction service: following members, private profiles (ADR 0040)', () => {
  let h: Harness;
  let tap: EventTap;

  before(async () => {
    tap = await EventTap.open(['interaction.follow.*']);
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
    await tap?.close();
  });

  it('a member follows and unfollows another member; both lists show it; the event names both', async () => {
    const ada = await h.knownUser('member', 'Ada');
    const bob = await h.knownUser('member', 'Bob');
    assert.equal((await call(h.url, 'PUT', `/users/${bob.id}/follow`, { token: ada.token })).status, 201);
    assert.equal((await call(h.url, 'PUT', `/users/${bob.id}/follow`, { token: ada.token })).status, 200);
    const added = await tap.waitFor('interaction.follow.added', (e) => e.data.followeeId === bob.id);
    assert.deepEqual(added.data, { followerId: ada.id, followeeId: bob.id });
    const followers = (await call(h.url, 'GET', `/users/${bob.id}/followers`)).body['items'] as Item[];
    assert.deepEqual(followers.map((item) => item['displayName']), ['Ada']);
    const following = (await call(h.url, 'GET', `/users/${ada.id}/following`)).body['items'] as Item[];
    assert.deepEqual(following.map((item) => item['displayName']), ['Bob']);
    assert.deepEqual((await call(h.url, 'GET', `/users/${bob.id}/me`, { token: ada.token })).body, { userId: bob.id, following: true, followedBy: false });

    assert.equal((await call(h.url, 'DELETE', `/users/${bob.id}/follow`, { token: ada.token })).status, 204);
    await tap.waitFor('interaction.follow.removed', (e) => e.data.followeeId === bob.id);
    assert.deepEqual((await call(h.url, 'GET', `/users/${bob.id}/followers`)).body['items'], []);
    assert.equal((await call(h.url, 'PUT', `/users/${ada.id}/follow`, { token: ada.token })).status, 422, 'still not oneself');
  });

  it('BOLA: a follow is always the caller\'s own; unfollowing on behalf of another changes nothing', async () => {
    const ada = await h.knownUser('member', 'Ada');
    const bob = await h.knownUser('member', 'Bob');
    const eve = await h.knownUser('member', 'Eve');
    assert.equal((await call(h.url, 'PUT', `/users/${bob.id}/follow`, { token: ada.token })).status, 201);
    // Eve "unfollows Bob": it removes only Eve's (absent) follow, never Ada's.
    assert.equal((await call(h.url, 'DELETE', `/users/${bob.id}/follow`, { token: eve.token })).status, 204);
    const followers = (await call(h.url, 'GET', `/users/${bob.id}/followers`)).body['items'] as Item[];
    assert.deepEqual(followers.map((item) => item['userId']), [ada.id]);
    assert.equal((await call(h.url, 'PUT', `/users/${bob.id}/follow`)).status, 401);
  });

  it("a member's going list is shown to others unless the profile is private; the owner always sees it", async () => {
    const { eventId } = await h.publishedEvent();
    const ada = await h.knownUser('member', 'Ada');
    const bob = await h.knownUser('member', 'Bob');
    assert.equal((await call(h.url, 'PUT', `/events/${eventId}/participation`, { token: ada.token })).status, 201);
    const seen = await call(h.url, 'GET', `/users/${ada.id}/participations`, { token: bob.token });
    assert.equal(seen.status, 200);
    assert.deepEqual((seen.body['items'] as Item[]).map((item) => item['eventId']), [eventId]);

    h.upstream.publish(h.upstream.event('user.preferences.changed', { userId: ada.id, categories: [], city: null, privateProfile: true }, ada.id, 2));
    await h.waitForCopy('user_copies', ada.id, (copy) => copy['privateProfile'] === true);
    assert.equal((await call(h.url, 'GET', `/users/${ada.id}/participations`, { token: bob.token })).status, 404);
    assert.equal((await call(h.url, 'GET', `/users/${ada.id}/participations`, { token: ada.token })).status, 200);

    // A late, older preferences event does not make it public again; a newer one does.
    h.upstream.publish(h.upstream.event('user.preferences.changed', { userId: ada.id, categories: [], city: null, privateProfile: false }, ada.id, 1));
    h.upstream.publish(h.upstream.event('user.updated', { userId: ada.id, role: 'member', displayName: 'Ada L.', avatarMediaId: null }, ada.id, 3));
    await h.waitForCopy('user_copies', ada.id, (copy) => copy['displayName'] === 'Ada L.');
    assert.equal((await call(h.url, 'GET', `/users/${ada.id}/participations`, { token: bob.token })).status, 404);
    h.upstream.publish(h.upstream.event('user.preferences.changed', { userId: ada.id, categories: [], city: null, privateProfile: false }, ada.id, 4));
    await h.waitForCopy('user_copies', ada.id, (copy) => copy['privateProfile'] === false);
    assert.equal((await call(h.url, 'GET', `/users/${ada.id}/participations`, { token: bob.token })).status, 200);
  });
});
