import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deleteServiceQueues, eventSnapshotData, freshDatabase, startTestIssuer, uniqueName, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { newNotification, type NotificationDocument } from '../src/domain/notification.js';
import { audienceId, type AudienceDocument } from '../src/persistence/audience.js';
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
    return upstream.event('event.published', { ...eventSnapshotData(eventId, organizerId, 'published'), tiers: [] });
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
    const followers = service.db.collection<AudienceDocument>('followers');
    await waitFor(async () => ((await followers.findOne({ _id: audienceId(fan.id, organizer.id) }))?.active === false ? true : undefined), {
      what: 'the unfollow',
    });
    upstream.publish(upstream.event('interaction.follow.added', data, pair, 2));
    // Handled after (or alongside) the late follow; a short grace covers the concurrent case.
    upstream.publish(upstream.event('interaction.like.added', { eventId: 'ev-c', userId: 'canary', eventOwnerId: organizer.id }));
    await waitFor(() => received.find((item) => item.type === 'event.liked'), { what: 'the canary' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await followers.findOne({ _id: audienceId(fan.id, organizer.id) }))?.active, false);
    const fanList = await call(service.url, 'GET', '/notifications', { token: fan.token });
    assert.deepEqual(fanList.body['items'], [], 'an unfollowed fan hears nothing');
  });

  it(`event.published reaches each of ${FOLLOWERS} followers exactly once, even when redelivered`, async () => {
    const organizer = await newUser(issuer, 'org');
    const rows: AudienceDocument[] = Array.from({ length: FOLLOWERS + 1 }, (_, i) => ({
      _id: audienceId(`f-${i}-${organizer.id}`, organizer.id),
      memberId: `f-${i}-${organizer.id}`,
      targetId: organizer.id,
      active: i < FOLLOWERS,
      sourceVersion: 1,
    }));
    await service.db.collection<AudienceDocument>('followers').insertMany(rows);
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

  it('event.published redelivered after a fan-out stopped mid-way stores only the missing ones and pushes only those', async () => {
    const organizer = await newUser(issuer, 'org');
    const memberIds = Array.from({ length: 150 }, (_, i) => `g-${i}-${organizer.id}`);
    await service.db.collection<AudienceDocument>('followers').insertMany(
      memberIds.map((memberId) => ({ _id: audienceId(memberId, organizer.id), memberId, targetId: organizer.id, active: true, sourceVersion: 1 })),
    );
    const event = published(organizer.id, uniqueName('ev-resume'));
    // What the first delivery got through before it died: every other follower's notification,
    // and one of them already read by its recipient.
    const source = { id: event.id, occurredAt: new Date(event.occurredAt) };
    const template = { type: 'event.published' as const, data: { eventId: event.data.eventId } };
    const earlier = memberIds.filter((_, i) => i % 2 === 0).map((recipientId) => newNotification({ ...template, recipientId }, source));
    earlier[0]!.read = true;
    earlier[0]!.readAt = new Date();
    const notifications = service.db.collection<NotificationDocument>('notifications');
    await notifications.insertMany(earlier);
    const alreadyTold = collect(await connectClient(service.url, await issuer.mint({ sub: memberIds[2]!, roles: ['member'] })));
    const stillMissing = collect(await connectClient(service.url, await issuer.mint({ sub: memberIds[3]!, roles: ['member'] })));

    upstream.publish(event);
    await waitFor(async () => ((await notifications.countDocuments({ sourceEventId: event.id })) === memberIds.length ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the missing half filled in',
    });
    await waitFor(() => stillMissing[0], { what: 'the push to a follower whose notification was missing' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const recipients = (await notifications.find({ sourceEventId: event.id }).toArray()).map((n) => n.recipientId);
    assert.deepEqual([...new Set(recipients)].sort(), [...memberIds].sort(), 'each follower once');
    assert.equal((await notifications.findOne({ _id: earlier[0]!._id }))?.read, true, 'a notification already read stays read');
    assert.equal(stillMissing.length, 1);
    assert.equal(alreadyTold.length, 0, 'a follower told by the first delivery is not pushed again');
  });

  it('event.cancelled reaches participants (ticket buyers included) and followers, once each', async () => {
    const organizer = await newUser(issuer, 'org');
    const buyer = await newUser(issuer, 'buyer');
    const fanAndBuyer = await newUser(issuer, 'both');
    const leaver = await newUser(issuer, 'leaver');
    const eventId = uniqueName('ev-cancel');
    const joins = [buyer, fanAndBuyer, leaver].map((user) =>
      upstream.event('interaction.participation.added', { eventId, userId: user.id, eventOwnerId: organizer.id }, `p-${user.id}`, 1),
    );
    for (const join of joins) upstream.publish(join);
    upstream.publish(
      upstream.event('interaction.participation.removed', { eventId, userId: leaver.id, eventOwnerId: organizer.id }, `p-${leaver.id}`, 2),
    );
    upstream.publish(
      upstream.event('interaction.follow.added', { followerId: fanAndBuyer.id, followeeId: organizer.id }, uniqueName('pair'), 1),
    );
    const participants = service.db.collection<AudienceDocument>('participants');
    await waitFor(async () => ((await participants.countDocuments({ targetId: eventId, active: true })) === 2 ? true : undefined), {
      what: 'two active participants',
    });
    await waitFor(async () => ((await participants.findOne({ _id: audienceId(leaver.id, eventId) }))?.active === false ? true : undefined), {
      what: 'the leaver removed',
    });
    const followers = service.db.collection<AudienceDocument>('followers');
    await waitFor(async () => ((await followers.findOne({ _id: audienceId(fanAndBuyer.id, organizer.id) }))?.active ? true : undefined), {
      what: 'the follow',
    });

    const cancelled = upstream.event('event.cancelled', { ...eventSnapshotData(eventId, organizer.id, 'cancelled'), reason: 'storm' });
    upstream.publish(cancelled);
    upstream.publish(cancelled);
    const notifications = service.db.collection('notifications');
    await waitFor(async () => ((await notifications.countDocuments({ sourceEventId: cancelled.id })) === 2 ? true : undefined), {
      what: 'two cancellation notifications',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const recipients = (await notifications.find({ sourceEventId: cancelled.id }).toArray()).map((n) => String(n['recipientId'])).sort();
    assert.deepEqual(recipients, [buyer.id, fanAndBuyer.id].sort(), 'participants and followers, each once; not the one who left');
  });
  it('a published event moved in time reaches everyone going, once each; an edit of its text reaches no one', async () => {
    const organizer = await newUser(issuer, 'org');
    const holder = await newUser(issuer, 'holder');
    const follower = await newUser(issuer, 'follower');
    const eventId = uniqueName('ev-moved');
    upstream.publish(upstream.event('interaction.participation.added', { eventId, userId: holder.id, eventOwnerId: organizer.id }, `p-${holder.id}`, 1));
    upstream.publish(upstream.event('interaction.follow.added', { followerId: follower.id, followeeId: organizer.id }, uniqueName('pair'), 1));
    const participants = service.db.collection<AudienceDocument>('participants');
    await waitFor(async () => ((await participants.countDocuments({ targetId: eventId, active: true })) === 1 ? true : undefined), { what: 'the holder going' });
    const followers = service.db.collection<AudienceDocument>('followers');
    await waitFor(async () => ((await followers.findOne({ _id: audienceId(follower.id, organizer.id) }))?.active ? true : undefined), { what: 'the follow' });

    const notifications = service.db.collection('notifications');
    const retitled = upstream.event('event.updated', { ...eventSnapshotData(eventId, organizer.id, 'published'), title: 'Renamed' });
    upstream.publish(retitled);
    const snapshotData = eventSnapshotData(eventId, organizer.id, 'published');
    const moved = upstream.event('event.updated', {
      ...snapshotData,
      rescheduled: { previousStartsAt: new Date(Date.parse(snapshotData.startsAt) - 86_400_000).toISOString(), previousEndsAt: snapshotData.startsAt },
    });
    upstream.publish(moved);
    upstream.publish(moved);
    await waitFor(async () => ((await notifications.countDocuments({ sourceEventId: moved.id })) === 1 ? true : undefined), { what: 'the change notification' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const told = await notifications.find({ sourceEventId: { $in: [moved.id, retitled.id] } }).toArray();
    assert.deepEqual(told.map((n) => [n['recipientId'], n['type']]), [[holder.id, 'event.changed']], 'the holder, once; not the follower; not for the new title');
    assert.equal((told[0]?.['data'] as Record<string, unknown>)['startsAt'], snapshotData.startsAt);
  });
});
