import { calendarFile, linkSecretDigest, newLinkSecret, problems, type Principal } from '@eventonight/platform';
import { feedEntriesOf, type FeedEventCopy, type HeldTicket } from '../domain/calendar-feed.js';
import type { TicketState } from '../domain/ticket.js';
import type { TicketingDeps } from './deps.js';

/** The newest tickets a feed reads: a member's whole history on any real account, and a bound on one read. */
const FEED_TICKET_LIMIT = 1000;
/** Calendar apps are asked to fetch the feed again this often (most decide for themselves). */
const REFRESH_HOURS = 1;

/** The feed's public address: through the edge's `/api/ticketing/` prefix on the web app's origin. */
function feedUrl(deps: TicketingDeps, token: string): string {
  return `${deps.appUrl}/api/ticketing/calendar-feed/${token}.ics`;
}

export interface NewFeed {
  url: string;
  createdAt: Date;
}

/**
 * Makes the member's feed, or replaces it: a new token, and the previous address stops working at
 * once (one document per member, replaced in one write). The address is shown only now: only the
 * token's digest is kept.
 */
export async function createCalendarFeed(deps: TicketingDeps, principal: Principal): Promise<NewFeed> {
  const token = newLinkSecret();
  const createdAt = deps.clock();
  await deps.calendarFeeds.replaceOne({ _id: principal.userId }, { tokenDigest: linkSecretDigest(token), createdAt }, { upsert: true });
  return { url: feedUrl(deps, token), createdAt };
}

/** Whether the member has a feed, and since when (its address cannot be shown again). */
export async function calendarFeedOf(deps: TicketingDeps, principal: Principal): Promise<{ createdAt: Date } | null> {
  const found = await deps.calendarFeeds.findOne({ _id: principal.userId }, { projection: { createdAt: 1 } });
  return found === null ? null : { createdAt: found.createdAt };
}

/** Stops the member's feed; idempotent. */
export async function revokeCalendarFeed(deps: TicketingDeps, principal: Principal): Promise<void> {
  await deps.calendarFeeds.deleteOne({ _id: principal.userId });
}

const EVENT_COPY_FIELDS = { eventId: 1, title: 1, startsAt: 1, endsAt: 1, venue: 1, closedReason: 1, sourceVersion: 1, 'tiers.tierId': 1, 'tiers.name': 1 } as const;

/** How many event lookups one feed read keeps in flight. */
const LOOKUPS_IN_FLIGHT = 16;

/**
 * The events' copies, one lookup by id each: an equality every store serves from the primary key
 * (FerretDB reads a whole collection for `$in`, design §7), a few at a time.
 */
async function eventCopies(deps: TicketingDeps, eventIds: readonly string[]): Promise<Map<string, FeedEventCopy>> {
  const events = new Map<string, FeedEventCopy>();
  for (let start = 0; start < eventIds.length; start += LOOKUPS_IN_FLIGHT) {
    const batch = eventIds.slice(start, start + LOOKUPS_IN_FLIGHT);
    const found = await Promise.all(batch.map((eventId) => deps.inventories.collection.findOne({ _id: eventId }, { projection: EVENT_COPY_FIELDS })));
    for (const copy of found) if (copy !== null) events.set(copy.eventId, copy);
  }
  return events;
}

/**
 * The feed behind a token, as an iCalendar file. An unknown token (never made, replaced, revoked,
 * or its member erased) is 404, the same answer whichever it is.
 */
export async function calendarFeedFile(deps: TicketingDeps, token: string): Promise<string> {
  const feed = await deps.calendarFeeds.findOne({ tokenDigest: linkSecretDigest(token) }, { projection: { _id: 1 } });
  if (feed === null) throw problems.notFound('No calendar feed has this address (it may have been stopped or replaced).');
  const tickets = (await deps.tickets.collection
    .find({ holderId: feed._id }, { projection: { eventId: 1, tierId: 1, status: 1 } })
    .sort({ issuedAt: -1, _id: -1 })
    .limit(FEED_TICKET_LIMIT)
    .toArray()) as Array<Pick<TicketState, '_id'> & HeldTicket>;
  const events = await eventCopies(deps, [...new Set(tickets.map((ticket) => ticket.eventId))]);
  const entries = feedEntriesOf(tickets, events, {
    eventUrl: (eventId) => `${deps.appUrl}/events/${encodeURIComponent(eventId)}`,
    ticketsUrl: `${deps.appUrl}/tickets`,
  });
  return calendarFile({
    method: 'PUBLISH',
    stampedAt: deps.clock(),
    events: entries,
    feed: { name: 'EventoNight tickets', refreshEvery: { hours: REFRESH_HOURS } },
  });
}
