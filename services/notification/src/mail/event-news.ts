import type { EventData } from '@eventonight/contracts';
import type { RenderedMail } from '../domain/mail.js';
import { eventCalendarUid, placeLine } from '@eventonight/platform';
import { calendarAttachment } from './ics.js';
import { dateTime } from './format.js';
import { settingsUrl, type MailLinks, type MailReader } from './links.js';
import { button, facts, footerHtml, footerText, heading, layout, paragraph, type MailFooter } from './layout.js';

interface NewsContext {
  reader: MailReader;
  links: MailLinks;
  now: Date;
  /** The event aggregate's version: the calendar entry's SEQUENCE, so a later change replaces an earlier one. */
  version: number;
}

/** News of an event the reader is going to: optional mail, so it says how to stop it. */
function footer(eventUrl: string, reader: MailReader, links: MailLinks): MailFooter {
  return {
    reason: 'You receive this because you are going to this event on EventoNight.',
    links: [
      ['Event page', eventUrl],
      ...(reader.stop === null ? [] : [['Stop these emails', reader.stop.pageUrl] as const]),
      ['Choose which mails you get', settingsUrl(links)],
    ],
  };
}

/** A published event got a new time and/or place: the new facts first, what changed after. */
export function renderEventChange(event: EventData<'event.updated'>, context: NewsContext): RenderedMail {
  const { reader, links } = context;
  const { format } = reader;
  const eventUrl = `${links.appUrl}/events/${encodeURIComponent(event.eventId)}`;
  const end = footer(eventUrl, reader, links);
  const when = dateTime(event.startsAt, format);
  const place = event.relocated === undefined ? null : placeLine(event.relocated.current);
  const changes: Array<readonly [string, string]> = [];
  if (event.rescheduled !== undefined) changes.push(['When', `${when} (was ${dateTime(event.rescheduled.previousStartsAt, format)})`]);
  if (event.relocated !== undefined && place !== null) changes.push(['Where', `${place} (was ${event.relocated.previous.name})`]);
  const what = event.rescheduled !== undefined && event.relocated !== undefined ? 'a new time and place' : event.rescheduled !== undefined ? 'a new time' : 'a new place';
  const location = place ?? (event.venue === undefined ? null : placeLine(event.venue));
  const calendar = calendarAttachment(
    {
      uid: eventCalendarUid(event.eventId),
      title: event.title,
      startsAt: new Date(event.startsAt),
      endsAt: new Date(event.endsAt),
      location,
      description: `${event.title} has ${what}. ${eventUrl}`,
      url: eventUrl,
      sequence: context.version,
      status: 'CONFIRMED',
    },
    { stampedAt: context.now },
  );
  const html = layout({
    title: `${event.title} has ${what}`,
    preheader: changes.map(([label, value]) => `${label}: ${value}`).join(' · '),
    body:
      heading(`${event.title} has ${what}`) +
      paragraph('The organizer changed the event you are going to. Your tickets stay valid for the new date and place; the door lets them in from 6 hours before the new start.') +
      facts(changes) +
      button('See the event', eventUrl) +
      paragraph('The attached calendar file updates the entry in your calendar.', { muted: true }),
    footer: footerHtml(end),
  });
  const text = [
    `${event.title} has ${what}`,
    '',
    'The organizer changed the event you are going to. Your tickets stay valid for the new date and place; the door lets them in from 6 hours before the new start.',
    '',
    ...changes.map(([label, value]) => `${label}: ${value}`),
    '',
    `The event: ${eventUrl}`,
    ...footerText(end),
  ].join('\n');
  return { subject: `${event.title} has ${what}: ${when}`, text, html, attachments: [calendar] };
}

/** A published event was cancelled: the reason, and that paid tickets are refunded without asking. */
export function renderEventCancelled(event: EventData<'event.cancelled'>, context: NewsContext): RenderedMail {
  const { reader, links } = context;
  const { format } = reader;
  const eventUrl = `${links.appUrl}/events/${encodeURIComponent(event.eventId)}`;
  const end = footer(eventUrl, reader, links);
  const when = dateTime(event.startsAt, format);
  const reason = event.reason ?? 'The organizer gave no reason.';
  const calendar = calendarAttachment(
    {
      uid: eventCalendarUid(event.eventId),
      title: event.title,
      startsAt: new Date(event.startsAt),
      endsAt: new Date(event.endsAt),
      location: event.venue === undefined ? null : placeLine(event.venue),
      description: `${event.title} was cancelled. ${reason}`,
      url: eventUrl,
      sequence: context.version,
      status: 'CANCELLED',
    },
    { method: 'CANCEL', stampedAt: context.now },
  );
  const html = layout({
    title: `${event.title} was cancelled`,
    preheader: `${when}: cancelled. Paid tickets are refunded.`,
    body:
      heading(`${event.title} was cancelled`) +
      paragraph(`The event planned for ${when} will not take place.`) +
      facts([['Reason', reason]]) +
      paragraph('If you paid for tickets, the money goes back to the card you paid with, without you asking; a separate mail confirms the refund.') +
      button('See the event', eventUrl),
    footer: footerHtml(end),
  });
  const text = [
    `${event.title} was cancelled`,
    '',
    `The event planned for ${when} will not take place.`,
    `Reason: ${reason}`,
    '',
    'If you paid for tickets, the money goes back to the card you paid with, without you asking; a separate mail confirms the refund.',
    '',
    `The event: ${eventUrl}`,
    ...footerText(end),
  ].join('\n');
  return { subject: `Cancelled: ${event.title} (${when})`, text, html, attachments: [calendar] };
}

/** What a reminder says: the event as the schedule copy knows it. */
export interface ReminderFacts {
  eventId: string;
  title: string;
  startsAt: string;
  endsAt: string;
}

/** The day before: when it starts, that the tickets are in the app, and when the door opens. */
export function renderEventReminder(event: ReminderFacts, context: { reader: MailReader; links: MailLinks }): RenderedMail {
  const { reader, links } = context;
  const { format } = reader;
  const eventUrl = `${links.appUrl}/events/${encodeURIComponent(event.eventId)}`;
  const ticketsUrl = `${links.appUrl}/tickets`;
  const end = footer(eventUrl, reader, links);
  const when = dateTime(event.startsAt, format);
  const doors = dateTime(new Date(Date.parse(event.startsAt) - 6 * 3_600_000), format);
  const html = layout({
    title: `Tomorrow: ${event.title}`,
    preheader: `${event.title} starts ${when}. Your tickets are in the app.`,
    body:
      heading(`${event.title} is tomorrow`) +
      paragraph('A reminder for the event you are going to. Keep your tickets at hand: each QR code lets one person in.') +
      facts([
        ['Starts', when],
        ['Doors open from', doors],
      ]) +
      button('Open my tickets', ticketsUrl) +
      paragraph('Plans changed? The event page has the latest time and place.', { muted: true }),
    footer: footerHtml(end),
  });
  const text = [
    `${event.title} is tomorrow`,
    '',
    'A reminder for the event you are going to. Keep your tickets at hand: each QR code lets one person in.',
    '',
    `Starts:         ${when}`,
    `Doors open from: ${doors}`,
    '',
    `Your tickets: ${ticketsUrl}`,
    `The event: ${eventUrl}`,
    ...footerText(end),
  ].join('\n');
  return { subject: `Tomorrow: ${event.title}, ${when}`, text, html, attachments: [] };
}
