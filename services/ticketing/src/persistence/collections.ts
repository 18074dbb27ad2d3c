import type { IndexDescription } from 'mongodb';

export const INVENTORIES_COLLECTION = 'inventories';
export const ORDERS_COLLECTION = 'orders';
export const TICKETS_COLLECTION = 'tickets';

export const orderIndexes: IndexDescription[] = [
  { key: { buyerId: 1, createdAt: -1, _id: -1 }, name: 'buyer_created' },
  { key: { eventId: 1, status: 1 }, name: 'event_status' },
];

export const ticketIndexes: IndexDescription[] = [
  { key: { code: 1 }, name: 'code_unique', unique: true },
  { key: { holderId: 1, issuedAt: -1, _id: -1 }, name: 'holder_issued' },
];
