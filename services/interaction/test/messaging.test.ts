import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EventTap, waitFor } from '@eventonight/testing';
import { call, Harness } from './helpers.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('interaction service: consumed events', () => {
  let h: Harness;
  let tap: EventTap;

  before(async () => {
    tap = await EventTap.open(['interaction.participation.*']);
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
    await tap?.close();
  });

  it('a redelivered user.created leaves one copy; an older user.updated after a newer one changes nothing', async () => {
    const userId = `organization-${randomUUID()}`;
    const created = h.upstream.event('user.created', { userId, role: 'organization', displayName: 'First', avatarMediaId: null }, userId, 1);
    h.upstream.publish(created);
    h.upstream.publish(created);
    await h.waitForCopy('user_copies', userId, (copy) => copy['sourceVersion'] === 1);
    const v3 = h.upstream.event('user.updated', { userId, role: 'organization', displayName: 'Third', avatarMediaId: 'media-3' }, userId, 3);
    const v2 = h.upstream.event('user.updated', { userId, role: 'organization', displayName: 'Second', avatarMediaId: null }, userId, 2);
    h.upstream.publish(v3);
    await h.waitForCopy('user_copies', userId, (copy) => copy['sourceVersion'] === 3);
    h.upstream.publish(v2);
    h.upstream.publish(created);
    await settle();
    const copies = await h.service.db.collection<{ _id: string; [field: string]: unknown }>('user_copies').find({ _id: userId }).toArray();
    assert.equal(copies.length, 1);
    assert.equal(copies[0]?.['displayName'], 'Third');
    assert.equal(copies[0]?.['avatarMediaId'], 'media-3');
    assert.equal(copies[0]?.['sourceVersion'], 3);

    // Deletion erases the copy (no tombstone), and a late update cannot bring it back (the ledger).
    h.upstream.publish(h.upstream.event('user.deleted', { userId }, userId, 4));
    await waitFor(async () => ((await h.service.db.collection<{ _id: string }>('user_copies').countDocuments({ _id: userId })) === 0 ? true : undefined));
    h.upstream.publish(v3);
    await settle();
    assert.equal(await h.service.db.collection<{ _id: string }>('user_copies').countDocuments({ _id: userId }), 0);
    assert.equal((await call(h.url, 'GET', `/users/${userId}/stats`)).status, 404);
    const member = await h.person();
    assert.equal((await call(h.url, 'PUT', `/users/${userId}/follow`, { token: member.token })).status, 404);
  });

  it('event copies follow the newest version: draft hidden, published open, a late older update ignored, cancelled closed', async () => {
    const eventId = `event-${randomUUID()}`;
    const organizerId = `organization-${randomUUID()}`;
    const member = await h.person();
    await h.eventFact(eventId, 1, 'draft', { organizerId });
    assert.equal((await call(h.url, 'PUT', `/events/${eventId}/like`, { token: member.token })).status, 404);
    await h.eventFact(eventId, 3, 'published', { organizerId, title: 'New title' });
    // event.updated at version 2 (a draft edit) arrives late: it must not turn the event back into a draft.
    h.upstream.publish(
      h.upstream.event('event.updated', {
        eventId,
        organizerId,
        title: 'Old title',
        category: 'music',
        startsAt: new Date().toISOString(),
        endsAt: new Date().toISOString(),
        city: null,
        coverMediaId: null,
        status: 'draft',
      }, eventId, 2),
    );
    await settle();
    const copy = await h.service.db.collection<{ _id: string; [field: string]: unknown }>('event_copies').findOne({ _id: eventId });
    assert.equal(copy?.['title'], 'New title');
    assert.equal(copy?.['status'], 'published');
    assert.equal((await call(h.url, 'PUT', `/events/${eventId}/like`, { token: member.token })).status, 201);
    await h.eventFact(eventId, 4, 'cancelled', { organizerId });
    assert.equal((await call(h.url, 'PUT', `/events/${eventId}/participation`, { token: member.token })).status, 409);
  });

  it('ticket.purchased makes the buyer a participant once, even when redelivered or after the buyer left', async () => {
    const { eventId, organizerId } = await h.publishedEvent();
    const buyer = await h.person();
    const orderId = `order-${randomUUID()}`;
    const purchase = h.upstream.event('ticketing.ticket.purchased', {
      orderId,
      eventId,
      tierId: 'tier-1',
      buyerId: buyer.id,
      quantity: 2,
      organizerId,
      ticketIds: ['t-1', 't-2'],
      total: { amountMinor: 3000, currency: 'eur' },
    }, orderId, 1);
    h.upstream.publish(purchase);
    h.upstream.publish(purchase);
    const added = await tap.waitFor('interaction.participation.added', (e) => e.data.userId === buyer.id);
    assert.deepEqual(added.data, { eventId, userId: buyer.id, eventOwnerId: organizerId });
    await waitFor(async () => ((await call(h.url, 'GET', `/events/${eventId}/stats`)).body['participants'] === 1 ? true : undefined));
    const mine = await call(h.url, 'GET', `/events/${eventId}/me`, { token: buyer.token });
    assert.equal(mine.body['participating'], true);
    // Saying "going" by hand now is a no-op.
    assert.equal((await call(h.url, 'PUT', `/events/${eventId}/participation`, { token: buyer.token })).status, 200);

    assert.equal((await call(h.url, 'DELETE', `/events/${eventId}/participation`, { token: buyer.token })).status, 204);
    await tap.waitFor('interaction.participation.removed', (e) => e.data.userId === buyer.id);
    h.upstream.publish(purchase);
    await settle();
    assert.equal((await call(h.url, 'GET', `/events/${eventId}/stats`)).body['participants'], 0);
    assert.equal(tap.ofType('interaction.participation.added').filter((e) => e.data.userId === buyer.id).length, 1);

    // A second, different order makes the buyer going again.
    const secondOrder = `order-${randomUUID()}`;
    h.upstream.publish(h.upstream.event('ticketing.ticket.purchased', { ...purchase.data, orderId: secondOrder, ticketIds: ['t-3'] }, secondOrder, 1));
    const again = await tap.waitFor('interaction.participation.added', (e) => e.data.userId === buyer.id && e.aggregateVersion === 3);
    assert.equal(again.aggregateId, added.aggregateId);
  });
});
