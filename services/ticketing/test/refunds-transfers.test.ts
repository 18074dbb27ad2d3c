import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitFor } from '@eventonight/testing';
import { call, checkoutCall, countsOf, newUser, paidOrder, postWebhook, publishEvent, sessionEvent, useTicketing, type TestEvent } from './helpers.js';

const NOT_REFUNDABLE = 'https://eventonight.dev/problems/not-refundable';

/** Issue 29 part 5: refunds and transfers asked by the member, with the real Stripe mock. */
describe('ticketing: member refunds and transfers', () => {
  const fixture = useTicketing('ticketing_refunds_transfers');
  const url = () => fixture.ticketing.service.url;
  const organizerToken = (event: TestEvent) => fixture.issuer.mint({ sub: event.organizerId, roles: ['organization'] });
  const setPolicy = async (event: TestEvent, refundDaysBefore: number | null) =>
    call(url(), 'PUT', `/events/${event.eventId}/refund-policy`, { token: await organizerToken(event), body: { refundDaysBefore } });
  const validate = async (event: TestEvent, code: string) =>
    call(url(), 'POST', `/events/${event.eventId}/tickets/validate`, { token: await organizerToken(event), body: { code } });

  it('refund: refused without a policy and outside it; inside it refunded once, code dead at the door, seat back to the waiting list', async () => {
    const event = await publishEvent(url(), fixture.issuer, 1);
    const { buyer, orderId, codes } = await paidOrder(fixture.ticketing, fixture.issuer, event, 1);
    const refund = () => call(url(), 'POST', `/orders/${orderId}/refund`, { token: buyer.token });

    const none = await refund();
    assert.deepEqual([none.status, none.body['type'], none.body['reason']], [409, NOT_REFUNDABLE, 'no-refunds']);
    assert.equal((await setPolicy(event, 1)).status, 200);
    const late = await refund();
    assert.deepEqual([late.status, late.body['reason']], [409, 'window-closed'], 'the event starts in 3 hours: 1 day before has passed');
    assert.match(String(late.body['detail']), /that time has passed/);

    // Another member's order: 404 as if it did not exist (BOLA).
    const stranger = await newUser(fixture.issuer, 'member');
    assert.equal((await call(url(), 'POST', `/orders/${orderId}/refund`, { token: stranger.token })).status, 404);

    // Someone waits for the sold-out tier.
    const waiter = await newUser(fixture.issuer, 'member');
    assert.equal((await call(url(), 'POST', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list`, { token: waiter.token, body: {} })).status, 201);

    assert.equal((await setPolicy(event, 0)).status, 200);
    const done = await refund();
    assert.deepEqual([done.status, done.body['status']], [200, 'refunded'], JSON.stringify(done.body));
    const order = (await fixture.ticketing.deps.orders.load(orderId))?.state;
    assert.ok(order?.refundId !== null && order?.refundReason === 'member-request');
    const door = await validate(event, codes[0] ?? '');
    assert.equal(door.body['type'], 'https://eventonight.dev/problems/ticket-invalidated');
    const mine = await call(url(), 'GET', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list/me`, { token: waiter.token });
    assert.equal(mine.body['state'], 'offered');
    const afterRefund = await countsOf(fixture.ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual({ sold: afterRefund.sold, held: afterRefund.held }, { sold: 0, held: 1 });

    // Asking again, and Stripe's completed webhook replayed, change nothing.
    const again = await refund();
    assert.deepEqual([again.status, again.body['status']], [200, 'refunded']);
    await postWebhook(url(), sessionEvent('checkout.session.completed', { orderId, sessionId: order?.stripeSessionId ?? '' }));
    await waitFor(async () => ((await fixture.ticketing.deps.stripeEvents.countDocuments({ processedAt: null })) === 0 ? true : undefined), {
      what: 'webhook processed',
    });
    const finalCounts = await countsOf(fixture.ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual({ sold: finalCounts.sold, held: finalCounts.held }, { sold: 0, held: 1 });
    assert.equal((await fixture.ticketing.deps.orders.load(orderId))?.state.status, 'refunded');
    assert.equal(await fixture.ticketing.deps.tickets.collection.countDocuments({ orderId, status: 'valid' }), 0);
  });

  it('transfer: a new code for the recipient, the old one refused at once; BOLA and bad recipients refused', async () => {
    const event = await publishEvent(url(), fixture.issuer, 5);
    const { buyer, orderId, codes } = await paidOrder(fixture.ticketing, fixture.issuer, event, 1);
    const recipient = await newUser(fixture.issuer, 'member');
    await fixture.ticketing.deps.users.collection.insertOne({ _id: recipient.id, sourceVersion: 1, displayName: 'Rita Recipient', deleted: false });
    const ticketId = `tkt_${orderId.slice(4)}_1`;
    const transfer = (token: string, recipientId: string) => call(url(), 'POST', `/tickets/${ticketId}/transfer`, { token, body: { recipientId } });

    assert.equal((await transfer(recipient.token, buyer.id)).status, 404, "someone else's ticket");
    assert.deepEqual([(await transfer(buyer.token, buyer.id)).body['reason']], ['transfer-to-self']);
    assert.deepEqual([(await transfer(buyer.token, 'member-nobody')).body['reason']], ['unknown-recipient']);

    const given = await transfer(buyer.token, recipient.id);
    assert.equal(given.status, 200, JSON.stringify(given.body));
    assert.equal((await validate(event, codes[0] ?? '')).status, 404, 'the old code opens nothing');
    assert.equal((await transfer(buyer.token, recipient.id)).status, 404, 'the giver holds it no more');
    const theirs = await call(url(), 'GET', '/tickets', { token: recipient.token });
    const items = theirs.body['items'] as Array<{ ticketId: string; code: string }>;
    assert.equal(items[0]?.ticketId, ticketId);
    assert.notEqual(items[0]?.code, codes[0]);
    const refund = await call(url(), 'POST', `/orders/${orderId}/refund`, { token: buyer.token });
    assert.equal(refund.status, 409, 'the giver cannot refund a ticket they gave away');
    const entered = await validate(event, items[0]?.code ?? '');
    assert.equal(entered.status, 200);
    assert.equal(entered.body['holderId'], recipient.id);
    // Used: no more transfers.
    const back = await transfer(recipient.token, buyer.id);
    assert.equal(back.status, 422, 'the giver is no known member here (no copy)');
    await fixture.ticketing.deps.users.collection.insertOne({ _id: buyer.id, sourceVersion: 1, displayName: 'Bo Buyer', deleted: false });
    assert.equal((await transfer(recipient.token, buyer.id)).status, 409);
    assert.ok((await checkoutCall(url(), buyer.token, event, 1)).status === 201);
  });
});
