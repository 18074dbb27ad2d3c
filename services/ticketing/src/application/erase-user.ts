import { forgetExportParts } from '@eventonight/platform';
import type { OrderState } from '../domain/order.js';
import type { TicketingDeps } from './deps.js';
import { expireOrder } from './settle-order.js';
import { leaveAllWaitingLists } from './waiting-list.js';

export interface ErasureReport {
  /** Open orders (seats held, not paid) closed, their seats back on sale. */
  released: number;
}

/**
 * `user.deleted` (ADR 0027). Recorded in the ledger FIRST, so a late event or a still-valid token
 * is refused from then on, and a crash midway leaves a recorded erasure that the redelivery
 * completes; every step is idempotent. Ticketing then forgets the person — the copy of their
 * name, their calendar feed, the exports they asked for — and closes their open orders, so the
 * seats go back.
 *
 * Orders and tickets stay: they are accounting records (and a ticket stays valid, ADR 0027),
 * holding only the pseudonymous buyer/holder id — never a name or an email (Stripe events are
 * stored reduced to their ids, `minimalStripePayload`).
 */
export async function eraseUser(deps: TicketingDeps, userId: string): Promise<ErasureReport> {
  await deps.ledger.record(userId, deps.clock());
  await deps.users.collection.deleteOne({ _id: userId });
  await deps.calendarFeeds.deleteOne({ _id: userId });
  await forgetExportParts(deps.exportParts.collection, userId);
  // Door staff places (their address and name) go; check-ins they made keep the id, not the name (ADR 0038).
  await deps.doorStaff.collection.deleteMany({ memberId: userId });
  await deps.tickets.collection.updateMany({ checkedInById: userId }, { $set: { checkedInByName: null } });
  // Their places in line go too (ADR 0039); an offer they held passes to the next.
  await leaveAllWaitingLists(deps, userId);
  return { released: await closeOpenOrders(deps, userId) };
}

/**
 * Each unpaid order of the buyer: its Stripe session expired first (so it can no longer be paid;
 * best effort: a payment that still lands is refunded, `completeOrder`), then the seats released
 * and the order expired, as the sweeper would. A claim left by a crash before its order existed
 * is the sweeper's, as always.
 */
async function closeOpenOrders(deps: TicketingDeps, buyerId: string): Promise<number> {
  const open = (await deps.orders.collection
    .find({ buyerId, status: { $in: ['pending', 'awaiting_payment'] } }, { projection: { _id: 1, stripeSessionId: 1 } })
    .toArray()) as Array<Pick<OrderState, '_id' | 'stripeSessionId'>>;
  let released = 0;
  for (const order of open) {
    if (order.stripeSessionId !== null && order.stripeSessionId !== '') {
      try {
        await deps.payments.expireCheckoutSession(order.stripeSessionId);
      } catch (error) {
        deps.logger.warn({ err: error, orderId: order._id }, 'could not expire the checkout session of an erased buyer; a late payment is refunded');
      }
    }
    if (await expireOrder(deps, order._id)) released += 1;
  }
  return released;
}

/** Tombstones kept before erasure existed (`deleted: true` copies): erased now, at start. Idempotent. */
export async function eraseTombstonedUsers(deps: TicketingDeps): Promise<number> {
  const tombstones = await deps.users.collection.find({ deleted: true }, { projection: { _id: 1 } }).toArray();
  for (const tombstone of tombstones) await eraseUser(deps, tombstone._id);
  return tombstones.length;
}
