import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { buildEvent } from '@eventonight/contracts';
import { messagePropertiesOf } from '@eventonight/platform';
import { freshDatabase, infra, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { SalesNotOpenYetError, followEventTime } from '../src/application/event-sales.js';
import { HOUR, call, checkoutCall, newUser, paidOrder, publishEvent, snapshot, startTicketing, type TestEvent, type TestTicketing } from './helpers.js';

/**
 * Issue 27: a rescheduled event is a first-class change. Ticketing keeps the time it saw at
 * publication only until event.updated says otherwise; the sales window and the door follow it.
 */
describe('ticketing: a rescheduled event moves its sales window and its door', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let ticketing: TestTicketing;
  let model: ChannelModel;
  let channel: Channel;
  let now = Date.now();

  before(async () => {
    database = await freshDatabase('ticketing_reschedule');
    issuer = await startTestIssuer();
    ticketing = await startTicketing({ database: database.name, issuer, overrides: { clock: () => new Date(now) } });
    model = await amqp.connect(infra.amqpUrl);
    channel = await model.createChannel();
  });
  after(async () => {
    await channel?.close().catch(() => undefined);
    await model?.close().catch(() => undefined);
    await ticketing?.close();
    await issuer?.close();
    await database?.dispose();
  });

  /** The event service's message for an edit of a published event that moved its time. */
  function moveOnTheBus(event: TestEvent, version: number, startsAt: Date, previousStartsAt: Date): void {
    const data = {
      ...snapshot(event.eventId, event.organizerId, 'published', startsAt),
      rescheduled: { previousStartsAt: previousStartsAt.toISOString(), previousEndsAt: new Date(previousStartsAt.getTime() + 2 * HOUR).toISOString() },
    };
    const message = buildEvent({ type: 'event.updated', data, source: 'event', aggregateId: event.eventId, aggregateVersion: version, correlationId: randomUUID() });
    channel.publish('eventonight', message.type, Buffer.from(JSON.stringify(message)), messagePropertiesOf(message));
  }

  async function startOf(eventId: string): Promise<number | undefined> {
    return (await ticketing.deps.inventories.load(eventId))?.state.startsAt.getTime();
  }

  it('sales close at the new start, not the old one; an older edit arriving late changes nothing', async () => {
    now = Date.now();
    const oldStart = new Date(now + 48 * HOUR);
    const newStart = new Date(now + 24 * HOUR);
    const event = await publishEvent(ticketing.service.url, issuer, 10, undefined, 1500, oldStart);
    moveOnTheBus(event, 3, newStart, oldStart);
    await waitFor(async () => ((await startOf(event.eventId)) === newStart.getTime() ? true : undefined), { what: 'the new start in the inventory' });

    // Between the new start and the old one: the evening has begun, so nothing is on sale.
    now = newStart.getTime() + 6 * HOUR;
    const buyer = await newUser(issuer, 'member');
    const late = await checkoutCall(ticketing.service.url, buyer.token, event, 1);
    assert.equal(late.status, 409, JSON.stringify(late.body));
    assert.equal(late.body['type'], 'https://eventonight.dev/problems/not-on-sale');

    // Version 2 (an edit made before version 3) redelivered late: the copy stays on version 3's time.
    const stale = await followEventTime(ticketing.deps, {
      event: snapshot(event.eventId, event.organizerId, 'published', new Date(Date.now() + 72 * HOUR)),
      aggregateVersion: 2,
    });
    assert.equal(stale, 'unchanged');
    assert.equal(await startOf(event.eventId), newStart.getTime());
    now = Date.now();
  });

  it('the door lets tickets in for the new time and refuses them at the old one', async () => {
    now = Date.now();
    const oldStart = new Date(now + 3 * HOUR);
    const newStart = new Date(now + 48 * HOUR);
    const organizer = await newUser(issuer, 'organization');
    const event = await publishEvent(ticketing.service.url, issuer, 10, organizer.id, 1500, oldStart);
    const [first, second] = (await paidOrder(ticketing, issuer, event, 2)).codes;
    moveOnTheBus(event, 3, newStart, oldStart);
    await waitFor(async () => ((await startOf(event.eventId)) === newStart.getTime() ? true : undefined), { what: 'the new start in the inventory' });
    const scan = (code: string | undefined) =>
      call(ticketing.service.url, 'POST', `/events/${event.eventId}/tickets/validate`, { token: organizer.token, body: { code } });

    // At the old time (doors of the old date were open): refused, with the new hours.
    const atOldTime = await scan(first);
    assert.equal(atOldTime.status, 409, JSON.stringify(atOldTime.body));
    assert.equal(atOldTime.body['type'], 'https://eventonight.dev/problems/door-closed');
    assert.equal(atOldTime.body['startsAt'], newStart.toISOString());
    assert.equal(atOldTime.body['opensAt'], new Date(newStart.getTime() - 6 * HOUR).toISOString());
    assert.equal(atOldTime.body['closesAt'], new Date(newStart.getTime() + 2 * HOUR).toISOString());

    // An hour before the new start: in, once. The refusal above did not use the ticket up.
    now = newStart.getTime() - HOUR;
    assert.equal((await scan(first)).status, 200);
    assert.equal((await scan(first)).body['type'], 'https://eventonight.dev/problems/already-used');

    // After the new end: the door is closed again.
    now = newStart.getTime() + 2 * HOUR + 60_000;
    assert.equal((await scan(second)).body['type'], 'https://eventonight.dev/problems/door-closed');
    now = Date.now();
  });

  it('an edit of a published event whose sales are not open yet is retried; a draft edit is no news here', async () => {
    const eventId = `evt-${randomUUID()}`;
    await assert.rejects(
      followEventTime(ticketing.deps, { event: snapshot(eventId, 'org-1', 'published'), aggregateVersion: 3 }),
      SalesNotOpenYetError,
    );
    const draft = { ...snapshot(eventId, 'org-1'), status: 'draft' as const };
    assert.equal(await followEventTime(ticketing.deps, { event: draft, aggregateVersion: 2 }), 'no-sales');
    assert.equal(await ticketing.deps.inventories.load(eventId), null);
  });
});
