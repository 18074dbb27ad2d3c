import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DomainEvent } from '@eventonight/contracts';
import { EXPORT_PARTS_COLLECTION, erasureDigest } from '@eventonight/platform';
import {
  EventTap,
  deleteServiceQueues,
  eventSnapshotData,
  freshDatabase,
  infra,
  startTestIssuer,
  uniqueName,
  waitFor,
  type TestDatabase,
  type TestIssuer,
} from '@eventonight/testing';
import type { Db } from 'mongodb';
import type { Socket } from 'socket.io-client';
import { OPTIONAL_MAIL_KINDS } from '../src/domain/mail-preferences.js';
import { NOTIFICATION_TYPES, type NotificationDocument } from '../src/domain/notification.js';
import { NOTIFICATIONS_COLLECTION } from '../src/persistence/notifications.js';
import { signUnsubscribeToken } from '../src/domain/unsubscribe-token.js';
import type { RunningNotificationService } from '../src/service.js';
import { Upstream, call, collect, connectClient, newUser, sleep, startNotification, useNotification } from './helpers.js';

type Person = { id: string; token: string };

/** `promise`, or a failure naming `what` after `ms`: a missing socket event fails the test instead of hanging it. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function everyDocument(db: Db): Promise<Array<{ collection: string; json: string }>> {
  const found: Array<{ collection: string; json: string }> = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    for (const document of await db.collection(name).find({}).toArray()) found.push({ collection: name, json: JSON.stringify(document) });
  }
  return found;
}

describe('notification: a deleted account is erased, and named by nobody afterwards', { timeout: 120_000 }, () => {
  const fixture = useNotification('notification_erasure');
  let tap: EventTap;
  before(async () => {
    tap = await EventTap.open(['notification.#']);
  });
  after(async () => {
    await tap?.close();
  });

  const db = () => fixture.service.db;
  const notifications = () => db().collection<NotificationDocument>(NOTIFICATIONS_COLLECTION);
  const publish = (event: DomainEvent) => fixture.upstream.publish(event);
  const ev = fixture;

  function like(userId: string, eventId: string, eventOwnerId: string) {
    return ev.upstream.event('interaction.like.added', { eventId, userId, eventOwnerId });
  }
  function participation(userId: string, eventId: string, eventOwnerId: string, version = 1) {
    return ev.upstream.event('interaction.participation.added', { eventId, userId, eventOwnerId }, `participation:${eventId}:${userId}`, version);
  }
  function follow(followerId: string, followeeId: string, version = 1) {
    return ev.upstream.event('interaction.follow.added', { followerId, followeeId }, `follow:${followeeId}:${followerId}`, version);
  }
  function message(senderId: string, recipientId: string, preview: string) {
    return ev.upstream.event('chat.message.sent', {
      conversationId: `c_${randomUUID()}`,
      messageId: `m_${randomUUID()}`,
      senderId,
      recipientId,
      preview,
      sentAt: new Date().toISOString(),
    });
  }
  function purchase(buyerId: string, organizerId: string, eventId: string) {
    const orderId = `ord_${randomUUID()}`;
    return ev.upstream.event('ticketing.ticket.purchased', {
      orderId,
      eventId,
      tierId: 'tier-1',
      buyerId,
      quantity: 1,
      organizerId,
      ticketIds: [`tkt_${orderId}`],
      total: { amountMinor: 1500, currency: 'eur' },
    });
  }
  function deleted(userId: string) {
    return ev.upstream.event('user.deleted', { userId }, userId, 7);
  }

  const count = (filter: Record<string, unknown>) => notifications().countDocuments(filter);
  const arrived = (filter: Record<string, unknown>, n = 1) =>
    waitFor(async () => ((await count(filter)) >= n ? true : undefined), { what: `notification ${JSON.stringify(filter)}`, timeoutMs: 15_000 });
  const inLedger = async (userId: string) => (await db().collection('erasures').countDocuments({ _id: erasureDigest(userId) as never })) === 1;
  const erased = (userId: string) =>
    waitFor(async () => ((await inLedger(userId)) && (await count({ recipientId: userId })) === 0 ? true : undefined), {
      what: 'erasure done',
      timeoutMs: 15_000,
    });

  /** Alice, active everywhere notification sees: followed and following, liking, reviewing, going, chatting, buying, muting. */
  async function activeMember(alice: Person, bob: Person, carol: Person, eventId: string) {
    publish(follow(bob.id, alice.id));
    publish(follow(alice.id, carol.id));
    publish(like(alice.id, eventId, carol.id));
    publish(
      ev.upstream.event('interaction.review.added', {
        eventId,
        userId: alice.id,
        eventOwnerId: carol.id,
        reviewId: `review:${eventId}:${alice.id}`,
        rating: 4,
        text: 'lovely',
      }),
    );
    publish(participation(alice.id, eventId, carol.id));
    publish(message(alice.id, bob.id, 'hi Bob, it is Alice'));
    publish(message(bob.id, alice.id, 'hi Alice'));
    publish(purchase(alice.id, carol.id, eventId));
    await arrived({ recipientId: alice.id }, 3); // follower.new, chat.message, ticket.purchased
    await arrived({ recipientId: carol.id }, 5); // follower.new, liked, reviewed, participation, ticket.sold
    await arrived({ recipientId: bob.id, type: 'chat.message' });
    // Carol publishes: her follower Alice hears of it.
    publish(ev.upstream.event('event.published', { ...eventSnapshotData(`evt-${randomUUID()}`, carol.id, 'published'), tiers: [] }));
    await arrived({ recipientId: alice.id, type: 'event.published' });
    const muted = await call(ev.service.url, 'PUT', '/notification-preferences', { token: alice.token, body: { muted: ['event.liked'] } });
    assert.equal(muted.status, 200);
    const mail = await call(ev.service.url, 'PUT', '/notification-preferences/mail', { token: alice.token, body: { off: ['event.changed'], locale: 'it-IT', timeZone: 'Europe/Rome' } });
    assert.equal(mail.status, 200);
  }

  it('user.deleted: her notifications, preferences, audience entries and sockets go; in others’ she is "Deleted member"', async () => {
    const [alice, bob, carol] = [await newUser(ev.issuer, 'alice'), await newUser(ev.issuer, 'bob'), await newUser(ev.issuer, 'carol')];
    const eventId = `evt-${randomUUID()}`;
    await activeMember(alice, bob, carol, eventId);
    assert.ok((await everyDocument(db())).some((d) => d.json.includes(alice.id)), 'the scan sees her before');
    const socket = await connectClient(ev.service.url, alice.token);
    ev.sockets.push(socket);
    const ended = new Promise<unknown>((resolve) => socket.once('session_expired', resolve));
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    publish(deleted(alice.id));
    await erased(alice.id);
    await waitFor(async () => ((await count({ 'data.actorName': 'Deleted member', recipientId: carol.id })) === 5 ? true : undefined), {
      what: 'carol’s notifications anonymised',
    });

    // Nothing in any collection holds her id.
    const documents = await everyDocument(db());
    for (const { collection, json } of documents) assert.ok(!json.includes(alice.id), `${collection} still holds her id: ${json}`);
    // Carol keeps her history, without Alice in it; the review id (derived from Alice's id) went too.
    const carols = await notifications().find({ recipientId: carol.id }).toArray();
    assert.deepEqual(carols.map((n) => n.type).sort(), ['event.liked', 'event.participation', 'event.reviewed', 'follower.new', 'ticket.sold']);
    for (const notification of carols) {
      assert.equal(notification.data['actorName'], 'Deleted member');
      for (const field of ['userId', 'followerId', 'buyerId']) if (field in notification.data) assert.equal(notification.data[field], null);
    }
    assert.equal(carols.find((n) => n.type === 'event.reviewed')?.data['reviewId'], null);
    assert.equal(carols.find((n) => n.type === 'event.reviewed')?.data['rating'], 4);
    // Bob keeps her message, from "Deleted member"; his own notification to nobody is untouched otherwise.
    const bobs = await notifications().findOne({ recipientId: bob.id, type: 'chat.message' });
    assert.deepEqual([bobs?.data['senderId'], bobs?.data['actorName'], bobs?.data['preview']], [null, 'Deleted member', 'hi Bob, it is Alice']);
    // Bob's audience entry as her follower went; his REST view shows the anonymised message.
    const bobsList = await call(ev.service.url, 'GET', '/notifications', { token: bob.token });
    assert.equal((bobsList.body['items'] as Array<{ data: Record<string, unknown> }>)[0]?.data['actorName'], 'Deleted member');

    // Her open socket was told and closed; her still-valid token opens nothing any more.
    assert.deepEqual(await within(ended, 5_000, 'session_expired'), { reason: 'account deleted' });
    assert.equal(await within(dropped, 5_000, 'disconnect'), 'io server disconnect');
    await assert.rejects(connectClient(ev.service.url, alice.token), (error: Error & { data?: { status?: number; reason?: string } }) => {
      assert.deepEqual(error.data, { status: 401, reason: 'account-deleted' });
      return true;
    });
    for (const [method, path, body] of [
      ['GET', '/notifications', undefined],
      ['GET', '/notifications/unread-count', undefined],
      ['POST', '/notifications/read-all', undefined],
      ['GET', '/notification-preferences', undefined],
      ['PUT', '/notification-preferences', { muted: [] }],
      ['PUT', '/notification-preferences/mail', { off: [], locale: 'de-DE', timeZone: null }],
    ] as const) {
      const reply = await call(ev.service.url, method, path, { token: alice.token, ...(body === undefined ? {} : { body }) });
      assert.deepEqual([path, reply.status, reply.body['type']], [path, 401, 'https://eventonight.dev/problems/account-deleted']);
    }
    assert.equal(await db().collection('preferences').countDocuments({}), 0, 'the refused PUT stored nothing');
    // An unsubscribe link from one of her old mails still answers, and stores nothing about her (ADR 0032).
    const link = `${ev.service.url}/mail-unsubscribe?token=${signUnsubscribeToken('local-unsubscribe-links-only', { memberId: alice.id, kind: 'event.reminder' })}`;
    const oneClick = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(oneClick.status, 200);
    assert.equal(await db().collection('preferences').countDocuments({}), 0, 'nothing stored for an erased member');
    // Others are untouched.
    assert.equal((await call(ev.service.url, 'GET', '/notifications', { token: bob.token })).status, 200);
    const bobSocket = await connectClient(ev.service.url, bob.token);
    bobSocket.close();

    // A replayed user.deleted changes nothing more.
    const settled = await everyDocument(db());
    publish(deleted(alice.id));
    await sleep(800);
    assert.deepEqual(
      (await everyDocument(db())).map((d) => d.json).sort(),
      settled.map((d) => d.json).sort(),
    );
  });

  it('late events naming her write no notification for her, no audience entry about her, and do not name her', async () => {
    const [alice, bob, carol, dave] = [
      await newUser(ev.issuer, 'alice'),
      await newUser(ev.issuer, 'bob'),
      await newUser(ev.issuer, 'carol'),
      await newUser(ev.issuer, 'dave'),
    ];
    const eventId = `evt-${randomUUID()}`;
    const alicesEvent = `evt-${randomUUID()}`;
    publish(follow(bob.id, carol.id));
    publish(participation(bob.id, alicesEvent, alice.id));
    await arrived({ recipientId: carol.id, type: 'follower.new' });
    await arrived({ recipientId: alice.id, type: 'event.participation' });
    publish(deleted(alice.id));
    await waitFor(async () => ((await inLedger(alice.id)) ? true : undefined), { what: 'ledger' });
    await sleep(300);
    const pushed = collect(await connectClient(ev.service.url, carol.token).then((s) => (ev.sockets.push(s), s)));

    // Published before her deletion, delivered after: every one of them names her.
    publish(follow(alice.id, carol.id, 3));
    publish(follow(bob.id, alice.id, 3));
    publish(like(alice.id, eventId, carol.id));
    publish(participation(alice.id, eventId, carol.id, 2));
    publish(ev.upstream.event('interaction.participation.removed', { eventId, userId: alice.id, eventOwnerId: carol.id }, `participation:${eventId}:${alice.id}`, 3));
    publish(message(alice.id, bob.id, 'late hello'));
    publish(message(bob.id, alice.id, 'to a deleted account'));
    publish(purchase(alice.id, carol.id, eventId));
    publish(
      ev.upstream.event('ticketing.order.refunded', {
        orderId: `ord_${randomUUID()}`,
        eventId,
        tierId: 'tier-1',
        buyerId: alice.id,
        quantity: 2,
        organizerId: carol.id,
        refunded: { amountMinor: 3000, currency: 'eur' },
      }),
    );
    // An event published by a followee she followed reaches nobody through her.
    publish(ev.upstream.event('event.published', { ...eventSnapshotData(`evt-${randomUUID()}`, alice.id, 'published'), tiers: [] }));
    // Her event is cancelled after her deletion: Bob, who is going, is told, without her id.
    publish(ev.upstream.event('event.cancelled', { ...eventSnapshotData(alicesEvent, alice.id, 'cancelled'), reason: null }));
    // A marker after them: Dave's like reaches Carol.
    publish(like(dave.id, eventId, carol.id));
    await arrived({ recipientId: carol.id, type: 'event.liked', 'data.userId': dave.id });
    await sleep(800);

    for (const { collection, json } of await everyDocument(db())) assert.ok(!json.includes(alice.id), `${collection} holds her id: ${json}`);
    assert.equal(await count({ recipientId: alice.id }), 0);
    // The sale and the refund happened: Carol is told, without the buyer's id. The social news is withdrawn.
    const carols = await notifications().find({ recipientId: carol.id }).toArray();
    assert.deepEqual(carols.map((n) => n.type).sort(), ['event.liked', 'follower.new', 'ticket.refunded', 'ticket.sold']);
    for (const type of ['ticket.sold', 'ticket.refunded']) {
      const told = carols.find((n) => n.type === type);
      assert.deepEqual([told?.data['buyerId'], told?.data['actorName']], [null, 'Deleted member']);
    }
    assert.equal(await count({ recipientId: bob.id, type: 'chat.message' }), 0, 'no message from her to Bob');
    const cancelled = await waitFor(() => notifications().findOne({ recipientId: bob.id, type: 'event.cancelled' }).then((n) => n ?? undefined), {
      what: 'cancellation told',
    });
    assert.deepEqual([cancelled.data['eventId'], cancelled.data['organizerId'], cancelled.data['actorName']], [alicesEvent, null, 'Deleted member']);
    assert.ok(!pushed.some((n) => JSON.stringify(n).includes(alice.id)), 'no push named her');
    assert.ok(pushed.some((n) => n.type === 'ticket.sold'));
  });

  it('user.export.requested → one notification.export.part with her notifications (in words) and preferences; none once erased', async () => {
    const [erin, frank] = [await newUser(ev.issuer, 'erin'), await newUser(ev.issuer, 'frank')];
    const eventId = `evt-${randomUUID()}`;
    publish(follow(frank.id, erin.id));
    publish(message(frank.id, erin.id, 'see you there'));
    publish(like(frank.id, eventId, erin.id));
    await arrived({ recipientId: erin.id }, 3);
    const liked = await notifications().findOne({ recipientId: erin.id, type: 'event.liked' });
    await call(ev.service.url, 'POST', `/notifications/${liked?._id}/read`, { token: erin.token });
    await call(ev.service.url, 'PUT', '/notification-preferences', { token: erin.token, body: { muted: ['chat.message'] } });
    await call(ev.service.url, 'PUT', '/notification-preferences/mail', { token: erin.token, body: { off: ['event.reminder'], locale: 'fr-FR', timeZone: 'America/Montreal' } });
    // Frank leaves: in Erin's export he is "Deleted member".
    publish(deleted(frank.id));
    await waitFor(async () => ((await count({ recipientId: erin.id, 'data.actorName': 'Deleted member' })) === 3 ? true : undefined), { what: 'anonymised' });

    const exportId = `exp-${randomUUID()}`;
    const request = ev.upstream.event('user.export.requested', { exportId, userId: erin.id }, erin.id, 1);
    publish(request);
    publish(request);
    const part = await tap.waitFor('notification.export.part', (e) => e.data.exportId === exportId, 15_000);
    assert.equal(part.data.userId, erin.id);
    const rows = part.data.sections['notifications'] ?? [];
    assert.deepEqual(
      rows.map((row) => [row['type'], row['summary'], row['read']]).sort(),
      [
        ['chat.message', 'New message from Deleted member: “see you there”', false],
        ['event.liked', 'Deleted member liked your event.', true],
        ['follower.new', 'Deleted member started following you.', false],
      ],
    );
    const likedRow = rows.find((row) => row['type'] === 'event.liked');
    assert.equal(likedRow?.['event_id'], eventId);
    assert.match(String(likedRow?.['read_at']), /^\d{4}-\d\d-\d\dT/);
    assert.ok(!JSON.stringify(part.data).includes(frank.id), 'no other person’s id');
    const preferences = part.data.sections['preferences'] ?? [];
    assert.equal(preferences.length, NOTIFICATION_TYPES.length, 'one row per kind of notification');
    assert.deepEqual(preferences.filter((row) => row['muted'] === true).map((row) => row['notification_type']), ['chat.message']);
    // Her mail choices too (ADR 0032): one row per mail she may stop, and how her mails are written.
    const mailRows = part.data.sections['mail_preferences'] ?? [];
    assert.deepEqual(mailRows.map((row) => [row['mail_kind'], row['sent']]).sort(), OPTIONAL_MAIL_KINDS.map((kind) => [kind, kind !== 'event.reminder']).sort());
    assert.deepEqual((part.data.sections['mail_format'] ?? []).map((row) => [row['locale'], row['time_zone']]), [['fr-FR', 'America/Montreal']]);

    await sleep(800);
    assert.equal(tap.ofType('notification.export.part').filter((e) => e.data.exportId === exportId).length, 1, 'answered once');
    await waitFor(async () => {
      const stored = await db().collection(EXPORT_PARTS_COLLECTION).findOne({ _id: exportId as never });
      return stored !== null && (stored['outbox'] as unknown[]).length === 0 ? true : undefined;
    }, { what: 'part relayed' });

    publish(deleted(erin.id));
    await waitFor(async () => ((await db().collection(EXPORT_PARTS_COLLECTION).countDocuments({ userId: erin.id })) === 0 ? true : undefined), {
      what: 'export record forgotten',
    });
    const late = `exp-${randomUUID()}`;
    publish(ev.upstream.event('user.export.requested', { exportId: late, userId: erin.id }, erin.id, 2));
    await sleep(1_000);
    assert.equal(tap.ofType('notification.export.part').filter((e) => e.data.exportId === late).length, 0);
  });
});

describe('notification: an erasure closes the member’s sockets on every replica', { timeout: 60_000 }, () => {
  const name = uniqueName('notification');
  let database: TestDatabase;
  let issuer: TestIssuer;
  let socketOnly: RunningNotificationService;
  let consuming: RunningNotificationService;
  let upstream: Upstream;
  const sockets: Socket[] = [];

  before(async () => {
    database = await freshDatabase('notification_erasure_replicas');
    issuer = await startTestIssuer();
    const extra = { REDIS_URL: infra.redisUrl };
    socketOnly = await startNotification({ database: database.name, issuer, name, extra, overrides: { consume: false } });
    consuming = await startNotification({ database: database.name, issuer, name, extra });
    upstream = await Upstream.open();
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await upstream?.close();
    await socketOnly?.close();
    await consuming?.close();
    await deleteServiceQueues(name);
    await issuer?.close();
    await database?.dispose();
  });

  it('user.deleted handled by one replica disconnects her socket held by the other, and keeps others connected', async () => {
    const [gone, stays] = [await newUser(issuer, 'gone'), await newUser(issuer, 'stays')];
    const hers = await connectClient(socketOnly.url, gone.token);
    const theirs = await connectClient(socketOnly.url, stays.token);
    sockets.push(hers, theirs);
    const dropped = new Promise<string>((resolve) => hers.once('disconnect', resolve));
    upstream.publish(upstream.event('user.deleted', { userId: gone.id }, gone.id, 4));
    assert.equal(await within(dropped, 10_000, 'disconnect on the other replica'), 'io server disconnect');
    assert.equal(theirs.connected, true);
    await assert.rejects(connectClient(socketOnly.url, gone.token), /deleted/);
  });
});
