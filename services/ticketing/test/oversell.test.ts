import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitFor } from '@eventonight/testing';
import { checkoutCall, countsOf, newUser, postWebhook, publishEvent, sessionEvent, useTicketing } from './helpers.js';

/** The 500 buyers for 100 seats (about 7 s here); OVERSELL_BUYERS scales it, keeping 5 buyers a seat. */
const BUYERS = Number(process.env['OVERSELL_BUYERS'] ?? 500);
const SEATS = BUYERS / 5;

describe(`ticketing: ${BUYERS} concurrent checkouts for ${SEATS} seats`, () => {
  const fixture = useTicketing('ticketing_oversell');

  it('holds exactly the capacity, refuses the rest cleanly, then settles 60/40', async () => {
    const url = fixture.ticketing.service.url;
    const event = await publishEvent(url, fixture.issuer, SEATS);
    const buyers = await Promise.all(Array.from({ length: BUYERS }, () => newUser(fixture.issuer, 'member')));
    const startedAt = Date.now();
    const replies = await Promise.all(buyers.map((buyer) => checkoutCall(url, buyer.token, event, 1)));
    const elapsed = Date.now() - startedAt;
    const created = replies.filter((r) => r.status === 201);
    const refused = replies.filter((r) => r.status === 409);
    assert.equal(created.length, SEATS, `statuses: ${JSON.stringify(replies.map((r) => r.status).filter((s) => s !== 201 && s !== 409))}`);
    assert.equal(refused.length, BUYERS - SEATS);
    for (const reply of refused) assert.equal(reply.body['type'], 'https://eventonight.dev/problems/sold-out');
    const counts = await countsOf(fixture.ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual({ sold: counts.sold, held: counts.held }, { sold: 0, held: SEATS });
    console.log(`# ${BUYERS} checkouts in ${elapsed} ms`);

    // Complete 60 %, expire 40 %.
    const orderIds = created.map((r) => String(r.body['orderId']));
    const completeCount = (SEATS * 3) / 5;
    for (const [index, orderId] of orderIds.entries()) {
      const order = await fixture.ticketing.deps.orders.load(orderId);
      const sessionId = order?.state.stripeSessionId ?? '';
      const type = index < completeCount ? 'checkout.session.completed' : 'checkout.session.expired';
      const reply = await postWebhook(url, sessionEvent(type, { orderId, sessionId }));
      assert.equal(reply.status, 200);
    }
    const orderStatuses = async () => ({
      paid: await fixture.ticketing.deps.orders.collection.countDocuments({ eventId: event.eventId, status: 'paid' }),
      expired: await fixture.ticketing.deps.orders.collection.countDocuments({ eventId: event.eventId, status: 'expired' }),
    });
    // Expiry releases the seats first and closes the order after: wait for both.
    const settled = await waitFor(
      async () => {
        const c = await countsOf(fixture.ticketing.deps, event.eventId, event.tierId);
        const orders = await orderStatuses();
        return c.held === 0 && c.sold === completeCount && orders.paid + orders.expired === SEATS ? c : undefined;
      },
      { timeoutMs: 30_000, what: 'all orders settled' },
    );
    assert.equal(settled.capacity - settled.sold - settled.held, SEATS - completeCount);
    assert.deepEqual(await orderStatuses(), { paid: completeCount, expired: SEATS - completeCount });
    const tickets = await fixture.ticketing.deps.tickets.collection.countDocuments({ eventId: event.eventId });
    assert.equal(tickets, completeCount);
  });
});
