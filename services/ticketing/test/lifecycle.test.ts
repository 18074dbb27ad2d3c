import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { buildEvent } from '@eventonight/contracts';
import { messagePropertiesOf } from '@eventonight/platform';
import { EventTap, freshDatabase, infra, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { placeHold } from '../src/application/inventory-commands.js';
import { sweep } from '../src/application/sweep.js';
import type { OrderState } from '../src/domain/order.js';
import {
  HOUR,
  call,
  checkoutCall,
  countsOf,
  newUser,
  paidOrder as paidOrderOf,
  publishEvent,
  snapshot,
  startTicketing,
  type TestEvent,
  type TestTicketing,
} from './helpers.js';

describe('ticketing: sweeper, door validation, cancellation', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let ticketing: TestTicketing;
  let tap: EventTap;
  let model: ChannelModel;
  let channel: Channel;
  let now = Date.now();

  before(async () => {
    database = await freshDatabase('ticketing_lifecycle');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['ticketing.#']);
    ticketing = await startTicketing({ database: database.name, issuer, overrides: { clock: () => new Date(now) } });
    model = await amqp.connect(infra.amqpUrl);
    channel = await model.createChannel();
  });
  after(async () => {
    await channel?.close().catch(() => undefined);
    await model?.close().catch(() => undefined);
    await tap?.close();
    await ticketing?.close();
    await issuer?.close();
    await database?.dispose();
  });

  const paidOrder = (event: TestEvent, quantity: number) => paidOrderOf(ticketing, issuer, event, quantity);

  it('sweeper: an order that never got a session and an orphan hold are released exactly once', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 10);
    const deps = ticketing.deps;
    // Crash after the order and its hold, before the Stripe session.
    const orderId = `ord_crash_${randomUUID()}`;
    const order: OrderState = {
      _id: orderId, buyerId: 'member-x', eventId: event.eventId, tierId: event.tierId, organizerId: event.organizerId,
      quantity: 3, unitPriceMinor: 1500, totalMinor: 4500, currency: 'eur', requestHash: 'h', status: 'pending',
      stripeSessionId: null, checkoutUrl: null, paymentIntentId: null, ticketIds: [], refundId: null, refundReason: null,
      createdAt: new Date(now), updatedAt: new Date(now),
    };
    await deps.orders.create(order, []);
    await placeHold(deps, { eventId: event.eventId, tierId: event.tierId, orderId, quantity: 3, expiresAt: new Date(now + 2 * HOUR) });
    // Crash after the hold, before the order.
    await placeHold(deps, { eventId: event.eventId, tierId: event.tierId, orderId: 'ord_orphan', quantity: 2, expiresAt: new Date(now + 2 * HOUR) });
    // A healthy order awaiting payment must survive the sweep.
    const buyer = await newUser(issuer, 'member');
    const healthy = await checkoutCall(ticketing.service.url, buyer.token, event, 1);
    assert.equal((await countsOf(deps, event.eventId, event.tierId)).held, 6);

    assert.deepEqual(await sweep(deps), { expired: 0, orphansReleased: 0, pruned: 0 }); // too young
    now += deps.pendingTimeoutMs + 1_000;
    const [first, second] = await Promise.all([sweep(deps), sweep(deps)]);
    assert.equal((first?.expired ?? 0) + (second?.expired ?? 0), 1);
    assert.equal((first?.orphansReleased ?? 0) + (second?.orphansReleased ?? 0), 1);
    assert.equal((await countsOf(deps, event.eventId, event.tierId)).held, 1);
    assert.equal((await deps.orders.load(orderId))?.state.status, 'expired');
    assert.equal((await deps.orders.load(String(healthy.body['orderId'])))?.state.status, 'awaiting_payment');
    await tap.waitFor('ticketing.order.expired', (e) => e.data.orderId === orderId);
    // Past the session's expiry, the healthy order's hold goes too.
    now += 2 * HOUR;
    const late = await sweep(deps);
    assert.equal(late.expired, 1);
    assert.equal((await countsOf(deps, event.eventId, event.tierId)).held, 0);
    now = Date.now();
  });

  it('a paid order publishes its confirmation for the mail sender: the event as sold and each ticket\'s door code', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 10);
    const { orderId, codes, buyer } = await paidOrder(event, 2);
    const confirmed = await tap.waitFor('ticketing.order.confirmed', (e) => e.data.orderId === orderId);
    const inventory = (await ticketing.deps.inventories.load(event.eventId))?.state;
    assert.equal(confirmed.data.buyerId, buyer.id);
    assert.deepEqual(confirmed.data.tickets.map((ticket) => ticket.code).sort(), [...codes].sort());
    assert.deepEqual(
      [confirmed.data.eventTitle, confirmed.data.startsAt, confirmed.data.endsAt, confirmed.data.tierName],
      [inventory?.title, inventory?.startsAt.toISOString(), inventory?.endsAt.toISOString(), 'Standard'],
    );
    assert.deepEqual(confirmed.data.total, { amountMinor: 3000, currency: 'eur' });
  });

  it('door validation: organizer only, valid once, other event → 404', async () => {
    const organizer = await newUser(issuer, 'organization');
    const event = await publishEvent(ticketing.service.url, issuer, 10, organizer.id);
    const other = await publishEvent(ticketing.service.url, issuer, 10, organizer.id);
    const { codes, buyer } = await paidOrder(event, 1);
    const code = codes[0] ?? '';
    const scan = (eventId: string, token: string, body: unknown = { code }) =>
      call(ticketing.service.url, 'POST', `/events/${eventId}/tickets/validate`, { token, body });

    const stranger = await newUser(issuer, 'organization');
    assert.equal((await scan(event.eventId, stranger.token)).status, 403);
    assert.equal((await scan(event.eventId, buyer.token)).status, 403);
    assert.equal((await scan(other.eventId, organizer.token)).status, 404);
    assert.equal((await scan(event.eventId, organizer.token, { code: 'nope' })).status, 404);
    assert.equal((await scan(event.eventId, organizer.token, { code, extra: 1 })).status, 400);
    assert.equal((await scan(event.eventId, organizer.token, { code: 'not a code' })).status, 400, 'a code is base64url');
    const [a, b] = await Promise.all([scan(event.eventId, organizer.token), scan(event.eventId, organizer.token)]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const again = await scan(event.eventId, organizer.token);
    assert.equal(again.status, 409);
    assert.equal(again.body['type'], 'https://eventonight.dev/problems/already-used');
    const validated = await tap.waitFor('ticketing.ticket.validated', (e) => e.data.eventId === event.eventId);
    assert.equal(validated.data.validatedBy, organizer.id);
    assert.equal(validated.data.holderId, buyer.id);
  });

  it('cancellation: paid orders refunded once, tickets invalidated, refunded events', async () => {
    const organizer = await newUser(issuer, 'organization');
    const event = await publishEvent(ticketing.service.url, issuer, 10, organizer.id);
    const one = await paidOrder(event, 2);
    const two = await paidOrder(event, 1);
    const cancelled = buildEvent({
      type: 'event.cancelled',
      data: { ...snapshot(event.eventId, organizer.id, 'cancelled'), reason: 'storm' },
      source: 'event',
      aggregateId: event.eventId,
      aggregateVersion: 3,
      correlationId: randomUUID(),
    });
    // Delivered twice: the second delivery refunds nothing more.
    for (let i = 0; i < 2; i += 1) {
      channel.publish('eventonight', cancelled.type, Buffer.from(JSON.stringify(cancelled)), messagePropertiesOf(cancelled));
    }
    for (const order of [one, two]) {
      await tap.waitFor('ticketing.order.refunded', (e) => e.data.orderId === order.orderId, 15_000);
      const state = (await ticketing.deps.orders.load(order.orderId))?.state;
      assert.equal(state?.status, 'refunded');
      assert.equal(state?.refundReason, 'event-cancelled');
    }
    const statuses = await ticketing.deps.tickets.collection.find({ eventId: event.eventId }).map((t) => t.status).toArray();
    assert.deepEqual(statuses, ['invalidated', 'invalidated', 'invalidated']);
    const scan = await call(ticketing.service.url, 'POST', `/events/${event.eventId}/tickets/validate`, {
      token: organizer.token,
      body: { code: 'x'.repeat(43) },
    });
    assert.equal(scan.status, 404);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(tap.ofType('ticketing.order.refunded').filter((e) => e.data.orderId === one.orderId).length, 1);
    const buyer = await newUser(issuer, 'member');
    assert.equal((await checkoutCall(ticketing.service.url, buyer.token, event, 1)).status, 409);
  });
});
