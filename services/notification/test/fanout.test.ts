import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deleteServiceQueues, freshDatabase, startTestIssuer, uniqueName, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { followId, type FollowerDocument } from '../src/persistence/followers.js';
import type { RunningNotificationService } from '../src/service.js';
import { call, collect, connectClient, newUser, startNotification, Upstream } from './helpers.js';

const FOLLOWERS = 300;

describe('notification service: follower copy and fan-out of event.published', { timeout: 90_000 }, () => {
  const name = uniqueName('notification');
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningNotificationService;
  let upstream: Upstream;

  before(async () => {
    database = await freshDatabase('notification_fanout');
    issuer = await startTestIssuer();
    // A small batch size makes the 300 followers span several batches.
    service = await startNotification({ database: database.name, issuer, name, extra: { FANOUT_BATCH_SIZE: '64' } });
    upstream = await Upstream.open();
  });
  after(async () => {
    await upstream?.close();
    await service?.close();
    await deleteServiceQueues(name);
    await issuer?.close();
    await database?.dispose();
  });

  function published(organizerId: string, eventId: string) {
    return upstream.event('event.published', {
      eventId,
      organizerId,
      title: 'Jazz night',
      category: 'music',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      city: 'Bologna',
      coverMediaId: null,
      status: 'published',
      tiers: [],
    });
  }

  it('keeps its follower copy from follow events, in the order they happened, and tells the followee', async () => {
    const organizer = await newUser(issuer, 'org');
    const fan = await newUser(issuer, 'fan');
    const received = collect(await connectClient(service.url, organizer.token));
    const pair = uniqueName('follow');
    const follow = upstream.event('interaction.follow.added', { followerId: fan.id, followeeId: organizer.id }, pair, 1);
    upstream.publish(follow);
    upstream.publish(follow);
    await waitFor(() => received[0], { what: 'the new-follower push' });
    assert.equal(received[0]?.type, 'follower.new');

    // Follow v1, unfollow v3, then a late follow v2: the copy stays inactive.
    const data = { followerId: fan.id, followeeId: organizer.id };
    const unfollow = upstream.event('interaction.follow.removed', data, pair, 3);
    upstream.publish(unfollow);
    const followers = service.db.collection<FollowerDocument>('followers');
    await waitFor(async () => ((await followers.findOne({ _id: followId(fan.id, organizer.id) }))?.active === false ? true : undefined), {
      what: 'the unfollow',
    });
    upstream.publish(upstream.event('interaction.follow.added', data, pair, 2));
    // Handled after (or alongside) the late follow; a short grace covers the concurrent case.
    upstream.publish(upstream.event('interaction.like.added', { eventId: 'ev-c', userId: 'canary', eventOwnerId: organizer.id }));
    await waitFor(() => received.find((item) => item.type === 'event.liked'), { what: 'the canary' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await followers.findOne({ _id: followId(fan.id, organizer.id) }))?.active, false);
    const fanList = await call(service.url, 'GET', '/notifications', { token: fan.token });
    assert.deepEqual(fanList.body['items'], [], 'an unfollowed fan hears nothing');
  });

  it(`event.published reaches each of ${FOLLOWERS} followers exactly once, even when redelivered`, async () => {
    const organizer = await newUser(issuer, 'org');
    const rows: FollowerDocument[] = Array.from({ length: FOLLOWERS + 1 }, (_, i) => ({
      _id: followId(`f-${i}-${organizer.id}`, organizer.id),
      followerId: `f-${i}-${organizer.id}`,
      followeeId: organizer.id,
      active: i < FOLLOWERS,
      sourceVersion: 1,
    }));
    await service.db.collection<FollowerDocument>('followers').insertMany(rows);
    const oneFollower = await issuer.mint({ sub: `f-7-${organizer.id}`, roles: ['member'] });
    const received = collect(await connectClient(service.url, oneFollower));

    const event = published(organizer.id, 'ev-fan');
    upstream.publish(event);
    upstream.publish(event);
    const notifications = service.db.collection('notifications');
    await waitFor(async () => ((await notifications.countDocuments({ sourceEventId: event.id })) === FOLLOWERS ? true : undefined), {
      timeoutMs: 30_000,
      what: `${FOLLOWERS} notifications`,
    });
    await waitFor(() => received[0], { what: 'the push to a connected follower' });
    assert.equal(received[0]?.type, 'event.published');
    assert.equal(received[0]?.data['eventId'], 'ev-fan');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await notifications.countDocuments({ sourceEventId: event.id }), FOLLOWERS);
    assert.equal(received.length, 1);
    assert.equal(await notifications.countDocuments({ recipientId: `f-${FOLLOWERS}-${organizer.id}` }), 0, 'the inactive follower is skipped');
  });
});
