import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import type { RunningService } from '@eventonight/platform';
import { EventTap, freshDatabase, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, eventBody, HOUR, newMember, newOrganizer, startEventService } from './helpers.js';

/**
 * Issue 27, part 5: "Add to calendar" on an event's page. The file is read back with ical.js, as
 * a calendar app would; it follows the event's read rules (a draft is its organizer's alone).
 */

/** Whole seconds: iCalendar has no milliseconds. */
function atSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

describe('event service: an event as an iCalendar file', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;
  let tap: EventTap;
  let org: { id: string; token: string };

  before(async () => {
    database = await freshDatabase('event_calendar');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['event.*']);
    service = await startEventService({ database: database.name, issuer, extra: { APP_URL: 'https://app.example.test' } });
    org = await newOrganizer(issuer);
  });
  after(async () => {
    await service?.close();
    await tap?.close();
    await issuer?.close();
    await database?.dispose();
  });

  async function create(body = eventBody({}, atSecond(Date.now()))): Promise<{ eventId: string; version: number }> {
    const reply = await call(service.url, 'POST', '/events', { token: org.token, body });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    return { eventId: String(reply.body['eventId']), version: Number(reply.body['version']) };
  }

  async function command(eventId: string, path: string, body?: Record<string, unknown>): Promise<number> {
    const reply = await call(service.url, 'POST', `/events/${eventId}${path}`, { token: org.token, ...(body === undefined ? {} : { body }) });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return Number(reply.body['version']);
  }

  async function calendarOf(eventId: string, token?: string): Promise<Response> {
    return fetch(`${service.url}/events/${eventId}/calendar.ics`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
  }

  async function entryOf(eventId: string): Promise<{ event: ICAL.Event; vevent: ICAL.Component; calendar: ICAL.Component }> {
    const reply = await calendarOf(eventId);
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get('content-type') ?? '', /^text\/calendar; charset=utf-8/);
    const text = await reply.text();
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    assert.equal(events.length, 1);
    const [vevent] = events;
    assert.ok(vevent !== undefined);
    return { event: new ICAL.Event(vevent), vevent, calendar };
  }

  it('a published event: its UID, time, venue, page and version; anyone may download it', async () => {
    const body = eventBody({ title: 'Jazz night, by the river; live' }, atSecond(Date.now()));
    const { eventId } = await create(body);
    const version = await command(eventId, '/publish');

    const { event, vevent, calendar } = await entryOf(eventId);
    assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(event.uid, `${eventId}@eventonight`);
    assert.equal(event.summary, 'Jazz night, by the river; live');
    assert.equal(event.startDate.toJSDate().toISOString(), body['startsAt']);
    assert.equal(event.endDate.toJSDate().toISOString(), body['endsAt']);
    assert.equal(event.location, 'Blue Note, Via Roma 1, Bologna');
    assert.deepEqual(vevent.getFirstPropertyValue('geo'), [44.49, 11.34]);
    assert.equal(event.description, 'Live jazz by the river.');
    assert.equal(vevent.getFirstPropertyValue('url'), `https://app.example.test/events/${eventId}`);
    assert.equal(vevent.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(event.sequence, version);

    // The snapshot every event.* message carries now names the place (ticketing's feed shows it).
    const published = await tap.waitFor('event.published', (message) => message.aggregateId === eventId);
    assert.deepEqual(published.data.venue, { name: 'Blue Note', address: 'Via Roma 1', city: 'Bologna' });
  });

  it('a draft is 404 to anyone but its organizer, like the event itself; an unknown event is 404', async () => {
    const { eventId, version } = await create();
    const member = await newMember(issuer);
    const stranger = await newOrganizer(issuer, 'other');
    for (const token of [undefined, member.token, stranger.token]) {
      const reply = await calendarOf(eventId, token);
      assert.equal(reply.status, 404);
      assert.match(reply.headers.get('content-type') ?? '', /^application\/problem\+json/);
    }
    const own = await calendarOf(eventId, org.token);
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('cache-control'), 'private, no-store', 'a draft is never kept by a shared cache');
    assert.equal(new ICAL.Event(new ICAL.Component(ICAL.parse(await own.text())).getFirstSubcomponent('vevent') ?? undefined).sequence, version);
    assert.equal((await calendarOf(`evt-${randomUUID()}`)).status, 404);
    assert.equal((await calendarOf('not%20an%20id')).status, 400);
  });

  it('a reschedule moves the time and raises SEQUENCE (calendars replace the entry); a cancellation says CANCELLED', async () => {
    const { eventId } = await create();
    await command(eventId, '/publish');
    const before = await entryOf(eventId);

    const startsAt = new Date(atSecond(Date.now() + 72 * HOUR));
    const endsAt = new Date(startsAt.getTime() + 3 * HOUR);
    const moved = await call(service.url, 'PATCH', `/events/${eventId}`, {
      token: org.token,
      body: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), venue: { name: 'Teatro', address: 'Largo Respighi 1', city: 'Bologna' } },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const after = await entryOf(eventId);
    assert.equal(after.event.startDate.toJSDate().toISOString(), startsAt.toISOString());
    assert.equal(after.event.endDate.toJSDate().toISOString(), endsAt.toISOString());
    assert.equal(after.event.location, 'Teatro, Largo Respighi 1, Bologna');
    assert.equal(after.vevent.getFirstPropertyValue('geo'), null, 'the new venue has no map point');
    assert.ok(after.event.sequence > before.event.sequence, `SEQUENCE ${after.event.sequence} after ${before.event.sequence}`);
    assert.equal(after.event.uid, before.event.uid, 'the same entry');

    const cancelledAt = await command(eventId, '/cancel', { reason: 'The river flooded.' });
    const cancelled = await entryOf(eventId);
    assert.equal(cancelled.vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(cancelled.event.summary, 'Cancelled: Jazz night');
    assert.match(cancelled.event.description, /^This event was cancelled\. The river flooded\./);
    assert.equal(cancelled.event.sequence, cancelledAt);
  });
});
