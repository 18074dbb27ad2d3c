import { call } from '../api/client';
import type { paths as EventPaths } from '../api/generated/event';
import type { paths as TicketingPaths } from '../api/generated/ticketing';
import { useApi } from '../app/context';
import type { EventView } from '../events/event-api';
import type { CursorPage } from '../ui/cursor-pager';

export type EventStatus = EventView['status'];
export type CreateEventBody = EventPaths['/events']['post']['requestBody']['content']['application/json'];
export type UpdateEventBody = NonNullable<EventPaths['/events/{eventId}']['patch']['requestBody']>['content']['application/json'];
export type EventSales = TicketingPaths['/events/{eventId}/sales']['get']['responses'][200]['content']['application/json'];
export type TierSales = EventSales['tiers'][number];
type AttendeeList = TicketingPaths['/events/{eventId}/attendees']['get']['responses'][200]['content']['application/json'];
export type Attendee = AttendeeList['items'][number];

/** The organization's own events of one status (drafts included), newest first. */
export function myEvents(status: EventStatus, cursor: string | undefined): Promise<CursorPage<EventView>> {
  const query = { status, limit: 50, ...(cursor === undefined ? {} : { cursor }) };
  return call(useApi().event.GET('/organizers/me/events', { params: { query } }));
}

/** Every event of one status (bounded: 20 pages of 50). */
export async function allMyEvents(status: EventStatus): Promise<EventView[]> {
  const all: EventView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const next = await myEvents(status, cursor);
    all.push(...next.items);
    if (next.nextCursor === null) break;
    cursor = next.nextCursor;
  }
  return all;
}

export function createEvent(body: CreateEventBody): Promise<EventView> {
  return call(useApi().event.POST('/events', { body }));
}

/** `If-Match` with the version the person saw: a change made meanwhile elsewhere answers 409, never lost. */
function ifMatch(version: number) {
  return { 'if-match': `"${version}"` };
}

export function updateEvent(eventId: string, version: number, body: UpdateEventBody): Promise<EventView> {
  return call(useApi().event.PATCH('/events/{eventId}', { params: { path: { eventId }, header: ifMatch(version) }, body }));
}

export function publishEvent(eventId: string, version: number): Promise<EventView> {
  return call(useApi().event.POST('/events/{eventId}/publish', { params: { path: { eventId }, header: ifMatch(version) } }));
}

export function cancelEvent(eventId: string, version: number, reason: string): Promise<EventView> {
  return call(useApi().event.POST('/events/{eventId}/cancel', { params: { path: { eventId }, header: ifMatch(version) }, body: { reason } }));
}

/** Sales per tier (the organizer only); 404 while the event sells nothing (a draft). */
export function salesOf(eventId: string): Promise<EventSales> {
  return call(useApi().ticketing.GET('/events/{eventId}/sales', { params: { path: { eventId } } }));
}

export function attendeesPage(eventId: string, cursor: string | undefined): Promise<AttendeeList> {
  const query = cursor === undefined ? { limit: 200 } : { cursor, limit: 200 };
  return call(useApi().ticketing.GET('/events/{eventId}/attendees', { params: { path: { eventId }, query } }));
}

/** Every attendee of the event, page after page (the CSV needs them all). */
export async function allAttendees(eventId: string): Promise<Attendee[]> {
  const all: Attendee[] = [];
  let cursor: string | undefined;
  do {
    const page = await attendeesPage(eventId, cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return all;
}
