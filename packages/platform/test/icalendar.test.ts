import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { calendarContentType, calendarFile, escapeText, eventCalendarUid, foldLine, placeLine, type CalendarEvent } from '../src/calendar/icalendar.js';

/** The platform's one iCalendar writer (RFC 5545): every file it writes is read back with ical.js. */

const STAMP = new Date('2026-12-07T10:00:00.000Z');

function entry(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: eventCalendarUid('evt-1'),
    title: 'Jazz night',
    startsAt: new Date('2026-12-11T20:00:00.000Z'),
    endsAt: new Date('2026-12-11T23:00:00.000Z'),
    location: 'Blue Note, Via Roma 1, Bologna',
    description: 'Doors at 19:30.',
    url: 'https://app.example.test/events/evt-1',
    sequence: 3,
    status: 'CONFIRMED',
    ...overrides,
  };
}

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

function firstEvent(text: string): ICAL.Event {
  const vevent = parse(text).getFirstSubcomponent('vevent');
  assert.ok(vevent !== null, 'a VEVENT');
  return new ICAL.Event(vevent);
}

describe('iCalendar writer', () => {
  it('writes a VCALENDAR with one VEVENT per event that a parser reads back exactly', () => {
    const text = calendarFile({ method: 'PUBLISH', stampedAt: STAMP, events: [entry(), entry({ uid: 'evt-2@eventonight', title: 'Second', status: 'CANCELLED', location: null, url: null, geo: { lat: 44.4949, lng: 11.3426 } })] });
    const calendar = parse(text);
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(calendar.getFirstPropertyValue('prodid'), '-//EventoNight//Calendar//EN');
    const [first, second] = calendar.getAllSubcomponents('vevent');
    const event = new ICAL.Event(first);
    assert.equal(event.uid, 'evt-1@eventonight');
    assert.equal(event.summary, 'Jazz night');
    assert.equal(event.location, 'Blue Note, Via Roma 1, Bologna');
    assert.equal(event.description, 'Doors at 19:30.');
    assert.equal(event.sequence, 3);
    assert.equal(event.startDate.toJSDate().toISOString(), '2026-12-11T20:00:00.000Z');
    assert.equal(event.endDate.toJSDate().toISOString(), '2026-12-11T23:00:00.000Z');
    assert.equal(event.startDate.zone?.tzid, 'UTC', 'times are UTC');
    assert.equal(first?.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(first?.getFirstPropertyValue('url'), 'https://app.example.test/events/evt-1');
    assert.equal((first?.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(), STAMP.toISOString());
    assert.equal(second?.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(second?.getFirstPropertyValue('location'), null, 'no LOCATION when the place is unknown');
    assert.equal(second?.getFirstPropertyValue('url'), null);
    assert.deepEqual(second?.getFirstPropertyValue('geo'), [44.4949, 11.3426]);
  });

  it('ends every line with CRLF and folds long lines at 75 octets, never inside a character', () => {
    const long = `${'Ünïcödé — '.repeat(30)}🎷 end`;
    const text = calendarFile({ method: 'PUBLISH', stampedAt: STAMP, events: [entry({ title: long, description: long })] });
    assert.ok(text.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
    const lines = text.split('\r\n').slice(0, -1);
    assert.ok(lines.every((line) => Buffer.byteLength(line) <= 75), 'every physical line fits 75 octets');
    assert.ok(lines.some((line) => line.startsWith(' ')), 'long lines were folded');
    assert.ok(!text.includes('\uFFFD'));
    assert.equal(firstEvent(text).summary, long);
    assert.equal(foldLine('short'), 'short');
    assert.equal(foldLine('x'.repeat(76)), `${'x'.repeat(75)}\r\n x`);
  });

  it('escapes TEXT values: backslash, semicolon, comma and line breaks survive a round trip', () => {
    const tricky = 'A; B, C \\ D\nnext line\r\nand another';
    assert.equal(escapeText(tricky), 'A\\; B\\, C \\\\ D\\nnext line\\nand another');
    const parsed = firstEvent(calendarFile({ method: 'PUBLISH', stampedAt: STAMP, events: [entry({ title: tricky, location: tricky, description: tricky })] }));
    const expected = 'A; B, C \\ D\nnext line\nand another';
    assert.equal(parsed.summary, expected);
    assert.equal(parsed.location, expected);
    assert.equal(parsed.description, expected);
  });

  it('a feed names itself and asks to be fetched again; a withdrawal says CANCEL', () => {
    const text = calendarFile({ method: 'PUBLISH', stampedAt: STAMP, events: [], feed: { name: 'My, tickets', refreshEvery: { hours: 1 } } });
    // NAME is TEXT (RFC 7986); ical.js knows neither it nor X-WR-CALNAME, so it hands the raw, escaped value back.
    assert.ok(text.includes('\r\nNAME:My\\, tickets\r\n'));
    const feed = parse(text);
    assert.equal(feed.getFirstPropertyValue('x-wr-calname'), 'My\\, tickets');
    assert.equal(String(feed.getFirstPropertyValue('refresh-interval')), 'PT1H');
    assert.equal(feed.getAllSubcomponents('vevent').length, 0);
    assert.equal(parse(calendarFile({ method: 'CANCEL', stampedAt: STAMP, events: [entry()] })).getFirstPropertyValue('method'), 'CANCEL');
    assert.equal(calendarContentType('CANCEL'), 'text/calendar; charset=utf-8; method=CANCEL');
  });

  it('refuses a URL with a line break (it would start a property of its own)', () => {
    assert.throws(() => calendarFile({ method: 'PUBLISH', stampedAt: STAMP, events: [entry({ url: 'https://x.test/\r\nATTACH:evil' })] }), /control characters/);
  });

  it('a place is one line without its empty parts', () => {
    assert.equal(placeLine({ name: 'Blue Note', address: ' ', city: 'Bologna' }), 'Blue Note, Bologna');
    assert.equal(eventCalendarUid('e-1'), 'e-1@eventonight');
  });
});
