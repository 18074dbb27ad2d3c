import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { EventTap, Upstream, freshDatabase, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { CALENDAR_FEEDS_COLLECTION } from '../src/persistence/calendar-feeds.js';
import { HOUR, call, paidOrder, serviceToken, snapshot, startTicketing, tiersOf, type TestEvent, type TestTicketing } from './helpers.js';

/**
 * Issue 27, part 5: a member's private calendar feed of their tickets. Every file is parsed with
 * ical.js; the feed is read as a calendar app reads it, by its address alone.
 */

/** A time in whole seconds, as iCalendar writes it. */
function inHours(hours: number): Date {
  return new Date(Math.floor((Date.now() + hours * HOUR) / 1000) * 1000);
}

const CLUB = { name: 'Blue Note', address: 'Via Roma 1', city: 'Bologna' };
const HALL = { name: 'Teatro Comunale', address: 'Largo Respighi 1', city: 'Bologna' };

interface ParsedEntry {
  uid: string;
  summary: string;
  location: string | null;
  description: string;
  start: number;
  end: number;
  sequence: number;
  status: string;
  url: string;
}

function parseFeed(text: string): { name: unknown; entries: ParsedEntry[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.name, 'vcalendar');
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  const entries = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      location: (vevent.getFirstPropertyValue('location') as string | null) ?? null,
      description: event.description,
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue('status')),
      url: String(vevent.getFirstPropertyValue('url')),
    };
  });
  return { name: calendar.getFirstPropertyValue('name'), entries };
}

describe('ticketing: a private calendar feed of a member\'s tickets', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let ticketing: TestTicketing;
  let upstream: Upstream;
  let tap: EventTap;

  before(async () => {
    database = await freshDatabase('ticketing_calendar');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['ticketing.order.confirmed']);
    upstream = await Upstream.open();
    ticketing = await startTicketing({ database: database.name, issuer, extra: { APP_URL: 'https://app.example.test/' } });
  });
  after(async () => {
    await ticketing?.close();
    await upstream?.close();
    await tap?.close();
    await issuer?.close();
    await database?.dispose();
  });

  /** Sales opened as the event service opens them at publication (version 2), with the venue. */
  async function publishWithVenue(startsAt: Date, venue: typeof CLUB | null = CLUB): Promise<TestEvent> {
    const event = { eventId: `evt-${randomUUID()}`, tierId: `tier-${randomUUID()}`, organizerId: `org-${randomUUID()}` };
    const data = { ...snapshot(event.eventId, event.organizerId, 'published', startsAt), ...(venue === null ? {} : { venue }) };
    const reply = await call(ticketing.service.url, 'PUT', `/internal/events/${event.eventId}/tiers`, {
      token: await serviceToken(issuer),
      body: { event: data, aggregateVersion: 2, tiers: tiersOf(event.tierId, 20) },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return event;
  }

  /** The feed as a calendar app fetches it: the path of its address, no token. */
  async function fetchFeed(url: string): Promise<Response> {
    const path = new URL(url).pathname.replace(/^\/api\/ticketing/, '');
    return fetch(`${ticketing.service.url}${path}`);
  }

  async function feedEntries(url: string): Promise<ParsedEntry[]> {
    const reply = await fetchFeed(url);
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get('content-type') ?? '', /^text\/calendar; charset=utf-8/);
    return parseFeed(await reply.text()).entries;
  }

  async function makeFeed(token: string): Promise<string> {
    const made = await call(ticketing.service.url, 'POST', '/calendar-feed', { token });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return String(made.body['url']);
  }

  it('lists the events a member holds tickets for, with the venue and how many; never another member\'s', async () => {
    const startsAt = inHours(30);
    const mine = await publishWithVenue(startsAt);
    const theirs = await publishWithVenue(inHours(40));
    const { buyer, orderId } = await paidOrder(ticketing, issuer, mine, 2);
    const other = await paidOrder(ticketing, issuer, theirs, 1);

    // The confirmation mail's facts now carry the place and the version its calendar entry replaces.
    const confirmed = await tap.waitFor('ticketing.order.confirmed', (event) => event.data.orderId === orderId);
    assert.deepEqual(confirmed.data.venue, CLUB);
    assert.equal(confirmed.data.eventVersion, 2);

    assert.deepEqual((await call(ticketing.service.url, 'GET', '/calendar-feed', { token: buyer.token })).body, { feed: null });
    const url = await makeFeed(buyer.token);
    assert.match(url, /^https:\/\/app\.example\.test\/api\/ticketing\/calendar-feed\/[A-Za-z0-9_-]{43}\.ics$/, 'an address that works through the edge');
    const status = await call(ticketing.service.url, 'GET', '/calendar-feed', { token: buyer.token });
    assert.equal(typeof (status.body['feed'] as { createdAt?: unknown } | null)?.createdAt, 'string');

    const reply = await fetchFeed(url);
    const text = await reply.text();
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
    const { name, entries } = parseFeed(text);
    assert.equal(name, 'EventoNight tickets');
    assert.equal(entries.length, 1, 'only the event this member holds tickets for');
    const [entry] = entries;
    assert.equal(entry?.uid, `${mine.eventId}@eventonight`);
    assert.equal(entry?.summary, 'Jazz night');
    assert.equal(entry?.location, 'Blue Note, Via Roma 1, Bologna');
    assert.equal(entry?.start, startsAt.getTime());
    assert.equal(entry?.end, startsAt.getTime() + 2 * HOUR);
    assert.equal(entry?.status, 'CONFIRMED');
    assert.equal(entry?.sequence, 2);
    assert.match(entry?.description ?? '', /Your 2 tickets: 2 × Standard\./);
    assert.equal(entry?.url, `https://app.example.test/events/${mine.eventId}`);

    // The other member's feed has their event only.
    const otherEntries = await feedEntries(await makeFeed(other.buyer.token));
    assert.deepEqual(otherEntries.map((e) => e.uid), [`${theirs.eventId}@eventonight`]);

    // Only a digest is stored: the token is nowhere in the database.
    const token = /calendar-feed\/([^.]+)\.ics$/.exec(url)?.[1] ?? '';
    const stored = await ticketing.deps.calendarFeeds.find({}).toArray();
    assert.ok(stored.length >= 2);
    assert.ok(!JSON.stringify(stored).includes(token), 'the token is not stored');
  });

  it('a new address ends the old one; stopping ends it; unknown addresses are 404, malformed ones 400', async () => {
    const event = await publishWithVenue(inHours(30));
    const { buyer } = await paidOrder(ticketing, issuer, event, 1);
    const first = await makeFeed(buyer.token);
    assert.equal((await fetchFeed(first)).status, 200);

    const second = await makeFeed(buyer.token);
    assert.notEqual(second, first);
    const old = await fetchFeed(first);
    assert.equal(old.status, 404, 'the replaced address');
    assert.equal(((await old.json()) as { type?: string }).type, 'https://eventonight.dev/problems/not-found');
    assert.equal((await fetchFeed(second)).status, 200);

    assert.equal((await call(ticketing.service.url, 'DELETE', '/calendar-feed', { token: buyer.token })).status, 204);
    assert.equal((await fetchFeed(second)).status, 404, 'the stopped address');
    assert.deepEqual((await call(ticketing.service.url, 'GET', '/calendar-feed', { token: buyer.token })).body, { feed: null });
    assert.equal((await call(ticketing.service.url, 'DELETE', '/calendar-feed', { token: buyer.token })).status, 204, 'stopping twice is fine');

    assert.equal((await fetch(`${ticketing.service.url}/calendar-feed/${randomBytes(32).toString('base64url')}.ics`)).status, 404, 'a token never made');
    assert.equal((await fetch(`${ticketing.service.url}/calendar-feed/short.ics`)).status, 400, 'not a token');
    assert.equal((await call(ticketing.service.url, 'POST', '/calendar-feed', {})).status, 401, 'making one needs a token');
  });

  it('a rescheduled or moved event changes its time, place and SEQUENCE; an older message without a venue keeps the place', async () => {
    const startsAt = inHours(30);
    const event = await publishWithVenue(startsAt);
    const { buyer } = await paidOrder(ticketing, issuer, event, 1);
    const url = await makeFeed(buyer.token);
    const before = (await feedEntries(url))[0];
    assert.equal(before?.sequence, 2);

    const later = new Date(startsAt.getTime() + 24 * HOUR);
    const moved = {
      ...snapshot(event.eventId, event.organizerId, 'published', later),
      venue: HALL,
      rescheduled: { previousStartsAt: startsAt.toISOString(), previousEndsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString() },
      relocated: { previous: CLUB, current: HALL },
    };
    upstream.publish(upstream.event('event.updated', moved, event.eventId, 5));
    const after = await waitFor(async () => {
      const [entry] = await feedEntries(url);
      return entry?.start === later.getTime() ? entry : undefined;
    }, { what: 'the new time in the feed' });
    assert.equal(after.sequence, 5, 'a newer SEQUENCE, so calendars replace the entry');
    assert.ok(after.sequence > (before?.sequence ?? 0));
    assert.equal(after.location, 'Teatro Comunale, Largo Respighi 1, Bologna');

    // A message from before the venue travelled (no `venue`): the time follows, the place stays.
    const evenLater = new Date(later.getTime() + 24 * HOUR);
    upstream.publish(upstream.event('event.updated', snapshot(event.eventId, event.organizerId, 'published', evenLater), event.eventId, 6));
    const last = await waitFor(async () => {
      const [entry] = await feedEntries(url);
      return entry?.start === evenLater.getTime() ? entry : undefined;
    }, { what: 'the third time in the feed' });
    assert.equal(last.location, 'Teatro Comunale, Largo Respighi 1, Bologna');
    assert.equal(last.sequence, 6);
  });

  it('a cancelled event stays in the feed as CANCELLED after its tickets are refunded', async () => {
    const event = await publishWithVenue(inHours(30));
    const { buyer, orderId } = await paidOrder(ticketing, issuer, event, 2);
    const url = await makeFeed(buyer.token);
    upstream.publish(upstream.event('event.cancelled', { ...snapshot(event.eventId, event.organizerId, 'cancelled'), venue: CLUB, reason: 'storm' }, event.eventId, 7));
    await waitFor(async () => ((await ticketing.deps.orders.load(orderId))?.state.status === 'refunded' ? true : undefined), { what: 'the refund' });
    const [entry] = await feedEntries(url);
    assert.equal(entry?.status, 'CANCELLED');
    assert.equal(entry?.summary, 'Cancelled: Jazz night');
    assert.match(entry?.description ?? '', /cancelled/);
    assert.equal(entry?.sequence, 7);
  });

  it('an inventory copied before venues travelled still makes an entry, without LOCATION', async () => {
    const event = await publishWithVenue(inHours(30), null);
    const { buyer } = await paidOrder(ticketing, issuer, event, 1);
    const [entry] = await feedEntries(await makeFeed(buyer.token));
    assert.equal(entry?.uid, `${event.eventId}@eventonight`);
    assert.equal(entry?.location, null);
  });

  it('an erased member\'s feed is gone: its address answers 404 and nothing of it is left', async () => {
    const event = await publishWithVenue(inHours(30));
    const { buyer } = await paidOrder(ticketing, issuer, event, 1);
    const url = await makeFeed(buyer.token);
    upstream.publish(upstream.event('user.deleted', { userId: buyer.id }, buyer.id, 9));
    await waitFor(async () => ((await fetchFeed(url)).status === 404 ? true : undefined), { what: 'the feed gone' });
    const left = await ticketing.deps.calendarFeeds.countDocuments({ _id: buyer.id });
    assert.equal(left, 0);
    assert.equal(CALENDAR_FEEDS_COLLECTION, ticketing.deps.calendarFeeds.collectionName);
  });
});
