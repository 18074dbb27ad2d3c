import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventTap, freshDatabase, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { minimalStripePayload } from '../src/application/stripe-events.js';
import type { OrderState } from '../src/domain/order.js';
import {
  call,
  checkoutCall,
  countsOf,
  newUser,
  postWebhook,
  publishEvent,
  sessionEvent,
  startTicketing,
  type TestEvent,
  type TestTicketing,
} from './helpers.js';

describe('ticketing: Stripe webhook', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let ticketing: TestTicketing;
  let tap: EventTap;

  before(async () => {
    database = await freshDatabase('ticketing_webhook');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['ticketing.#']);
    ticketing = await startTicketing({ database: database.name, issuer });
  });
  after(async () => {
    await tap?.close();
    await ticketing?.close();
    await issuer?.close();
    await database?.dispose();
  });

  async function buy(event: TestEvent, quantity: number) {
    const buyer = await newUser(issuer, 'member');
    const reply = await checkoutCall(ticketing.service.url, buyer.token, event, quantity);
    assert.equal(reply.status, 201);
    const orderId = String(reply.body['orderId']);
    const order = await ticketing.deps.orders.load(orderId);
    return { buyer, orderId, sessionId: order?.state.stripeSessionId ?? '' };
  }

  const orderStatus = (orderId: string, status: OrderState['status']) =>
    waitFor(async () => {
      const order = await ticketing.deps.orders.load(orderId);
      return order?.state.status === status ? order.state : undefined;
    }, { what: `order ${status}` });

  const processed = (stripeEventId: string) =>
    waitFor(async () => {
      const stored = await ticketing.deps.stripeEvents.findOne({ _id: stripeEventId });
      return stored?.processed === true ? stored : undefined;
    }, { what: 'stripe event processed' });

  it('completed: order paid, one ticket per seat with an unguessable code, hold → sold, purchased event', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 10);
    const { buyer, orderId, sessionId } = await buy(event, 2);
    const reply = await postWebhook(ticketing.service.url, sessionEvent('checkout.session.completed', { orderId, sessionId }));
    assert.deepEqual(reply.body, { received: true, duplicate: false });
    const order = await orderStatus(orderId, 'paid');
    assert.equal(order.ticketIds.length, 2);
    const counts = await countsOf(ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual([counts.sold, counts.held], [2, 0]);
    const purchased = await tap.waitFor('ticketing.ticket.purchased', (e) => e.data.orderId === orderId);
    assert.deepEqual(purchased.data.ticketIds, order.ticketIds);
    assert.equal(purchased.data.organizerId, event.organizerId);
    const mine = await call(ticketing.service.url, 'GET', '/tickets', { token: buyer.token });
    const items = mine.body['items'] as Array<{ code: string; status: string }>;
    assert.equal(items.length, 2);
    for (const ticket of items) {
      assert.equal(ticket.status, 'valid');
      assert.match(ticket.code, /^[A-Za-z0-9_-]{43}$/);
    }
    assert.notEqual(items[0]?.code, items[1]?.code);
  });

  it('a bad signature → 400 and nothing stored', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 10);
    const { orderId, sessionId } = await buy(event, 1);
    const payload = sessionEvent('checkout.session.completed', { orderId, sessionId, eventId: 'evt_forged_1' });
    const forged = await postWebhook(ticketing.service.url, payload, 'whsec_wrong');
    assert.deepEqual([forged.status, forged.body['type']], [400, 'https://eventonight.dev/problems/stripe-signature-invalid']);
    const unsigned = await call(ticketing.service.url, 'POST', '/webhooks/stripe', { raw: payload });
    assert.deepEqual([unsigned.status, unsigned.body['type']], [400, 'https://eventonight.dev/problems/validation'], 'the header is required');
    const tampered = await call(ticketing.service.url, 'POST', '/webhooks/stripe', {
      raw: payload.replace('"paid"', '"paid" '),
      headers: { 'stripe-signature': (await import('./helpers.js')).stripeForSigning.webhooks.generateTestHeaderString({ payload, secret: 'whsec_test_ticketing' }) },
    });
    assert.deepEqual([tampered.status, tampered.body['type']], [400, 'https://eventonight.dev/problems/stripe-signature-invalid']);
    assert.equal(await ticketing.deps.stripeEvents.countDocuments({ _id: 'evt_forged_1' }), 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await ticketing.deps.orders.load(orderId))?.state.status, 'awaiting_payment');
  });

  it('a duplicate delivery and a replay after processing change nothing twice', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 10);
    const { orderId, sessionId } = await buy(event, 3);
    const stripeEventId = `evt_dup_${orderId.slice(4, 16)}`;
    const payload = sessionEvent('checkout.session.completed', { orderId, sessionId, eventId: stripeEventId });
    const [a, b] = await Promise.all([postWebhook(ticketing.service.url, payload), postWebhook(ticketing.service.url, payload)]);
    assert.deepEqual([a.status, b.status], [200, 200]);
    assert.deepEqual([a.body['duplicate'], b.body['duplicate']].sort(), [false, true]);

    // What was stored and settled after the first processing: one record, one sale, three tickets.
    const record = await processed(stripeEventId);
    assert.equal(await ticketing.deps.stripeEvents.countDocuments({ _id: stripeEventId }), 1, 'the event is recorded once');
    assert.equal(record.payload, minimalStripePayload(payload), 'stored reduced to the fields read');
    const paid = await orderStatus(orderId, 'paid');
    assert.equal(paid.ticketIds.length, 3);
    const settled = {
      order: await ticketing.deps.orders.load(orderId),
      inventory: await ticketing.deps.inventories.load(event.eventId),
      tickets: await ticketing.deps.tickets.collection.find({ orderId }).sort({ _id: 1 }).toArray(),
    };
    assert.deepEqual(settled.tickets.map((ticket) => ticket._id), [...paid.ticketIds].sort());
    const counts = await countsOf(ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual([counts.sold, counts.held], [3, 0]);

    const replay = await postWebhook(ticketing.service.url, payload);
    assert.equal(replay.status, 200);
    assert.equal(replay.body['duplicate'], true);
    // The same fact under another Stripe event id (a re-sent event) is also harmless.
    const resent = sessionEvent('checkout.session.completed', { orderId, sessionId });
    assert.equal((await postWebhook(ticketing.service.url, resent)).status, 200);
    await processed(JSON.parse(resent).id as string);
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for a second settlement or event to show

    assert.deepEqual(await ticketing.deps.stripeEvents.findOne({ _id: stripeEventId }), record, 'the replay rewrote nothing of the record');
    assert.deepEqual(await ticketing.deps.orders.load(orderId), settled.order, 'order (status, tickets, payment, version) unchanged');
    assert.deepEqual(await ticketing.deps.inventories.load(event.eventId), settled.inventory, 'seats not sold twice, inventory version unchanged');
    assert.deepEqual(
      await ticketing.deps.tickets.collection.find({ orderId }).sort({ _id: 1 }).toArray(),
      settled.tickets,
      'the same three tickets, codes not reissued',
    );
    assert.equal(tap.ofType('ticketing.ticket.purchased').filter((e) => e.data.orderId === orderId).length, 1);
  });

  it('expired: hold released, order expired, order.expired event', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 5);
    const { orderId, sessionId } = await buy(event, 5);
    await postWebhook(ticketing.service.url, sessionEvent('checkout.session.expired', { orderId, sessionId }));
    await orderStatus(orderId, 'expired');
    assert.equal((await countsOf(ticketing.deps, event.eventId, event.tierId)).held, 0);
    await tap.waitFor('ticketing.order.expired', (e) => e.data.orderId === orderId);
  });

  it('expired then completed with seats left: the payment is honoured', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 5);
    const { orderId, sessionId } = await buy(event, 2);
    const expired = sessionEvent('checkout.session.expired', { orderId, sessionId });
    await postWebhook(ticketing.service.url, expired);
    await processed(JSON.parse(expired).id as string);
    await postWebhook(ticketing.service.url, sessionEvent('checkout.session.completed', { orderId, sessionId }));
    await orderStatus(orderId, 'paid');
    const counts = await countsOf(ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual([counts.sold, counts.held], [2, 0]);
  });

  it('expired then completed when the seats were resold: refunded once, no tickets', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 2);
    const first = await buy(event, 2);
    const expired = sessionEvent('checkout.session.expired', { orderId: first.orderId, sessionId: first.sessionId });
    await postWebhook(ticketing.service.url, expired);
    await processed(JSON.parse(expired).id as string);
    await buy(event, 2); // the released seats go to someone else
    const late = sessionEvent('checkout.session.completed', { orderId: first.orderId, sessionId: first.sessionId });
    await postWebhook(ticketing.service.url, late);
    const refunded = await orderStatus(first.orderId, 'refunded');
    assert.equal(refunded.refundReason, 'no-seats');
    assert.match(String(refunded.refundId), /^re_/);
    assert.equal(await ticketing.deps.tickets.collection.countDocuments({ orderId: first.orderId }), 0);
    const counts = await countsOf(ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual([counts.sold, counts.held], [0, 2]);
    await tap.waitFor('ticketing.order.refunded', (e) => e.data.orderId === first.orderId);
    // Delivered again: nothing more.
    await postWebhook(ticketing.service.url, sessionEvent('checkout.session.completed', { orderId: first.orderId, sessionId: first.sessionId }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(tap.ofType('ticketing.order.refunded').filter((e) => e.data.orderId === first.orderId).length, 1);
  });
});
