import type { MailAttachment } from '../domain/mail.js';

/**
 * An iCalendar file (RFC 5545) with one event: what "Add to calendar" opens. Times are UTC
 * (the `Z` form), so every calendar shows them in its own zone. Lines are folded at 75 octets
 * and text values escaped as §3.3.11 says.
 */

export interface CalendarEntry {
  /** Globally unique and stable: the same event replaces itself in a calendar when sent again. */
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  description: string;
  url: string;
  /** Bumped when the entry changes (a rescheduled event), so calendars take the new one. */
  sequence: number;
  stampedAt: Date;
  /** CANCELLED removes it from calendars that imported it. */
  status: 'CONFIRMED' | 'CANCELLED';
}

function utc(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function escapeText(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll(';', '\\;').replaceAll(',', '\\,').replace(/\r?\n/g, '\\n');
}

/** Splits a content line into 75-octet pieces, never inside a UTF-8 character. */
function fold(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = pieces.length === 0 ? 75 : 74; // continuation lines start with a space
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

export function calendarFile(entry: CalendarEntry, method: 'PUBLISH' | 'CANCEL' = 'PUBLISH'): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//EventoNight//Tickets//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${entry.uid}`,
    `DTSTAMP:${utc(entry.stampedAt)}`,
    `DTSTART:${utc(entry.startsAt)}`,
    `DTEND:${utc(entry.endsAt)}`,
    `SEQUENCE:${entry.sequence}`,
    `STATUS:${entry.status}`,
    `SUMMARY:${escapeText(entry.title)}`,
    ...(entry.location === null ? [] : [`LOCATION:${escapeText(entry.location)}`]),
    `DESCRIPTION:${escapeText(entry.description)}`,
    `URL:${entry.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** The calendar file as a mail attachment ("Add to calendar"), its method in the content type as RFC 6047 asks. */
export function calendarAttachment(entry: CalendarEntry, method: 'PUBLISH' | 'CANCEL' = 'PUBLISH'): MailAttachment {
  return {
    filename: 'event.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    contentBase64: Buffer.from(calendarFile(entry, method)).toString('base64'),
    contentId: null,
  };
}
