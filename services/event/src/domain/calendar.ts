import { eventCalendarUid, placeLine, type CalendarEvent } from '@eventonight/platform';
import type { EventState } from './event.js';

/**
 * One event as a calendar entry ("Add to calendar" on its page). The UID is the event's, as in
 * the mails and the ticket feed, so the entry is one wherever it came from; SEQUENCE is the
 * event's version, which grows with every change, so a calendar importing the file again after a
 * reschedule replaces the entry rather than keeping the old time.
 */
export function calendarEntryOf(state: EventState, version: number, eventUrl: string): CalendarEvent {
  const cancelled = state.status === 'cancelled';
  const reason = state.cancellationReason === null ? '' : ` ${state.cancellationReason}`;
  return {
    uid: eventCalendarUid(state._id),
    title: cancelled ? `Cancelled: ${state.title}` : state.title,
    startsAt: state.startsAt,
    endsAt: state.endsAt,
    location: placeLine(state.venue),
    geo: state.venue.location,
    description: cancelled ? `This event was cancelled.${reason}\n\n${state.description}` : state.description,
    url: eventUrl,
    sequence: version,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
  };
}
