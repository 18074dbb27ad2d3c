/**
 * iCalendar (RFC 5545) for the platform's calendar files: one event's "Add to calendar", a
 * member's subscribed feed and the mails' attachments all come from this writer. Times are UTC
 * (the `Z` form), so every calendar shows them in its own zone; lines end in CRLF and are folded at
 * 75 octets; TEXT values are escaped as §3.3.11 says. No I/O.
 */

/** Where an event takes place, as the contracts carry it (event service's venue). */
export interface CalendarPlace {
  name: string;
  address: string;
  city: string;
}

export interface CalendarEvent {
  /** Globally unique and stable: the same event replaces itself in a calendar when sent again. */
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** One line a person reads ("Blue Note, Via Roma 1, Bologna"); null when unknown. */
  location: string | null;
  /** Latitude and longitude of the place (GEO), when known. */
  geo?: { lat: number; lng: number } | null;
  description: string;
  /** The event's page; null when there is none to link. */
  url: string | null;
  /** Bumped when the entry changes (a rescheduled event), so calendars take the new one. */
  sequence: number;
  /** CANCELLED marks it called off in calendars that imported it. */
  status: 'CONFIRMED' | 'CANCELLED';
}

export type CalendarMethod = 'PUBLISH' | 'CANCEL';

export interface CalendarFile {
  /** RFC 5546 method: PUBLISH for a file to import or subscribe to, CANCEL to withdraw an entry. */
  method: CalendarMethod;
  /** When the file was made (every VEVENT's DTSTAMP). */
  stampedAt: Date;
  events: readonly CalendarEvent[];
  /** A subscribed calendar's name and how often a client should fetch it again (RFC 7986). */
  feed?: { name: string; refreshEvery: { hours: number } };
}

const PRODID = '-//EventoNight//Calendar//EN';

/** An event's UID in every calendar file of the platform: the same event replaces itself wherever it came from. */
export function eventCalendarUid(eventId: string): string {
  return `${eventId}@eventonight`;
}

/** DATE-TIME in UTC, `20261211T200000Z` (§3.3.5, form #2). */
function utc(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT (§3.3.11): backslash, semicolon and comma escaped, every line break as `\n`. */
export function escapeText(value: string): string {
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A URI value carries no line break or control character (a configured origin could hold one by mistake). */
function uri(value: string): string {
  if ([...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) throw new Error('a calendar URL must not contain control characters');
  return value;
}

/** Splits a content line into pieces of at most 75 octets (§3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = pieces.length === 0 ? 75 : 74; // a continuation line starts with a space
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** "Name, address, city" without the parts that are empty. */
export function placeLine(place: CalendarPlace): string {
  return [place.name, place.address, place.city].map((part) => part.trim()).filter((part) => part !== '').join(', ');
}

function eventLines(event: CalendarEvent, stampedAt: Date): string[] {
  const geo = event.geo ?? null;
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utc(stampedAt)}`,
    `DTSTART:${utc(event.startsAt)}`,
    `DTEND:${utc(event.endsAt)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
    `STATUS:${event.status}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.location === null || event.location === '' ? [] : [`LOCATION:${escapeText(event.location)}`]),
    ...(geo === null ? [] : [`GEO:${geo.lat};${geo.lng}`]),
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.url === null ? [] : [`URL:${uri(event.url)}`]),
    'END:VEVENT',
  ];
}

/** The whole file: VCALENDAR with one VEVENT per event, CRLF line ends, folded. */
export function calendarFile(file: CalendarFile): string {
  const feed = file.feed;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${file.method}`,
    ...(feed === undefined
      ? []
      : [
          `NAME:${escapeText(feed.name)}`,
          // The older spelling many clients still read for a subscription's name and refresh.
          `X-WR-CALNAME:${escapeText(feed.name)}`,
          `REFRESH-INTERVAL;VALUE=DURATION:PT${feed.refreshEvery.hours}H`,
          `X-PUBLISHED-TTL:PT${feed.refreshEvery.hours}H`,
        ]),
    ...file.events.flatMap((event) => eventLines(event, file.stampedAt)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** The media type of a calendar file, naming its method as RFC 6047 asks of mail. */
export function calendarContentType(method: CalendarMethod): string {
  return `text/calendar; charset=utf-8; method=${method}`;
}
