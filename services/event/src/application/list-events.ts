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
export async function listPublishedEvents(deps: EventAppDeps, filter: PublicEventFilter, page: PageRequest): Promise<EventPage> {
  const { city, ...rest } = filter;
  const found = await deps.reads.list({ ...rest, status: 'published', ...(city === undefined ? {} : { cityKey: cityKeyOf(city) }) }, page);
  // Events a moderator hid leave the catalogue (the page may be shorter; the cursor stays right: ADR 0041).
  const hidden = await deps.safety.hiddenAmong('event', found.items.map((item) => item.state._id));
  return hidden.size === 0 ? found : { ...found, items: found.items.filter((item) => !hidden.has(item.state._id)) };
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
