import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EventTap, freshDatabase, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { PaymentGateway } from '../src/application/ports.js';
import { withOrderId } from '../src/outbound/stripe-gateway.js';
import { call, checkoutCall, countsOf, newUser, publishEvent, startTicketing, type TestTicketing } from './helpers.js';

describe('ticketing: free tiers and seats left', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let ticketing: TestTicketing;
  let tap: EventTap;
  let sessionsAsked = 0;

  before(async () => {
    database = await freshDatabase('ticketing_free');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['ticketing.#']);
    // Counts the sessions asked of the real gateway (stripe-mock): a free order must ask none.
    const counting = (real: PaymentGateway): PaymentGateway => ({
      createCheckoutSession: (request) => {
        sessionsAsked += 1;
        return real.createCheckoutSession(request);
      },
      expireCheckoutSession: (sessionId) => real.expireCheckoutSession(sessionId),
      refund: (request) => real.refund(request),
    });
    ticketing = await startTicketing({ database: database.name, issuer, overrides: { payments: counting } });
  });
  after(async () => {
    await tap?.close();
    await ticketing?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('a free tier issues the tickets at once, without a payment session', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 5, undefined, 0);
    const buyer = await newUser(issuer, 'member');
    const before = sessionsAsked;
    const reply = await checkoutCall(ticketing.service.url, buyer.token, event, 2);
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.equal(reply.body['status'], 'paid');
    assert.equal(reply.body['checkoutUrl'], null);
    assert.equal(sessionsAsked, before);

    const counts = await countsOf(ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual([counts.sold, counts.held], [2, 0]);
    const tickets = await call(ticketing.service.url, 'GET', '/tickets', { token: buyer.token });
    const mine = (tickets.body['items'] as Array<Record<string, unknown>>).filter((t) => t['orderId'] === reply.body['orderId']);
    assert.equal(mine.length, 2);
    for (const ticket of mine) {
      assert.equal(ticket['status'], 'valid');
      assert.match(String(ticket['code']), /\S{8,}/);
    }
    const created = await tap.waitFor('ticketing.order.created', (e) => e.data.orderId === reply.body['orderId']);
    assert.deepEqual(created.data.total, { amountMinor: 0, currency: 'eur' });
    const purchased = await tap.waitFor('ticketing.ticket.purchased', (e) => e.data.orderId === reply.body['orderId']);
    assert.equal(purchased.data.ticketIds.length, 2);
  });

  it('the same Idempotency-Key on a free tier answers the same order and issues nothing more', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 5, undefined, 0);
    const buyer = await newUser(issuer, 'member');
    const key = randomUUID();
    const first = await checkoutCall(ticketing.service.url, buyer.token, event, 1, key);
    const second = await checkoutCall(ticketing.service.url, buyer.token, event, 1, key);
    assert.deepEqual([first.status, second.status], [201, 200]);
    assert.equal(second.body['orderId'], first.body['orderId']);
    assert.equal(second.body['status'], 'paid');
    assert.equal((await countsOf(ticketing.deps, event.eventId, event.tierId)).sold, 1);
  });

  it('a free tier still refuses more seats than are left', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 1, undefined, 0);
    const buyer = await newUser(issuer, 'member');
    const reply = await checkoutCall(ticketing.service.url, buyer.token, event, 2);
    assert.equal(reply.status, 409);
    assert.match(String(reply.body['type']), /sold-out$/);
    assert.equal((await countsOf(ticketing.deps, event.eventId, event.tierId)).sold, 0);
  });

  it('anyone reads the seats left per tier; held seats count as taken', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 10);
    const buyer = await newUser(issuer, 'member');
    const hold = await checkoutCall(ticketing.service.url, buyer.token, event, 3);
    assert.equal(hold.status, 201);
    const reply = await call(ticketing.service.url, 'GET', `/events/${event.eventId}/availability`);
    assert.equal(reply.status, 200);
    assert.equal(reply.body['onSale'], true);
    assert.deepEqual(reply.body['tiers'], [{ tierId: event.tierId, name: 'Standard', priceMinor: 1500, currency: 'eur', capacity: 10, available: 7, salesClosed: false, waiting: 0 }]);
  });

  it('seats left of an unknown event is a 404 problem', async () => {
    const reply = await call(ticketing.service.url, 'GET', `/events/evt-${randomUUID()}/availability`);
    assert.equal(reply.status, 404);
    assert.equal(reply.body['title'], 'Not found');
  });

  it('the buyer reads their order by id; anyone else gets 404', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 5);
    const buyer = await newUser(issuer, 'member');
    const placed = await checkoutCall(ticketing.service.url, buyer.token, event, 2);
    const orderId = String(placed.body['orderId']);
    const mine = await call(ticketing.service.url, 'GET', `/orders/${orderId}`, { token: buyer.token });
    assert.equal(mine.status, 200);
    assert.deepEqual([mine.body['orderId'], mine.body['status'], mine.body['quantity']], [orderId, 'awaiting_payment', 2]);
    assert.equal(mine.body['checkoutUrl'], placed.body['checkoutUrl']);
    assert.match(String(mine.body['checkoutSessionId']), /^cs_/);
    const other = await newUser(issuer, 'member');
    const theirs = await call(ticketing.service.url, 'GET', `/orders/${orderId}`, { token: other.token });
    assert.equal(theirs.status, 404);
    const anonymous = await call(ticketing.service.url, 'GET', `/orders/${orderId}`);
    assert.equal(anonymous.status, 401);
  });

  it('{ORDER_ID} in a return URL becomes the order id', () => {
    assert.equal(withOrderId('https://app.example.com/orders/{ORDER_ID}?paid=1', 'ord_a/b'), 'https://app.example.com/orders/ord_a%2Fb?paid=1');
    assert.equal(withOrderId('https://app.example.com/done', 'ord_1'), 'https://app.example.com/done');
  });
});
