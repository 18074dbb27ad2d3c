import { eventCalendarUid, placeLine, type CalendarEvent } from '@eventonight/platform';
import type { InventoryState } from './inventory.js';
import type { TicketStatus } from './ticket.js';

/**
 * A member's private calendar feed: one entry per event they hold tickets for. The feed's address
 * carries a token (the only credential a calendar app can send); only its digest is stored, so a
 * leaked database does not hand out anyone's feed.
 */

/** A ticket as the feed sees it. */
export interface HeldTicket {
  eventId: string;
  tierId: string;
  status: TicketStatus;
}

/** The event as ticketing copied it. */
export type FeedEventCopy = Pick<InventoryState, 'eventId' | 'title' | 'startsAt' | 'endsAt' | 'venue' | 'closedReason' | 'sourceVersion' | 'tiers'>;

export interface FeedLinks {
  /** The event's page in the web app. */
  eventUrl(eventId: string): string;
  /** The member's tickets in the web app (the QR codes). */
  ticketsUrl: string;
}

function plural(count: number): string {
  return `${count} ticket${count === 1 ? '' : 's'}`;
}

/** "2 × Standard, 1 × VIP" from the tickets of one event. */
function tiersLine(tickets: readonly HeldTicket[], event: FeedEventCopy): string {
  const counts = new Map<string, number>();
  for (const ticket of tickets) counts.set(ticket.tierId, (counts.get(ticket.tierId) ?? 0) + 1);
  return [...counts]
    .map(([tierId, count]) => `${count} × ${event.tiers.find((tier) => tier.tierId === tierId)?.name ?? 'ticket'}`)
    .join(', ');
}

/**
 * The feed's entries, earliest first. An event is in it while the member holds a ticket that gets
 * someone in (valid, or already used at the door); a refunded order's tickets are invalidated and
 * leave it. A cancelled event stays, as STATUS:CANCELLED, for everyone who held tickets to it (its
 * refund invalidated them), so calendars show it called off rather than silently gone.
 */
export function feedEntriesOf(tickets: readonly HeldTicket[], events: ReadonlyMap<string, FeedEventCopy>, links: FeedLinks): CalendarEvent[] {
  const byEvent = new Map<string, HeldTicket[]>();
  for (const ticket of tickets) byEvent.set(ticket.eventId, [...(byEvent.get(ticket.eventId) ?? []), ticket]);
  const entries: CalendarEvent[] = [];
  for (const [eventId, held] of byEvent) {
    const event = events.get(eventId);
    if (event === undefined) continue;
    const cancelled = event.closedReason === 'cancelled';
    const admitting = held.filter((ticket) => ticket.status !== 'invalidated');
    if (!cancelled && admitting.length === 0) continue;
    const description = cancelled
      ? `This event was cancelled. Your ${plural(held.length)} (${tiersLine(held, event)}) ${held.length === 1 ? 'is' : 'are'} refunded if you paid.`
      : `Your ${plural(admitting.length)}: ${tiersLine(admitting, event)}. Show the QR codes at the door: ${links.ticketsUrl}`;
    entries.push({
      uid: eventCalendarUid(eventId),
      title: cancelled ? `Cancelled: ${event.title}` : event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      location: event.venue === undefined || event.venue === null ? null : placeLine(event.venue),
      description,
      url: links.eventUrl(eventId),
      sequence: event.sourceVersion,
      status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    });
  }
  return entries.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.uid.localeCompare(b.uid));
}
