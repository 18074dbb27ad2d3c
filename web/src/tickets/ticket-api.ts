import { call } from '../api/client';
import type { paths as TicketingPaths } from '../api/generated/ticketing';
import { useApi } from '../app/context';
import { ApiError } from '../ui/problem';

export type Availability = TicketingPaths['/events/{eventId}/availability']['get']['responses'][200]['content']['application/json'];
export type OrderView = TicketingPaths['/orders/{orderId}']['get']['responses'][200]['content']['application/json'];
type TicketList = TicketingPaths['/tickets']['get']['responses'][200]['content']['application/json'];
export type TicketView = TicketList['items'][number];

/** Seats left per tier; null when the event sells no tickets (404). */
export async function availabilityOf(eventId: string): Promise<Availability | null> {
  try {
    return await call(useApi().ticketing.GET('/events/{eventId}/availability', { params: { path: { eventId } } }));
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 404) return null;
    throw error;
  }
}

/**
 * Checkout. The Idempotency-Key is chosen by the caller once per purchase attempt, so a
 * double click or a retry after a lost answer makes one order, never two.
 */
export function placeOrder(input: { eventId: string; tierId: string; quantity: number; idempotencyKey: string }) {
  return call(
    useApi().ticketing.POST('/orders', {
      params: { header: { 'idempotency-key': input.idempotencyKey } },
      body: { eventId: input.eventId, tierId: input.tierId, quantity: input.quantity },
    }),
  );
}

export function getOrder(orderId: string): Promise<OrderView> {
  return call(useApi().ticketing.GET('/orders/{orderId}', { params: { path: { orderId } } }));
}

export function listTickets(cursor: string | undefined): Promise<TicketList> {
  return call(useApi().ticketing.GET('/tickets', { params: { query: cursor === undefined ? { limit: 50 } : { cursor, limit: 50 } } }));
}

export type CalendarFeedStatus = TicketingPaths['/calendar-feed']['get']['responses'][200]['content']['application/json'];
export type NewCalendarFeed = TicketingPaths['/calendar-feed']['post']['responses'][201]['content']['application/json'];

/** Whether the member has a calendar feed (its address is shown only when made). */
export function calendarFeedStatus(): Promise<CalendarFeedStatus> {
  return call(useApi().ticketing.GET('/calendar-feed'));
}

/** A new feed address; any previous one stops working. */
export function makeCalendarFeed(): Promise<NewCalendarFeed> {
  return call(useApi().ticketing.POST('/calendar-feed'));
}

export async function stopCalendarFeed(): Promise<void> {
  await call(useApi().ticketing.DELETE('/calendar-feed'));
}
