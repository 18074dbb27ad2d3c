import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, checkoutCall, countsOf, newUser, publishEvent, useTicketing, type TestEvent } from './helpers.js';

/** Issue 29 part 4: capacity and tiers after publication, decided where the sold counts live. */
describe('ticketing: tier changes after publication', () => {
  const fixture = useTicketing('ticketing_tier_changes');
  const url = () => fixture.ticketing.service.url;
  const organizerToken = (event: TestEvent) => fixture.issuer.mint({ sub: event.organizerId, roles: ['organization'] });
  const patch = async (event: TestEvent, body: object, token?: string) =>
    call(url(), 'PATCH', `/events/${event.eventId}/tiers/${event.tierId}`, { token: token ?? (await organizerToken(event)), body });

  it('raises, closes, reopens and adds; lowering below sold + held is a 409 with the minimum; another organizer 403', async () => {
    const event = await publishEvent(url(), fixture.issuer, 4);
    const buyer = await newUser(fixture.issuer, 'member');
    assert.equal((await checkoutCall(url(), buyer.token, event, 3)).status, 201);

    const lower = await patch(event, { capacity: 2 });
    assert.equal(lower.status, 409);
    assert.equal(lower.body['type'], 'https://eventonight.dev/problems/capacity-below-sold');
    assert.equal(lower.body['minimum'], 3);
    assert.match(String(lower.body['detail']), /cannot go below 3/);
    assert.equal((await patch(event, { capacity: 3 })).status, 200);
    const raised = await patch(event, { capacity: 10 });
    assert.deepEqual([raised.status, raised.body['capacity']], [200, 10]);

    const other = await newUser(fixture.issuer, 'organization');
    assert.equal((await patch(event, { capacity: 50 }, other.token)).status, 403);
    const member = await newUser(fixture.issuer, 'member');
    assert.equal((await patch(event, { capacity: 50 }, member.token)).status, 403);

    assert.equal((await patch(event, { salesClosed: true })).body['salesClosed'], true);
    const refused = await checkoutCall(url(), member.token, event, 1);
    assert.equal(refused.body['type'], 'https://eventonight.dev/problems/not-on-sale');
    const availability = await call(url(), 'GET', `/events/${event.eventId}/availability`);
    const tiers = availability.body['tiers'] as Array<{ available: number; salesClosed: boolean }>;
    assert.deepEqual([tiers[0]?.available, tiers[0]?.salesClosed], [0, true]);
    assert.equal((await patch(event, { salesClosed: false })).status, 200);
    assert.equal((await checkoutCall(url(), member.token, event, 1)).status, 201);

    const token = await organizerToken(event);
    const added = await call(url(), 'POST', `/events/${event.eventId}/tiers`, { token, body: { name: 'Late bird', priceMinor: 2500, currency: 'eur', capacity: 20 } });
    assert.equal(added.status, 201);
    const again = await call(url(), 'POST', `/events/${event.eventId}/tiers`, { token, body: { name: 'Late bird', priceMinor: 2500, currency: 'eur', capacity: 20 } });
    assert.deepEqual([again.status, again.body['tierId']], [200, added.body['tierId']]);
    const late = { ...event, tierId: String(added.body['tierId']) };
    assert.equal((await checkoutCall(url(), member.token, late, 2)).status, 201);
  });

  it('capacity added goes to the waiting list first', async () => {
    const event = await publishEvent(url(), fixture.issuer, 1);
    const buyer = await newUser(fixture.issuer, 'member');
    assert.equal((await checkoutCall(url(), buyer.token, event, 1)).status, 201);
    const waiter = await newUser(fixture.issuer, 'member');
    assert.equal((await call(url(), 'POST', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list`, { token: waiter.token, body: {} })).status, 201);
    assert.equal((await patch(event, { capacity: 2 })).status, 200);
    const mine = await call(url(), 'GET', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list/me`, { token: waiter.token });
    assert.equal(mine.body['state'], 'offered');
    const stranger = await newUser(fixture.issuer, 'member');
    assert.equal((await checkoutCall(url(), stranger.token, event, 1)).status, 409);
  });

  it('checkouts racing capacity changes never oversell', async () => {
    const event = await publishEvent(url(), fixture.issuer, 60);
    const buyers = await Promise.all(Array.from({ length: 100 }, () => newUser(fixture.issuer, 'member')));
    const changes = [40, 30, 70, 20, 35].map((capacity) => patch(event, { capacity }));
    const replies = await Promise.all([...buyers.map((b) => checkoutCall(url(), b.token, event, 1)), ...changes]);
    const checkouts = replies.slice(0, 100);
    const changed = replies.slice(100);
    for (const reply of changed) {
      assert.ok(reply.status === 200 || (reply.status === 409 && reply.body['type'] === 'https://eventonight.dev/problems/capacity-below-sold'), JSON.stringify(reply.body));
    }
    const held = checkouts.filter((r) => r.status === 201).length;
    assert.ok(checkouts.every((r) => r.status === 201 || r.status === 409));
    const counts = await countsOf(fixture.ticketing.deps, event.eventId, event.tierId);
    assert.equal(counts.held, held);
    assert.ok(counts.held <= counts.capacity, `${counts.held} held > capacity ${counts.capacity}`);
  });
});
