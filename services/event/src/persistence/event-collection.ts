import type { IndexDescription } from 'mongodb';

export const EVENTS_COLLECTION = 'events';

/**
 * One index per query shape, equality fields first, then the (startsAt, _id) sort:
 * public catalogue (+ category / city / organizer), an organizer's own list, the completion sweep.
 */
export const eventIndexes: IndexDescription[] = [
  { key: { status: 1, startsAt: 1, _id: 1 }, name: 'status_startsAt' },
  { key: { status: 1, category: 1, startsAt: 1, _id: 1 }, name: 'status_category_startsAt' },
  { key: { status: 1, cityKey: 1, startsAt: 1, _id: 1 }, name: 'status_city_startsAt' },
  { key: { organizerId: 1, status: 1, startsAt: 1, _id: 1 }, name: 'organizer_status_startsAt' },
  { key: { organizerId: 1, startsAt: 1, _id: 1 }, name: 'organizer_startsAt' },
  { key: { status: 1, endsAt: 1 }, name: 'status_endsAt' },
];

/** Reads never return outbox bookkeeping. */
export const withoutOutbox = { outbox: 0, outboxPending: 0, outboxTicket: 0 } as const;
