import { calendarFile, type Principal } from '@eventonight/platform';
import { calendarEntryOf } from '../domain/calendar.js';
import type { EventAppDeps } from './deps.js';
import { getEvent } from './get-event.js';

export interface EventCalendarFile {
  ics: string;
  /** A draft's file is its organizer's alone: never kept by a shared cache. */
  shared: boolean;
}

/** "Add to calendar": the event as an iCalendar file, read under the same rules as the event itself. */
export async function eventCalendar(deps: EventAppDeps, principal: Principal | undefined, eventId: string): Promise<EventCalendarFile> {
  const found = await getEvent(deps, principal, eventId);
  const eventUrl = `${deps.appUrl}/events/${encodeURIComponent(found.state._id)}`;
  const entry = calendarEntryOf(found.state, found.version, eventUrl);
  return {
    ics: calendarFile({ method: 'PUBLISH', stampedAt: deps.clock(), events: [entry] }),
    shared: found.state.status !== 'draft',
  };
}
