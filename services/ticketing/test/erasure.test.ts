import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EXPORT_PARTS_COLLECTION, erasureDigest } from '@eventonight/platform';
import { EventTap, Upstream, freshDatabase, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { Db } from 'mongodb';
import type { OrderState } from '../src/domain/order.js';
import { USERS_COLLECTION } from '../src/persistence/collections.js';
import { STRIPE_EVENTS_COLLECTION } from '../src/persistence/stripe-events.js';
import {
  call,
  checkoutCall,
  countsOf,
  newUser,
  postWebhook,
  publishEvent,
  snapshot,
  startTicketing,
  type TestEvent,
  type TestTicketing,
} from './helpers.js';

type Json = Record<string, unknown>;

/**
 * Every document of every collection of the database, as JSON, by collection: what the system
 * test scans, here for ticketing alone.
 */
async function everyDocument(db: Db): Promise<Array<{ collection: string; json: string }>> {
  const found: Array<{ collection: string; json: string }> = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    for (const document of await db.collection(name).find({}).toArray()) found.push({ collection: name, json: JSON.stringify(document) });
  }
  return found;
}

/** A completed Checkout Session as Stripe really sends it: with the buyer's details, which ticketing must not keep. */
function completedWithBuyerDetails(input: { orderId: string; sessionId: string; email: string; name: string }): string {
  return JSON.stringify({
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: input.sessionId,
        object: 'checkout.session',
        client_reference_id: input.orderId,
        metadata: { orderId: input.orderId },
        payment_intent: 'pi_test_123',
        payment_status: 'paid',
        customer_email: input.email,
        customer_details: {
          email: input.email,
          name: input.name,
          phone: '+39 051 555 0101',
          address: { city: 'Bologna', country: 'IT', line1: 'Via Zamboni 33', postal_code: '40126' },
        },
      },
    },
  });
}

describe('ticketing: a deleted account is erased; orders and tickets keep only the pseudonymous id', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let ticketing: TestTicketing;
  let tap: EventTap;
  let upstream: Upstream;

  before(async () => {
    database = await freshDatabase('ticketing_erasure');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['ticketing.#']);
    upstream = await Upstream.open();
    ticketing = await startTicketing({ database: database.name, issuer });
  });
  after(async () => {
    await upstream?.close();
    await tap?.close();
    await ticketing?.close();
    await issuer?.close();
    await database?.dispose();
  });

  const url = () => ticketing.service.url;

  async function member(displayName: string) {
    const user = await newUser(issuer, 'member');
    upstream.publish(upstream.event('user.created', { userId: user.id, role: 'member', displayName, avatarMediaId: null }, user.id, 1));
    await waitFor(async () => ((await ticketing.deps.users.find(user.id))?.displayName === displayName ? true : undefined), { what: 'user copy', timeoutMs: 15_000 });
    return { ...user, displayName, email: `${user.id}@example.org` };
  }

  const orderIn = (orderId: string, status: OrderState['status']) =>
    waitFor(async () => {
      const order = await ticketing.deps.orders.load(orderId);
      return order?.state.status === status ? order.state : undefined;
    }, { what: `order ${status}`, timeoutMs: 15_000 });

  async function openOrder(token: string, event: TestEvent, quantity: number) {
    const reply = await checkoutCall(url(), token, event, quantity);
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const orderId = String(reply.body['orderId']);
    return { orderId, sessionId: (await ticketing.deps.orders.load(orderId))?.state.stripeSessionId ?? '' };
  }

  async function paidOrder(buyer: { token: string; email: string; displayName: string }, event: TestEvent, quantity: number) {
    const { orderId, sessionId } = await openOrder(buyer.token, event, quantity);
    const webhook = await postWebhook(url(), completedWithBuyerDetails({ orderId, sessionId, email: buyer.email, name: buyer.displayName }));
    assert.equal(webhook.status, 200);
    return orderIn(orderId, 'paid');
  }

  function deleteUser(userId: string): void {
    upstream.publish(upstream.event('user.deleted', { userId }, userId, 9));
  }

  const erased = (userId: string) =>
    waitFor(async () => ((await ticketing.deps.ledger.isErased(userId)) ? true : undefined), { what: 'erasure recorded' });

  it('erases the copy, keeps the tickets valid as "Deleted member", closes the open order, keeps no name or email anywhere', async () => {
    const organizer = await newUser(issuer, 'organization');
    const event = await publishEvent(url(), issuer, 10, organizer.id);
    const grace = await member(`Grace ${randomUUID()}`);
    const bystander = await member(`Bystander ${randomUUID()}`);
    const paid = await paidOrder(grace, event, 2);
    const open = await openOrder(grace.token, event, 3);
    const other = await openOrder(bystander.token, event, 1);
    assert.deepEqual(await countsOf(ticketing.deps, event.eventId, event.tierId).then((c) => [c.sold, c.held]), [2, 4]);

    deleteUser(grace.id);
    await erased(grace.id);
    const expired = await orderIn(open.orderId, 'expired');
    assert.equal(expired.buyerId, grace.id, 'the order keeps its pseudonymous buyer id');
    await tap.waitFor('ticketing.order.expired', (e) => e.data.orderId === open.orderId);
    // Her three held seats are back on sale; the bystander's hold and her sold seats are untouched.
    const counts = await countsOf(ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual([counts.sold, counts.held], [2, 1]);
    assert.equal((await ticketing.deps.orders.load(other.orderId))?.state.status, 'awaiting_payment');
    assert.equal(await ticketing.deps.users.find(grace.id), null, 'the copy of her name is gone');

    // Her tickets stay valid for her id; the organizer's list and the door say "Deleted member".
    const list = await call(url(), 'GET', `/events/${event.eventId}/attendees`, { token: organizer.token });
    assert.equal(list.status, 200);
    const rows = list.body['items'] as Json[];
    assert.deepEqual(rows.map((row) => [row['holderName'], row['status'], row['holderId']]), [
      ['Deleted member', 'valid', grace.id],
      ['Deleted member', 'valid', grace.id],
    ]);
    const ticket = await ticketing.deps.tickets.load(paid.ticketIds[0] ?? '');
    const door = await call(url(), 'POST', `/events/${event.eventId}/tickets/validate`, { token: organizer.token, body: { code: ticket?.state.code } });
    assert.equal(door.status, 200);
    assert.equal(door.body['holderName'], 'Deleted member');

    // Nothing in any collection names her; her id only on the accounting records.
    await waitFor(async () => ((await ticketing.deps.orders.collection.countDocuments({ 'outbox.0': { $exists: true } })) === 0 ? true : undefined), {
      what: 'outboxes relayed',
    });
    const documents = await everyDocument(ticketing.service.db);
    assert.ok(documents.some((d) => d.collection === STRIPE_EVENTS_COLLECTION), 'the Stripe event was stored');
    for (const { collection, json } of documents) {
      assert.ok(!json.includes(grace.displayName), `${collection} holds her display name: ${json}`);
      assert.ok(!json.includes(grace.email), `${collection} holds her email: ${json}`);
      assert.ok(!json.includes('Via Zamboni') && !json.includes('+39 051'), `${collection} holds her address or phone: ${json}`);
      if (json.includes(grace.id)) assert.ok(['orders', 'tickets'].includes(collection), `${collection} holds her id: ${json}`);
    }
    assert.equal(await ticketing.service.db.collection('erasures').countDocuments({ _id: erasureDigest(grace.id) as never }), 1);
    // The bystander is untouched.
    assert.equal((await ticketing.deps.users.find(bystander.id))?.displayName, bystander.displayName);
  });

  it('a replayed user.deleted changes nothing more; a late user.created/updated writes no copy', async () => {
    const organizer = await newUser(issuer, 'organization');
    const event = await publishEvent(url(), issuer, 10, organizer.id);
    const ada = await member(`Ada ${randomUUID()}`);
    await paidOrder(ada, event, 1);
    deleteUser(ada.id);
    await erased(ada.id);
    const before = { orders: await ticketing.deps.orders.collection.find({ buyerId: ada.id }).toArray(), tickets: await ticketing.deps.tickets.collection.find({ holderId: ada.id }).toArray() };

    deleteUser(ada.id);
    upstream.publish(upstream.event('user.updated', { userId: ada.id, role: 'member', displayName: 'Ada Zombie', avatarMediaId: null }, ada.id, 12));
    upstream.publish(upstream.event('user.created', { userId: ada.id, role: 'member', displayName: 'Ada Reborn', avatarMediaId: null }, ada.id, 1));
    // Published after them: once the marker's copy exists, the late events were handled too.
    await member(`Marker ${randomUUID()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await ticketing.deps.users.find(ada.id), null, 'no copy came back');
    const names = await everyDocument(ticketing.service.db);
    assert.ok(!names.some((d) => d.json.includes('Ada Zombie') || d.json.includes('Ada Reborn')));
    assert.deepEqual(await ticketing.deps.orders.collection.find({ buyerId: ada.id }).toArray(), before.orders);
    assert.deepEqual(await ticketing.deps.tickets.collection.find({ holderId: ada.id }).toArray(), before.tickets);
  });

  it("a deleted account's still-valid token gets 401 account-deleted", async () => {
    const event = await publishEvent(url(), issuer, 10);
    const lin = await member(`Lin ${randomUUID()}`);
    assert.equal((await call(url(), 'GET', '/tickets', { token: lin.token })).status, 200);
    deleteUser(lin.id);
    await erased(lin.id);
    const refused = await checkoutCall(url(), lin.token, event, 1);
    assert.equal(refused.status, 401);
    assert.equal(refused.body['type'], 'https://eventonight.dev/problems/account-deleted');
    for (const path of ['/tickets', '/orders', '/orders/ord_x']) {
      const reply = await call(url(), 'GET', path, { token: lin.token });
      assert.deepEqual([path, reply.status, reply.body['type']], [path, 401, 'https://eventonight.dev/problems/account-deleted']);
    }
    assert.equal(await ticketing.deps.orders.collection.countDocuments({ buyerId: lin.id }), 0, 'no order was taken');
    assert.equal((await countsOf(ticketing.deps, event.eventId, event.tierId)).held, 0);
  });

  it('a payment that lands after the erasure is refunded, never turned into tickets', async () => {
    const event = await publishEvent(url(), issuer, 10);
    const kim = await member(`Kim ${randomUUID()}`);
    const open = await openOrder(kim.token, event, 2);
    deleteUser(kim.id);
    await orderIn(open.orderId, 'expired');
    const late = completedWithBuyerDetails({ orderId: open.orderId, sessionId: open.sessionId, email: kim.email, name: kim.displayName });
    assert.equal((await postWebhook(url(), late)).status, 200);
    const refunded = await orderIn(open.orderId, 'refunded');
    assert.equal(refunded.refundReason, 'account-deleted');
    assert.deepEqual(refunded.ticketIds, []);
    assert.equal(await ticketing.deps.tickets.collection.countDocuments({ orderId: open.orderId }), 0);
    assert.deepEqual(await countsOf(ticketing.deps, event.eventId, event.tierId).then((c) => [c.sold, c.held]), [0, 0]);
  });

  it('user.export.requested → one ticketing.export.part with orders, tickets, payments and refunds; none for an erased member', async () => {
    const organizer = await newUser(issuer, 'organization');
    const kept = await publishEvent(url(), issuer, 10, organizer.id, 2500);
    const cancelledEvent = await publishEvent(url(), issuer, 10, organizer.id, 1200);
    const eva = await member(`Eva ${randomUUID()}`);
    const paid = await paidOrder(eva, kept, 2);
    const refundedOrder = await paidOrder(eva, cancelledEvent, 1);
    upstream.publish(
      upstream.event(
        'event.cancelled',
        { ...snapshot(cancelledEvent.eventId, organizer.id, 'cancelled'), reason: 'storm' },
        cancelledEvent.eventId,
        3,
      ),
    );
    await orderIn(refundedOrder._id, 'refunded');
    const open = await openOrder(eva.token, kept, 1);

    const exportId = `exp-${randomUUID()}`;
    const request = upstream.event('user.export.requested', { exportId, userId: eva.id }, eva.id, 1);
    upstream.publish(request);
    upstream.publish(request);
    const part = await tap.waitFor('ticketing.export.part', (e) => e.data.exportId === exportId, 15_000);
    assert.equal(part.data.userId, eva.id);
    const { orders, tickets, payments, refunds } = part.data.sections;

    assert.deepEqual(
      orders?.map((row) => [row['order_id'], row['event_id'], row['event_title'], row['ticket_tier'], row['quantity'], row['total_minor_units'], row['currency'], row['status']]),
      [
        [paid._id, kept.eventId, 'Jazz night', 'Standard', 2, 5000, 'eur', 'paid'],
        [refundedOrder._id, cancelledEvent.eventId, 'Jazz night', 'Standard', 1, 1200, 'eur', 'refunded'],
        [open.orderId, kept.eventId, 'Jazz night', 'Standard', 1, 2500, 'eur', 'awaiting_payment'],
      ],
    );
    assert.match(String(orders?.[0]?.['ordered_at']), /^\d{4}-\d\d-\d\dT/);
    const mine = await ticketing.deps.tickets.collection.find({ holderId: eva.id }).toArray();
    assert.equal(tickets?.length, 3);
    for (const row of tickets ?? []) {
      const stored = mine.find((t) => t._id === row['ticket_id']);
      assert.ok(stored !== undefined);
      assert.deepEqual([row['code'], row['status'], row['event_id'], row['ticket_tier']], [stored.code, stored.status, stored.eventId, 'Standard']);
      assert.equal(row['issued_at'], stored.issuedAt.toISOString());
    }
    assert.deepEqual(
      payments?.map((row) => [row['order_id'], row['amount_minor_units'], row['currency'], row['status'], row['payment_reference']]),
      [
        [paid._id, 5000, 'eur', 'paid', 'pi_test_123'],
        [refundedOrder._id, 1200, 'eur', 'paid, then refunded', 'pi_test_123'],
      ],
    );
    assert.deepEqual(
      refunds?.map((row) => [row['order_id'], row['amount_minor_units'], row['reason']]),
      [[refundedOrder._id, 1200, 'the event was cancelled']],
    );
    assert.ok(typeof refunds?.[0]?.['refund_reference'] === 'string');
    // Nothing of Stripe's that could be used (no session URL, no secret), nothing of another person.
    assert.ok(!JSON.stringify(part.data).includes('checkout.stripe.com'));

    // Answered once despite the redelivery; the stored answer keeps no rows once relayed.
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal(tap.ofType('ticketing.export.part').filter((e) => e.data.exportId === exportId).length, 1);
    const stored = await waitFor(async () => {
      const document = await ticketing.service.db.collection(EXPORT_PARTS_COLLECTION).findOne({ _id: exportId as never });
      return document !== null && (document['outbox'] as unknown[] | undefined)?.length === 0 ? document : undefined;
    }, { what: 'export part relayed' });
    assert.ok(!JSON.stringify(stored).includes(paid._id));

    // Erasure forgets the export record; a request for an erased member is not answered.
    deleteUser(eva.id);
    await erased(eva.id);
    await waitFor(async () => ((await ticketing.service.db.collection(EXPORT_PARTS_COLLECTION).countDocuments({ userId: eva.id })) === 0 ? true : undefined), {
      what: 'export parts forgotten',
    });
    const late = `exp-${randomUUID()}`;
    upstream.publish(upstream.event('user.export.requested', { exportId: late, userId: eva.id }, eva.id, 2));
    await member(`Marker ${randomUUID()}`);
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal(tap.ofType('ticketing.export.part').filter((e) => e.data.exportId === late).length, 0);
  });

  it('at start, Stripe events stored whole are reduced and pre-erasure tombstones become erasures', async () => {
    const db = ticketing.service.db;
    const gone = `member-${randomUUID()}`;
    const legacyEmail = `${randomUUID()}@example.org`;
    const legacy = completedWithBuyerDetails({ orderId: 'ord_legacy', sessionId: 'cs_legacy', email: legacyEmail, name: 'Legacy Buyer' });
    // As the previous version stored them: the payload whole, a tombstone keeping the id.
    await db.collection(STRIPE_EVENTS_COLLECTION).insertOne({
      _id: JSON.parse(legacy).id as never,
      type: 'checkout.session.completed',
      payload: legacy,
      receivedAt: new Date(),
      processed: true,
      processedAt: new Date(),
      outcome: 'ignored',
      attempts: 0,
    });
    await db.collection(USERS_COLLECTION).insertOne({ _id: gone as never, sourceVersion: 4, displayName: null, deleted: true });

    const second = await startTicketing({ database: database.name, issuer });
    try {
      const stored = await db.collection(STRIPE_EVENTS_COLLECTION).findOne({ _id: JSON.parse(legacy).id as never });
      assert.ok(stored !== null);
      assert.ok(!String(stored['payload']).includes(legacyEmail) && !String(stored['payload']).includes('Legacy Buyer'));
      assert.equal(JSON.parse(String(stored['payload'])).data.object.client_reference_id, 'ord_legacy');
      assert.equal(await db.collection(USERS_COLLECTION).countDocuments({ _id: gone as never }), 0);
      assert.equal(await second.deps.ledger.isErased(gone), true);
    } finally {
      await second.close();
    }
  });
});
