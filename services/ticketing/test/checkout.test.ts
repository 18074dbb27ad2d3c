import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EventTap, freshDatabase, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { PaymentGateway } from '../src/application/ports.js';
import { call, checkoutCall, countsOf, newUser, publishEvent, startTicketing, type TestTicketing } from './helpers.js';

describe('ticketing: checkout', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let ticketing: TestTicketing;
  let tap: EventTap;
  let stripeDown = false;

  before(async () => {
    database = await freshDatabase('ticketing_checkout');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['ticketing.#']);
    const failing = (real: PaymentGateway): PaymentGateway => ({
      createCheckoutSession: (request) => (stripeDown ? Promise.reject(new Error('stripe down')) : real.createCheckoutSession(request)),
      expireCheckoutSession: (sessionId) => real.expireCheckoutSession(sessionId),
      refund: (request) => real.refund(request),
    });
    ticketing = await startTicketing({ database: database.name, issuer, overrides: { payments: failing } });
  });
  after(async () => {
    await tap?.close();
    await ticketing?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('holds seats, returns a Stripe checkout URL and publishes ticketing.order.created', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 10);
    const buyer = await newUser(issuer, 'member');
    const reply = await checkoutCall(ticketing.service.url, buyer.token, event, 3);
    assert.equal(reply.status, 201);
    assert.equal(reply.body['status'], 'awaiting_payment');
    assert.match(String(reply.body['checkoutUrl']), /^https:\/\/checkout\.stripe\.com\//);
    const counts = await countsOf(ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual([counts.held, counts.sold], [3, 0]);
    const created = await tap.waitFor('ticketing.order.created', (e) => e.data.orderId === reply.body['orderId']);
    assert.deepEqual(created.data.total, { amountMinor: 4500, currency: 'eur' });
    assert.equal(created.data.buyerId, buyer.id);
  });

  it('the same Idempotency-Key returns the same order and never a second hold', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 10);
    const buyer = await newUser(issuer, 'member');
    const key = randomUUID();
    const replies = await Promise.all([1, 2, 3].map(() => checkoutCall(ticketing.service.url, buyer.token, event, 2, key)));
    const ids = new Set(replies.map((r) => r.body['orderId']));
    assert.equal(ids.size, 1);
    assert.deepEqual(replies.map((r) => r.status).sort(), [200, 200, 201]);
    const later = await checkoutCall(ticketing.service.url, buyer.token, event, 2, key);
    assert.deepEqual([later.status, later.body['orderId'], later.body['checkoutUrl']], [200, replies[0]?.body['orderId'], replies[0]?.body['checkoutUrl']]);
    assert.equal((await countsOf(ticketing.deps, event.eventId, event.tierId)).held, 2);
    // Another buyer with the same key gets their own order.
    const other = await newUser(issuer, 'member');
    const theirs = await checkoutCall(ticketing.service.url, other.token, event, 2, key);
    assert.notEqual(theirs.body['orderId'], replies[0]?.body['orderId']);
    // The same key for a different purchase is refused.
    const reused = await checkoutCall(ticketing.service.url, buyer.token, event, 3, key);
    assert.equal(reused.status, 422);
  });

  it('sold out → 409 sold-out; unknown event or tier → 404; bad input → 400; organizations cannot buy', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 2);
    const buyer = await newUser(issuer, 'member');
    const url = ticketing.service.url;
    const soldOut = await checkoutCall(url, buyer.token, event, 3);
    assert.equal(soldOut.status, 409);
    assert.equal(soldOut.body['type'], 'https://eventonight.dev/problems/sold-out');
    assert.equal((await checkoutCall(url, buyer.token, { ...event, eventId: 'nope' }, 1)).status, 404);
    assert.equal((await checkoutCall(url, buyer.token, { ...event, tierId: 'nope' }, 1)).status, 404);
    assert.equal((await checkoutCall(url, buyer.token, event, 11)).status, 400);
    assert.equal((await checkoutCall(url, buyer.token, event, 0)).status, 400);
    const noKey = await call(url, 'POST', '/orders', { token: buyer.token, body: { eventId: event.eventId, tierId: event.tierId, quantity: 1 } });
    assert.equal(noKey.status, 400);
    // The key is 8–200 printable ASCII characters, exactly as documented.
    for (const key of ['short', ' spaced key ok?', 'ünïcödé-key', 'k'.repeat(201)]) {
      const reply = await call(url, 'POST', '/orders', {
        token: buyer.token,
        headers: { 'idempotency-key': key },
        body: { eventId: event.eventId, tierId: event.tierId, quantity: 1 },
      });
      assert.equal(reply.status, 400, key);
    }
    const extra = await call(url, 'POST', '/orders', {
      token: buyer.token,
      headers: { 'idempotency-key': randomUUID() },
      body: { eventId: event.eventId, tierId: event.tierId, quantity: 1, price: 1 },
    });
    assert.equal(extra.status, 400);
    const org = await newUser(issuer, 'organization');
    assert.equal((await checkoutCall(url, org.token, event, 1)).status, 403);
    assert.equal((await call(url, 'POST', '/orders', { body: {} })).status, 401);
    assert.equal((await countsOf(ticketing.deps, event.eventId, event.tierId)).held, 0);
  });

  it('a buyer whose address is not confirmed gets 403 email-not-verified, and nothing is held', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 5);
    const id = `member-${randomUUID()}`;
    const unconfirmed = await issuer.mint({ sub: id, roles: ['member'], extra: { email_verified: false } });
    const refused = await checkoutCall(ticketing.service.url, unconfirmed, event, 1);
    assert.equal(refused.status, 403);
    assert.equal(refused.body['type'], 'https://eventonight.dev/problems/email-not-verified');
    assert.match(String(refused.body['detail']), /Confirm your email address/);
    // A token that does not say is not taken as confirmed either.
    const silent = await issuer.mint({ sub: id, roles: ['member'], extra: { email_verified: undefined } });
    assert.equal((await checkoutCall(ticketing.service.url, silent, event, 1)).status, 403);
    assert.equal((await countsOf(ticketing.deps, event.eventId, event.tierId)).held, 0);
    const confirmed = await issuer.mint({ sub: id, roles: ['member'] });
    assert.equal((await checkoutCall(ticketing.service.url, confirmed, event, 1)).status, 201, 'once confirmed, the same member buys');
  });

  it('Stripe failure → 503 and the hold is released; a retry with the same key succeeds', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 4);
    const buyer = await newUser(issuer, 'member');
    const key = randomUUID();
    stripeDown = true;
    const failed = await checkoutCall(ticketing.service.url, buyer.token, event, 4, key);
    stripeDown = false;
    assert.equal(failed.status, 503);
    assert.equal((await countsOf(ticketing.deps, event.eventId, event.tierId)).held, 0);
    const retried = await checkoutCall(ticketing.service.url, buyer.token, event, 4, key);
    assert.equal(retried.status, 200);
    assert.equal(retried.body['status'], 'awaiting_payment');
    assert.equal((await countsOf(ticketing.deps, event.eventId, event.tierId)).held, 4);
  });

  it('lists my orders, paginated', async () => {
    const event = await publishEvent(ticketing.service.url, issuer, 10);
    const buyer = await newUser(issuer, 'member');
    for (let i = 0; i < 3; i += 1) await checkoutCall(ticketing.service.url, buyer.token, event, 1);
    const first = await call(ticketing.service.url, 'GET', '/orders?limit=2', { token: buyer.token });
    assert.equal((first.body['items'] as unknown[]).length, 2);
    const next = await call(ticketing.service.url, 'GET', `/orders?limit=2&cursor=${String(first.body['nextCursor'])}`, { token: buyer.token });
    assert.equal((next.body['items'] as unknown[]).length, 1);
    assert.equal(next.body['nextCursor'], null);
    const stranger = await newUser(issuer, 'member');
    const none = await call(ticketing.service.url, 'GET', '/orders', { token: stranger.token });
    assert.deepEqual(none.body['items'], []);
    // Any 1–600 characters are a cursor by the schema; one this list did not issue is a rule: 422.
    const unknown = await call(ticketing.service.url, 'GET', '/orders?cursor=garbage!', { token: buyer.token });
    assert.deepEqual([unknown.status, unknown.body['type']], [422, 'https://eventonight.dev/problems/unprocessable']);
    assert.equal((await call(ticketing.service.url, 'GET', '/tickets?cursor=garbage!', { token: buyer.token })).status, 422);
    for (const query of ['cursor=', 'limit=0', 'limit=101', 'limit=2.5', 'limit=1e1']) {
      assert.equal((await call(ticketing.service.url, 'GET', `/orders?${query}`, { token: buyer.token })).status, 400, query);
    }
  });
});
