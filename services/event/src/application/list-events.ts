import type { Principal } from '@eventonight/platform';
import type { EventCategory, EventStatus } from '../domain/event.js';
import { cityKeyOf } from '../domain/event.js';
import type { EventCursor } from '../persistence/cursor.js';
import type { EventPage } from '../persistence/event-reads.js';
import type { EventAppDeps } from './deps.js';

export interface PageRequest {
  after?: EventCursor;
  limit: number;
}

export interface PublicEventFilter {
  from?: Date;
  to?: Date;
  category?: EventCategory;
  city?: string;
  organizerId?: string;
  q?: string;
}

/** The public catalogue: published events only. */
export function listPublishedEvents(deps: EventAppDeps, filter: PublicEventFilter, page: PageRequest): Promise<EventPage> {
  const { city, ...rest } = filter;
  return deps.reads.list({ ...rest, status: 'published', ...(city === undefined ? {} : { cityKey: cityKeyOf(city) }) }, page);
}

/** A deleted organization's still-valid token reads nothing of its own (401 account-deleted); before any cache. */
export function refuseErasedOrganizer(deps: EventAppDeps, principal: Principal): Promise<void> {
  return deps.ledger.refuseErased(principal.userId);
}

/** An organization's own events, drafts included. */
export function listMyEvents(
  deps: EventAppDeps,
  principal: Principal,
  status: EventStatus | undefined,
  page: PageRequest,
): Promise<EventPage> {
  return deps.reads.list({ organizerId: principal.userId, ...(status === undefined ? {} : { status }) }, page);
}
