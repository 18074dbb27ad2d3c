import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { InventoryGroupCommit, type InventoryDecision } from '../src/application/group-commit.js';
import { placeHold } from '../src/application/inventory-commands.js';
import { decideHold, decideRelease, type HoldDecision, type InventoryState } from '../src/domain/inventory.js';
import { orderIdFor } from '../src/domain/order.js';
import { closeSales } from '../src/application/event-sales.js';
import { HOUR, checkoutCall, countsOf, newUser, publishEvent, snapshot, useTicketing, type TestEvent } from './helpers.js';

/** ADR 0022: the hold decides alone (no read first), a paid order is written once, the group commit decides on its own last write. */
describe('ticketing: the hot tier', () => {
  const fixture = useTicketing('ticketing_hot_tier');

  it('a hold larger than what is left is refused with what is left, and a fitting one still succeeds', async () => {
    const url = fixture.ticketing.service.url;
    const event = await publishEvent(url, fixture.issuer, 5);
    const buyer = await newUser(fixture.issuer, 'member');
    assert.equal((await checkoutCall(url, buyer.token, event, 3)).status, 201);
    const tooMany = await checkoutCall(url, buyer.token, event, 3);
    assert.equal(tooMany.status, 409);
    assert.equal(tooMany.body['type'], 'https://eventonight.dev/problems/sold-out');
    assert.equal(tooMany.body['available'], 2);
    assert.equal((await checkoutCall(url, buyer.token, event, 2)).status, 201);
    const none = await checkoutCall(url, buyer.token, event, 1);
    assert.deepEqual([none.status, none.body['available']], [409, 0]);
    const counts = await countsOf(fixture.ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual({ held: counts.held, sold: counts.sold, claims: counts.claims.length }, { held: 5, sold: 0, claims: 2 });
  });

  it('buyers of 1–4 seats at once: counts exact, and nobody refused while their seats were still there', async () => {
    const url = fixture.ticketing.service.url;
    const capacity = 40;
    const event = await publishEvent(url, fixture.issuer, capacity);
    const buyers = await Promise.all(Array.from({ length: 60 }, (_, index) => newUser(fixture.issuer, 'member').then((user) => ({ user, quantity: (index % 4) + 1 }))));
    const replies = await Promise.all(buyers.map(({ user, quantity }) => checkoutCall(url, user.token, event, quantity).then((reply) => ({ reply, quantity }))));

    const held = replies.filter(({ reply }) => reply.status === 201);
    const refused = replies.filter(({ reply }) => reply.status !== 201);
    for (const { reply, quantity } of refused) {
      assert.equal(reply.status, 409, JSON.stringify(reply.body));
      assert.equal(reply.body['type'], 'https://eventonight.dev/problems/sold-out');
      assert.ok(Number(reply.body['available']) < quantity, `refused ${quantity} with ${String(reply.body['available'])} left`);
    }
    const heldSeats = held.reduce((sum, { quantity }) => sum + quantity, 0);
    const counts = await countsOf(fixture.ticketing.deps, event.eventId, event.tierId);
    assert.equal(counts.held, heldSeats);
    assert.ok(counts.held <= capacity);
    assert.equal(counts.claims.length, held.length);
    // Seats only went during the burst: what is left now was left when each refusal was decided.
    const left = capacity - counts.held;
    assert.ok(refused.every(({ quantity }) => quantity > left), `${left} left, yet a buyer of fewer was refused`);
    for (const { reply, quantity } of held) {
      const order = await fixture.ticketing.deps.orders.load(String(reply.body['orderId']));
      assert.deepEqual([order?.state.quantity, order?.state.status], [quantity, 'awaiting_payment']);
    }
  });

  it('a paid hold writes its order once: inserted awaiting payment, at the claim’s time', async () => {
    const event = await publishEvent(fixture.ticketing.service.url, fixture.issuer, 10);
    const buyer = await newUser(fixture.issuer, 'member');
    const reply = await checkoutCall(fixture.ticketing.service.url, buyer.token, event, 2);
    assert.equal(reply.status, 201);
    const orderId = String(reply.body['orderId']);
    const order = await fixture.ticketing.deps.orders.load(orderId);
    // Version 1: the insert was the only write (the relay's acknowledgement does not bump it).
    assert.equal(order?.version, 1);
    assert.equal(order?.state.status, 'awaiting_payment');
    assert.equal(order?.state.checkoutUrl, reply.body['checkoutUrl']);
    const claim = (await countsOf(fixture.ticketing.deps, event.eventId, event.tierId)).claims.find((c) => c.orderId === orderId);
    assert.equal(order?.state.createdAt.getTime(), claim?.createdAt.getTime());
  });

  it('a retry after a crash between the hold and the order makes the order once, on the same claim', async () => {
    const event = await publishEvent(fixture.ticketing.service.url, fixture.issuer, 10);
    const buyer = await newUser(fixture.issuer, 'member');
    const key = randomUUID();
    const orderId = orderIdFor(buyer.id, key);
    // The first try held 3 seats, then the process died before the order was inserted.
    const crashed = await placeHold(fixture.ticketing.deps, { eventId: event.eventId, tierId: event.tierId, orderId, quantity: 3, expiresAt: new Date(Date.now() + 2 * HOUR) });
    assert.ok(crashed !== 'no-inventory' && crashed.decision.kind === 'placed');
    const claimBefore = (await countsOf(fixture.ticketing.deps, event.eventId, event.tierId)).claims.find((c) => c.orderId === orderId);

    const retried = await checkoutCall(fixture.ticketing.service.url, buyer.token, event, 3, key);
    assert.equal(retried.status, 201);
    assert.equal(retried.body['orderId'], orderId);
    const counts = await countsOf(fixture.ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual({ held: counts.held, claims: counts.claims.length }, { held: 3, claims: 1 });
    // Same claim time → same session expiry → the same Stripe request under the same idempotency key.
    const order = await fixture.ticketing.deps.orders.load(orderId);
    assert.equal(order?.state.createdAt.getTime(), claimBefore?.createdAt.getTime());
  });

  it('a retry after such a crash, once sales have closed, is refused not-on-sale and makes no order', async () => {
    const event = await publishEvent(fixture.ticketing.service.url, fixture.issuer, 10);
    const buyer = await newUser(fixture.issuer, 'member');
    const key = randomUUID();
    const orderId = orderIdFor(buyer.id, key);
    await placeHold(fixture.ticketing.deps, { eventId: event.eventId, tierId: event.tierId, orderId, quantity: 1, expiresAt: new Date(Date.now() + 2 * HOUR) });
    await closeSales(fixture.ticketing.deps, { event: snapshot(event.eventId, event.organizerId, 'cancelled'), aggregateVersion: 3, reason: 'cancelled' });
    const retried = await checkoutCall(fixture.ticketing.service.url, buyer.token, event, 1, key);
    assert.equal(retried.status, 409);
    assert.equal(retried.body['type'], 'https://eventonight.dev/problems/not-on-sale');
    assert.equal(await fixture.ticketing.deps.orders.load(orderId), null);
  });

  describe('group commit: deciding on its own last write', () => {
    const hold = (orderId: string, quantity: number, tierId: string): InventoryDecision<HoldDecision> => (state: InventoryState) => {
      const decision = decideHold(state, { tierId, orderId, quantity, now: new Date(), expiresAt: new Date(Date.now() + HOUR) });
      return { result: decision, tiers: decision.kind === 'placed' ? decision.tiers : null };
    };

    /** A group commit of its own on the service's store, which lets another writer in once, right after its first write. */
    function groupCommitWithWriterAfterFirstSave(otherWriter: (state: InventoryState, version: number) => Promise<void>) {
      const store = fixture.ticketing.deps.inventories;
      let loads = 0;
      let interfered = false;
      const groupCommit = new InventoryGroupCommit({
        load: (eventId) => {
          loads += 1;
          return store.load(eventId);
        },
        update: async (eventId, version, tiers) => {
          const saved = await store.update(eventId, version, { tiers }, []);
          if (!interfered) {
            interfered = true;
            const now = await store.load(eventId);
            if (now !== null) await otherWriter(now.state, now.version);
          }
          return saved;
        },
      });
      return { groupCommit, loads: () => loads };
    }

    async function tierOf(event: TestEvent) {
      return countsOf(fixture.ticketing.deps, event.eventId, event.tierId);
    }

    it('a batch decided on the remembered state loses its write when another writer changed it, and is decided again: refused', async () => {
      const event = await publishEvent(fixture.ticketing.service.url, fixture.issuer, 3);
      // Another replica takes the 2 seats left after our first write.
      const { groupCommit, loads } = groupCommitWithWriterAfterFirstSave(async (state, version) => {
        const taken = hold('ord_other_replica', 2, event.tierId)(state);
        assert.ok(taken.tiers !== null);
        await fixture.ticketing.deps.inventories.update(event.eventId, version, { tiers: taken.tiers }, []);
      });
      const first = groupCommit.submit(event.eventId, hold('ord_a', 1, event.tierId));
      // Queued while the first write is in flight: the second batch.
      const second = groupCommit.submit(event.eventId, hold('ord_b', 1, event.tierId));
      assert.equal(((await first) as HoldDecision).kind, 'placed');
      assert.deepEqual(await second, { kind: 'sold-out', available: 0 });
      const counts = await tierOf(event);
      assert.deepEqual({ held: counts.held, orders: counts.claims.map((c) => c.orderId).sort() }, { held: 3, orders: ['ord_a', 'ord_other_replica'] });
      // The first batch's read, and the fresh one after the lost write; none for the second's first try.
      assert.equal(loads(), 2);
    });

    it('a refusal on the remembered state is never the answer: a fresh read finds the seats another writer freed', async () => {
      const event = await publishEvent(fixture.ticketing.service.url, fixture.issuer, 3);
      const earlier = await placeHold(fixture.ticketing.deps, { eventId: event.eventId, tierId: event.tierId, orderId: 'ord_earlier', quantity: 1, expiresAt: new Date(Date.now() + HOUR) });
      assert.ok(earlier !== 'no-inventory' && earlier.decision.kind === 'placed');
      // Another replica releases the earlier claim right after our first write took the last 2 seats.
      const { groupCommit } = groupCommitWithWriterAfterFirstSave(async (state, version) => {
        const tiers = decideRelease(state, { tierId: event.tierId, orderId: 'ord_earlier' });
        assert.ok(tiers !== null);
        await fixture.ticketing.deps.inventories.update(event.eventId, version, { tiers }, []);
      });
      const first = groupCommit.submit(event.eventId, hold('ord_a', 2, event.tierId));
      const second = groupCommit.submit(event.eventId, hold('ord_b', 1, event.tierId));
      assert.equal(((await first) as HoldDecision).kind, 'placed');
      assert.equal(((await second) as HoldDecision).kind, 'placed');
      const counts = await tierOf(event);
      assert.equal(counts.held, 3);
      assert.deepEqual(
        counts.claims.map((c) => `${c.orderId}:${c.state}`).sort(),
        ['ord_a:held', 'ord_b:held', 'ord_earlier:released'],
      );
    });

    it('an unknown event is answered no-inventory, and the next burst starts from a fresh read', async () => {
      const { groupCommit, loads } = groupCommitWithWriterAfterFirstSave(async () => undefined);
      assert.equal(await groupCommit.submit(`evt-missing-${randomUUID()}`, hold('ord_x', 1, 'tier')), 'no-inventory');
      const event = await publishEvent(fixture.ticketing.service.url, fixture.issuer, 2);
      assert.equal(((await groupCommit.submit(event.eventId, hold('ord_y', 1, event.tierId))) as HoldDecision).kind, 'placed');
      // A later burst on the same event reads again: the remembered state lives only while the queue is busy.
      assert.equal(((await groupCommit.submit(event.eventId, hold('ord_z', 1, event.tierId))) as HoldDecision).kind, 'placed');
      assert.equal(loads(), 3);
      assert.equal((await tierOf(event)).held, 2);
    });
  });
});
