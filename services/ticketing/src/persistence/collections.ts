import type { IndexDescription } from 'mongodb';

export const INVENTORIES_COLLECTION = 'inventories';
export const ORDERS_COLLECTION = 'orders';
export const TICKETS_COLLECTION = 'tickets';
/** Local copies of users (names of ticket holders), from user.* events. */
export const USERS_COLLECTION = 'users';

export const orderIndexes: IndexDescription[] = [
  { key: { buyerId: 1, createdAt: -1, _id: -1 }, name: 'buyer_created' },
  { key: { eventId: 1, status: 1 }, name: 'event_status' },
];

export const ticketIndexes: IndexDescription[] = [
  { key: { code: 1 }, name: 'code_unique', unique: true },
  { key: { holderId: 1, issuedAt: -1, _id: -1 }, name: 'holder_issued' },
  // The organizer's attendee list (newest first) and the per-tier check-in / refund counts.
  { key: { eventId: 1, issuedAt: -1, _id: -1 }, name: 'event_issued' },
  { key: { eventId: 1, tierId: 1, status: 1 }, name: 'event_tier_status' },
  { key: { eventId: 1, checkedInById: 1 }, name: 'event_checked_in_by' },
];
