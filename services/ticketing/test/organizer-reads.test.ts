import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { buildEvent, type DomainEvent } from '@eventonight/contracts';
import { messagePropertiesOf } from '@eventonight/platform';
import { EventTap, freshDatabase, infra, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { UserCopy } from '../src/domain/user-copy.js';
import {
  call,
  newUser,
  postWebhook,
  serviceToken,
  sessionEvent,
  snapshot,
  startTicketing,
  type TestTicketing,
} from './helpers.js';

type Json = Record<string, unknown>;

/** Sales figures, the attendee list and the door answer: the organizer's reads, and nobody else's. */
describe('ticketing: the organizer reads sales and attendees; names come from user.* events', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let ticketing: TestTicketing;
  let tap: EventTap;
  let model: ChannelModel;
  let channel: ConfirmChannel;

  before(async () => {
    database = await freshDatabase('ticketing_organizer');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['ticketing.#']);
    ticketing = await startTicketing({ database: database.name, issuer });
    model = await amqp.connect(infra.amqpUrl);
    channel = await model.createConfirmChannel();
  });
  after(async () => {
    await channel?.close().catch(() => undefined);
    await model?.close().catch(() => undefined);
    await tap?.close();
    await ticketing?.close();
    await issuer?.close();
    await database?.dispose();
  });

  async function publish(event: DomainEvent): Promise<void> {
    channel.publish('eventonight', event.type, Buffer.from(JSON.stringify(event)), messagePropertiesOf(event));
    await channel.waitForConfirms();
  }

  function userEvent(type: 'user.created' | 'user.updated', userId: string, version: number, displayName: string): DomainEvent {
    return buildEvent({
      type,
      source: 'user',
      aggregateId: userId,
      aggregateVersion: version,
      correlationId: randomUUID(),
      data: { userId, role: 'member', displayName, avatarMediaId: null },
    });
  }

  async function copyOf(userId: string, match: (copy: UserCopy) => boolean): Promise<UserCopy> {
    return waitFor(
      async () => {
        const copy = await ticketing.deps.users.find(userId);
        return copy !== null && match(copy) ? copy : undefined;
      },
      { timeoutMs: 15_000, what: `user copy ${userId}` },
    );
  }

  /** A member whose user.created ticketing has applied. */
  async function namedMember(displayName: string) {
    const member = await newUser(issuer, 'member');
    await publish(userEvent('user.created', member.id, 1, displayName));
    await copyOf(member.id, (copy) => copy.sourceVersion === 1);
    return { ...member, displayName };
  }

  /** An event with a paid tier (25.00 EUR, 10 seats) and a free tier (5 seats). */
  async function twoTierEvent(organizerId: string) {
    const eventId = `evt-${randomUUID()}`;
    const paid = { tierId: `tier-paid-${randomUUID()}`, name: 'Standard', priceMinor: 2500, currency: 'eur', quantity: 10 };
    const free = { tierId: `tier-free-${randomUUID()}`, name: 'Guest list', priceMinor: 0, currency: 'eur', quantity: 5 };
    const reply = await call(ticketing.service.url, 'PUT', `/internal/events/${eventId}/tiers`, {
      token: await serviceToken(issuer),
      body: { event: snapshot(eventId, organizerId), aggregateVersion: 2, tiers: [paid, free] },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return { eventId, paid, free };
  }

  function checkout(token: string, eventId: string, tierId: string, quantity: number) {
    return call(ticketing.service.url, 'POST', '/orders', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: { eventId, tierId, quantity },
    });
  }

  async function pay(orderId: string): Promise<void> {
    const sessionId = (await ticketing.deps.orders.load(orderId))?.state.stripeSessionId ?? '';
    await postWebhook(ticketing.service.url, sessionEvent('checkout.session.completed', { orderId, sessionId }));
    await waitFor(async () => ((await ticketing.deps.orders.load(orderId))?.state.status === 'paid' ? true : undefined), { what: 'paid' });
  }

  async function codesOf(token: string, orderId: string): Promise<string[]> {
    const tickets = await call(ticketing.service.url, 'GET', '/tickets', { token });
    return (tickets.body['items'] as Json[]).filter((t) => t['orderId'] === orderId).map((t) => String(t['code']));
  }

  const sales = (eventId: string, token: string) => call(ticketing.service.url, 'GET', `/events/${eventId}/sales`, { token });
  const attendees = (eventId: string, token: string, query = '') =>
    call(ticketing.service.url, 'GET', `/events/${eventId}/attendees${query}`, { token });
  const scan = (eventId: string, token: string, code: string) =>
    call(ticketing.service.url, 'POST', `/events/${eventId}/tickets/validate`, { token, body: { code } });

  it('gives the organizer exact figures per tier: sold, held, seats left, checked in, revenue', async () => {
    const organizer = await newUser(issuer, 'organization');
    const event = await twoTierEvent(organizer.id);
    const ada = await namedMember('Ada Lovelace');
    const bob = await namedMember('Bob Marley');

    const paidOrder = await checkout(ada.token, event.eventId, event.paid.tierId, 3);
    await pay(String(paidOrder.body['orderId']));
    const freeOrder = await checkout(bob.token, event.eventId, event.free.tierId, 2);
    assert.equal(freeOrder.body['status'], 'paid');
    // A checkout in progress holds seats without selling them.
    const pending = await checkout(bob.token, event.eventId, event.paid.tierId, 2);
    assert.equal(pending.body['status'], 'awaiting_payment');
    const [firstCode] = await codesOf(ada.token, String(paidOrder.body['orderId']));
    assert.equal((await scan(event.eventId, organizer.token, firstCode ?? '')).status, 200);

    const reply = await sales(event.eventId, organizer.token);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const tiers = reply.body['tiers'] as Json[];
    assert.deepEqual(tiers.find((t) => t['tierId'] === event.paid.tierId), {
      tierId: event.paid.tierId, name: 'Standard', priceMinor: 2500, currency: 'eur',
      capacity: 10, sold: 3, held: 2, seatsLeft: 5, refunded: 0, checkedIn: 1, revenueMinor: 7500,
    });
    assert.deepEqual(tiers.find((t) => t['tierId'] === event.free.tierId), {
      tierId: event.free.tierId, name: 'Guest list', priceMinor: 0, currency: 'eur',
      capacity: 5, sold: 2, held: 0, seatsLeft: 3, refunded: 0, checkedIn: 0, revenueMinor: 0,
    });
    assert.deepEqual(reply.body['totals'], { capacity: 15, sold: 5, held: 2, seatsLeft: 8, refunded: 0, checkedIn: 1 });
    assert.deepEqual(reply.body['revenue'], [{ currency: 'eur', amountMinor: 7500 }]);
    assert.equal(reply.body['onSale'], true);
  });

  it('lists attendees by name, tier, order and check-in, paged; the CSV needs nothing else', async () => {
    const organizer = await newUser(issuer, 'organization');
    const event = await twoTierEvent(organizer.id);
    const ada = await namedMember('Ada Lovelace');
    const order = await checkout(ada.token, event.eventId, event.free.tierId, 3);
    const orderId = String(order.body['orderId']);
    const [code] = await codesOf(ada.token, orderId);
    const used = await scan(event.eventId, organizer.token, code ?? '');
    assert.equal(used.status, 200);

    const first = await attendees(event.eventId, organizer.token, '?limit=2');
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const second = await attendees(event.eventId, organizer.token, `?limit=2&cursor=${encodeURIComponent(String(first.body['nextCursor']))}`);
    assert.equal(second.body['nextCursor'], null);
    const all = [...(first.body['items'] as Json[]), ...(second.body['items'] as Json[])];
    assert.equal(all.length, 3);
    assert.equal(new Set(all.map((a) => a['ticketId'])).size, 3);
    for (const attendee of all) {
      assert.equal(attendee['holderName'], 'Ada Lovelace');
      assert.equal(attendee['holderId'], ada.id);
      assert.equal(attendee['tierName'], 'Guest list');
      assert.equal(attendee['orderId'], orderId);
      assert.equal('code' in attendee, false, 'the list never shows a ticket code');
    }
    const checkedIn = all.filter((a) => a['status'] === 'used');
    assert.equal(checkedIn.length, 1);
    assert.equal(checkedIn[0]?.['usedAt'], used.body['usedAt']);
    assert.equal(all.filter((a) => a['usedAt'] === null).length, 2);
  });

  it('refuses members (403), other organizations (403) and answers 404 for an unknown event', async () => {
    const organizer = await newUser(issuer, 'organization');
    const event = await twoTierEvent(organizer.id);
    const member = await newUser(issuer, 'member');
    const rival = await newUser(issuer, 'organization');
    for (const read of [sales, attendees]) {
      const byMember = await read(event.eventId, member.token);
      assert.equal(byMember.status, 403);
      const byRival = await read(event.eventId, rival.token);
      assert.equal(byRival.status, 403);
      assert.equal(byRival.body['type'], 'https://eventonight.dev/problems/forbidden');
      assert.deepEqual(Object.keys(byRival.body).filter((key) => key === 'tiers' || key === 'items'), []);
      assert.equal((await read(`evt-${randomUUID()}`, organizer.token)).status, 404);
      assert.equal((await call(ticketing.service.url, 'GET', `/events/${event.eventId}/sales`, {})).status, 401);
    }
    assert.equal((await attendees(event.eventId, organizer.token, '?limit=0')).status, 400);
    assert.equal((await attendees(event.eventId, organizer.token, '?limit=201')).status, 400);
    assert.equal((await attendees(event.eventId, organizer.token, '?limit=200')).status, 200);
    assert.equal((await attendees(event.eventId, organizer.token, '?cursor=not-a-cursor')).status, 422);
  });

  it('the door answer names tier and holder; a second scan says when; a refunded ticket says so', async () => {
    const organizer = await newUser(issuer, 'organization');
    const event = await twoTierEvent(organizer.id);
    const ada = await namedMember('Ada Lovelace');
    const order = await checkout(ada.token, event.eventId, event.paid.tierId, 2);
    const orderId = String(order.body['orderId']);
    await pay(orderId);
    const [code, spare] = await codesOf(ada.token, orderId);

    const valid = await scan(event.eventId, organizer.token, code ?? '');
    assert.equal(valid.status, 200);
    assert.equal(valid.body['tierName'], 'Standard');
    assert.equal(valid.body['holderName'], 'Ada Lovelace');
    const again = await scan(event.eventId, organizer.token, code ?? '');
    assert.equal(again.status, 409);
    assert.equal(again.body['type'], 'https://eventonight.dev/problems/already-used');
    assert.equal(again.body['usedAt'], valid.body['usedAt']);
    assert.equal(again.body['holderName'], 'Ada Lovelace');
    assert.equal(again.body['tierName'], 'Standard');

    // The event is cancelled: the order is refunded, the spare ticket invalidated.
    await publish(
      buildEvent({
        type: 'event.cancelled',
        data: { ...snapshot(event.eventId, organizer.id, 'cancelled'), reason: 'storm' },
        source: 'event',
        aggregateId: event.eventId,
        aggregateVersion: 3,
        correlationId: randomUUID(),
      }),
    );
    await tap.waitFor('ticketing.order.refunded', (e) => e.data.orderId === orderId, 15_000);
    const refused = await scan(event.eventId, organizer.token, spare ?? '');
    assert.equal(refused.status, 409);
    assert.equal(refused.body['type'], 'https://eventonight.dev/problems/ticket-invalidated');
    assert.equal(refused.body['holderName'], 'Ada Lovelace');
    assert.equal(refused.body['usedAt'], null);

    const figures = await sales(event.eventId, organizer.token);
    const paid = (figures.body['tiers'] as Json[]).find((t) => t['tierId'] === event.paid.tierId);
    assert.deepEqual([paid?.['sold'], paid?.['refunded'], paid?.['revenueMinor']], [0, 2, 0]);
    assert.deepEqual([figures.body['onSale'], figures.body['closedReason']], [false, 'cancelled']);
  });

  it('keeps the newest name whatever the delivery order, and forgets it after user.deleted', async () => {
    const organizer = await newUser(issuer, 'organization');
    const event = await twoTierEvent(organizer.id);
    const ada = await namedMember('Ada');
    await publish(userEvent('user.updated', ada.id, 3, 'Ada King'));
    await copyOf(ada.id, (copy) => copy.sourceVersion === 3);
    await publish(userEvent('user.updated', ada.id, 2, 'Ada (old name)'));
    // A marker published after the stale event: once applied, the stale one was handled too.
    await namedMember('Marker');
    await checkout(ada.token, event.eventId, event.free.tierId, 1);
    const named = await attendees(event.eventId, organizer.token);
    assert.deepEqual((named.body['items'] as Json[]).map((a) => a['holderName']), ['Ada King']);

    await publish(buildEvent({ type: 'user.deleted', source: 'user', aggregateId: ada.id, aggregateVersion: 5, correlationId: randomUUID(), data: { userId: ada.id } }));
    await waitFor(async () => ((await ticketing.deps.users.find(ada.id)) === null ? true : undefined), { what: 'copy erased' });
    await publish(userEvent('user.updated', ada.id, 6, 'Zombie'));
    await namedMember('Marker');
    // The erased holder's ticket is still listed (it stays valid), named "Deleted member"; no copy comes back.
    const forgotten = await attendees(event.eventId, organizer.token);
    assert.deepEqual((forgotten.body['items'] as Json[]).map((a) => a['holderName']), ['Deleted member']);
    assert.equal(await ticketing.deps.users.find(ada.id), null);
  });
});
