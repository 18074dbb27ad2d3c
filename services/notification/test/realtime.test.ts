import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import { waitFor } from '@eventonight/testing';
import { call, collect, connectClient, newUser, sleep, useNotification } from './helpers.js';

describe('notification service: events through RabbitMQ reach connected sockets', { timeout: 60_000 }, () => {
  const fixture = useNotification('notification_rt');

  async function connected(token: string): Promise<Socket> {
    const socket = await connectClient(fixture.service.url, token);
    fixture.sockets.push(socket);
    return socket;
  }

  it('a like by user A reaches the organizer’s connected socket, and is listed', async () => {
    const organizer = await newUser(fixture.issuer, 'org');
    const liker = await newUser(fixture.issuer, 'liker');
    const received = collect(await connected(organizer.token));
    const like = fixture.upstream.event('interaction.like.added', { eventId: 'ev-1', userId: liker.id, eventOwnerId: organizer.id });
    fixture.upstream.publish(like);

    const pushed = await waitFor(() => received[0], { timeoutMs: 10_000, what: 'the push' });
    assert.equal(pushed.type, 'event.liked');
    assert.deepEqual(pushed.data, { eventId: 'ev-1', userId: liker.id });
    const list = await call(fixture.service.url, 'GET', '/notifications', { token: organizer.token });
    assert.equal(list.status, 200);
    assert.deepEqual((list.body['items'] as Array<{ id: string }>).map((item) => item.id), [pushed.id]);
    // The liker is not notified of their own like.
    const likers = await call(fixture.service.url, 'GET', '/notifications', { token: liker.token });
    assert.deepEqual(likers.body['items'], []);
  });

  it('a redelivered event produces one notification and one push', async () => {
    const organizer = await newUser(fixture.issuer, 'org');
    const received = collect(await connected(organizer.token));
    const review = fixture.upstream.event('interaction.review.added', {
      eventId: 'ev-2',
      userId: 'someone',
      eventOwnerId: organizer.id,
      reviewId: 'rev-1',
      rating: 5,
      text: 'Great',
    });
    fixture.upstream.publish(review);
    fixture.upstream.publish(review);
    fixture.upstream.publish(review);
    await waitFor(() => received[0], { timeoutMs: 10_000, what: 'the push' });
    await waitFor(
      async () => ((await fixture.service.db.collection('notifications').countDocuments({ sourceEventId: review.id })) >= 1 ? true : undefined),
      { what: 'the stored notification' },
    );
    // A canary published after the duplicates is handled after them (prefetch keeps order within one consumer run).
    const canary = fixture.upstream.event('interaction.like.added', { eventId: 'ev-2', userId: 'canary', eventOwnerId: organizer.id });
    fixture.upstream.publish(canary);
    await waitFor(() => (received.some((item) => item.data['userId'] === 'canary') ? true : undefined), { what: 'the canary' });
    await sleep(300);
    assert.equal(received.filter((item) => item.type === 'event.reviewed').length, 1);
    assert.equal(await fixture.service.db.collection('notifications').countDocuments({ sourceEventId: review.id }), 1);
    const count = await call(fixture.service.url, 'GET', '/notifications/unread-count', { token: organizer.token });
    assert.deepEqual(count.body, { unread: 2 });
  });

  it('refuses a handshake without a token, or with a bad one, with a clear error', async () => {
    await assert.rejects(connectClient(fixture.service.url, undefined), (error: Error) => {
      assert.match(error.message, /unauthorized: access token missing/);
      return true;
    });
    await assert.rejects(connectClient(fixture.service.url, 'not-a-jwt'), (error: Error) => {
      assert.match(error.message, /unauthorized: access token (invalid|malformed)/);
      return true;
    });
    const expired = await fixture.issuer.mint({ sub: 'late', roles: ['member'], expiresInSec: -60 });
    await assert.rejects(connectClient(fixture.service.url, expired), /unauthorized: access token (expired|invalid)/);
  });

  it('ends a socket’s session when its access token expires; a fresh token connects again', async () => {
    const organizer = await newUser(fixture.issuer, 'org');
    const shortLived = await fixture.issuer.mint({ sub: organizer.id, roles: ['member'], expiresInSec: 2 });
    const socket = await connectClient(fixture.service.url, shortLived);
    let expiredNotice: unknown;
    socket.on('session_expired', (notice: unknown) => (expiredNotice = notice));
    const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
    assert.equal(reason, 'io server disconnect');
    assert.match(String((expiredNotice as { reason?: unknown } | undefined)?.reason), /expired/);

    const fresh = collect(await connected(organizer.token));
    fixture.upstream.publish(fixture.upstream.event('interaction.like.added', { eventId: 'ev-exp', userId: 'fan', eventOwnerId: organizer.id }));
    await waitFor(() => fresh.find((item) => item.type === 'event.liked'), { what: 'the push on the new connection' });
  });

  it('muted types are stored but not pushed', async () => {
    const organizer = await newUser(fixture.issuer, 'org');
    const put = await call(fixture.service.url, 'PUT', '/notification-preferences', { token: organizer.token, body: { muted: ['event.liked'] } });
    assert.equal(put.status, 200);
    const received = collect(await connected(organizer.token));
    fixture.upstream.publish(fixture.upstream.event('interaction.like.added', { eventId: 'ev-3', userId: 'fan', eventOwnerId: organizer.id }));
    fixture.upstream.publish(fixture.upstream.event('interaction.participation.added', { eventId: 'ev-3', userId: 'fan', eventOwnerId: organizer.id }));
    await waitFor(() => received.find((item) => item.type === 'event.participation'), { what: 'the unmuted push' });
    await waitFor(async () => ((await call(fixture.service.url, 'GET', '/notifications/unread-count', { token: organizer.token })).body['unread'] === 2 ? true : undefined), {
      what: 'both stored',
    });
    assert.deepEqual(received.map((item) => item.type), ['event.participation']);
  });

  it('a type muted after pushes of it is not pushed again (the preferences read for pushes are not kept past a change)', async () => {
    const organizer = await newUser(fixture.issuer, 'org');
    const received = collect(await connected(organizer.token));
    fixture.upstream.publish(fixture.upstream.event('interaction.like.added', { eventId: 'ev-4', userId: 'fan-1', eventOwnerId: organizer.id }));
    await waitFor(() => received.find((item) => item.type === 'event.liked'), { what: 'the first like pushed' });
    const put = await call(fixture.service.url, 'PUT', '/notification-preferences', { token: organizer.token, body: { muted: ['event.liked'] } });
    assert.equal(put.status, 200);
    fixture.upstream.publish(fixture.upstream.event('interaction.like.added', { eventId: 'ev-4', userId: 'fan-2', eventOwnerId: organizer.id }));
    fixture.upstream.publish(fixture.upstream.event('interaction.participation.added', { eventId: 'ev-4', userId: 'fan-2', eventOwnerId: organizer.id }));
    await waitFor(() => received.find((item) => item.type === 'event.participation'), { what: 'the unmuted push' });
    await waitFor(async () => ((await call(fixture.service.url, 'GET', '/notifications/unread-count', { token: organizer.token })).body['unread'] === 3 ? true : undefined), {
      what: 'all three stored',
    });
    assert.deepEqual(received.map((item) => item.type), ['event.liked', 'event.participation']);
  });

  it('routes each kind of event to the right recipient', async () => {
    const buyer = await newUser(fixture.issuer, 'buyer');
    const organizer = await newUser(fixture.issuer, 'org');
    const buyerPushes = collect(await connected(buyer.token));
    const organizerPushes = collect(await connected(organizer.token));
    const order = { orderId: 'o-1', eventId: 'ev-4', tierId: 't-1', buyerId: buyer.id, quantity: 2 };
    fixture.upstream.publish(fixture.upstream.event('ticketing.ticket.purchased', { ...order, organizerId: organizer.id, ticketIds: ['k1', 'k2'], total: { amountMinor: 3000, currency: 'eur' } }));
    fixture.upstream.publish(fixture.upstream.event('ticketing.order.refunded', { ...order, organizerId: organizer.id, refunded: { amountMinor: 3000, currency: 'eur' } }));
    // A refund published before events carried the organizer: the buyer alone is told.
    fixture.upstream.publish(fixture.upstream.event('ticketing.order.refunded', { ...order, orderId: 'o-0', refunded: { amountMinor: 1500, currency: 'eur' } }));
    fixture.upstream.publish(fixture.upstream.event('chat.message.sent', { conversationId: 'c-1', messageId: 'm-1', senderId: organizer.id, recipientId: buyer.id, preview: 'Hi!', sentAt: new Date().toISOString() }));
    await waitFor(() => (buyerPushes.length === 4 ? true : undefined), { what: 'four pushes to the buyer' });
    await waitFor(() => (organizerPushes.length === 2 ? true : undefined), { what: 'two pushes to the organizer' });
    assert.deepEqual(buyerPushes.map((item) => item.type).sort(), ['chat.message', 'order.refunded', 'order.refunded', 'ticket.purchased']);
    assert.deepEqual(organizerPushes.map((item) => item.type).sort(), ['ticket.refunded', 'ticket.sold']);
    assert.equal(organizerPushes.find((item) => item.type === 'ticket.refunded')?.data['orderId'], 'o-1');
  });

  it('pages watching an event hear when its likes, participants or reviews move; others do not', async () => {
    const organizer = await newUser(fixture.issuer, 'org');
    const visitor = await newUser(fixture.issuer, 'visitor');
    const bystander = await newUser(fixture.issuer, 'bystander');
    const watching = await connected(visitor.token);
    const elsewhere = await connected(bystander.token);
    const heard: unknown[] = [];
    const heardElsewhere: unknown[] = [];
    watching.on('event.activity', (activity: unknown) => heard.push(activity));
    elsewhere.on('event.activity', (activity: unknown) => heardElsewhere.push(activity));
    // Malformed requests are ignored; the socket stays usable.
    watching.emit('watch', { eventId: 42 });
    watching.emit('watch', 'ev-live');
    watching.emit('watch', { eventId: 'ev-live' });
    elsewhere.emit('watch', { eventId: 'ev-other' });
    await sleep(200);

    const onLive = { eventId: 'ev-live', userId: 'fan', eventOwnerId: organizer.id };
    fixture.upstream.publish(fixture.upstream.event('interaction.like.added', onLive));
    fixture.upstream.publish(fixture.upstream.event('interaction.participation.added', onLive));
    fixture.upstream.publish(fixture.upstream.event('interaction.like.removed', onLive));
    fixture.upstream.publish(fixture.upstream.event('interaction.review.added', { ...onLive, reviewId: 'rev-live', rating: 4, text: 'Fun' }));
    await waitFor(() => heard.length >= 4 || undefined, { timeoutMs: 10_000, what: 'four activity pushes' });
    assert.deepEqual(
      (heard as Array<{ eventId: string; kind: string }>).map((activity) => `${activity.eventId}/${activity.kind}`).sort(),
      ['ev-live/likes', 'ev-live/likes', 'ev-live/participants', 'ev-live/reviews'],
    );
    assert.deepEqual(heardElsewhere, []);

    // After unwatch, nothing more arrives for that event.
    watching.emit('unwatch', { eventId: 'ev-live' });
    await sleep(200);
    fixture.upstream.publish(fixture.upstream.event('interaction.like.added', onLive));
    const canary = fixture.upstream.event('interaction.like.added', { eventId: 'ev-other', userId: 'fan', eventOwnerId: organizer.id });
    fixture.upstream.publish(canary);
    await waitFor(() => heardElsewhere.length >= 1 || undefined, { timeoutMs: 10_000, what: 'the canary on the other event' });
    assert.equal(heard.length, 4);
  });
});
