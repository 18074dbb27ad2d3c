import { problemOf, problemSubtype, type Principal } from '@eventonight/platform';
import type { InventoryState, RefundPolicy } from '../domain/inventory.js';
import type { OrderState } from '../domain/order.js';
import { decideReturnSeats } from '../domain/waiting-list.js';
import type { TicketingDeps } from './deps.js';
import { changeInventory } from './inventory-commands.js';
import { withOffers } from './offers.js';
import { readOwnOrder } from './read-order.js';
import { refundOrder } from './settle-order.js';

export const MEMBER_REFUND = 'member-request';
const DAY_MS = 86_400_000;

export const notRefundable = problemSubtype('conflict', 'not-refundable', 'This order cannot be refunded');

export const refundProblems = {
  noPolicy: () => problemOf(notRefundable, 'The organizer of this event does not refund tickets.', { extensions: { reason: 'no-refunds' } }),
  windowClosed: (until: Date) =>
    problemOf(notRefundable, `Refunds for this event were possible until ${until.toISOString()} (UTC); that time has passed.`, {
      extensions: { reason: 'window-closed', refundableUntil: until.toISOString() },
    }),
  notPaid: (status: string) =>
    problemOf(notRefundable, `Only a paid order can be refunded; this one is ${status.replace('_', ' ')}.`, { extensions: { reason: 'not-paid' } }),
  transferred: () =>
    problemOf(notRefundable, 'A ticket of this order was given to someone else, so the order can no longer be refunded.', {
      extensions: { reason: 'transferred' },
    }),
  used: () => problemOf(notRefundable, 'A ticket of this order was already used at the door.', { extensions: { reason: 'used' } }),
  unavailable: () => problemOf(notRefundable, 'The refund could not be made automatically; the organizer has been told.', { extensions: { reason: 'failed' } }),
};

/** Until when a member may ask (null: never). */
export function refundableUntil(policy: RefundPolicy | null | undefined, startsAt: Date): Date | null {
  if (policy === undefined || policy === null) return null;
  return new Date(startsAt.getTime() - policy.daysBefore * DAY_MS);
}

/**
 * A member's refund of their own paid order, within the event's refund policy: Stripe refund
 * (idempotency key from the order), tickets invalidated (the door refuses their codes at once),
 * then the seats go back to the tier, served to its waiting list first. Asking again after a
 * crash finishes what is left; asking again after it is done answers the refunded order.
 */
export async function requestRefund(deps: TicketingDeps, principal: Principal, orderId: string): Promise<OrderState> {
  const order = await readOwnOrder(deps, principal, orderId);
  if (order.status === 'refunded' || order.status === 'refund_pending') {
    if (order.refundReason !== MEMBER_REFUND) throw refundProblems.notPaid(order.status);
    if (order.status === 'refund_pending') await refundOrder(deps, orderId, MEMBER_REFUND);
    await returnSeats(deps, order);
    return (await deps.orders.load(orderId))?.state ?? order;
  }
  if (order.status !== 'paid') throw refundProblems.notPaid(order.status);
  const inventory = await deps.inventories.load(order.eventId);
  const until = inventory === null ? null : refundableUntil(inventory.state.refundPolicy, inventory.state.startsAt);
  if (until === null) throw refundProblems.noPolicy();
  if (deps.clock().getTime() > until.getTime()) throw refundProblems.windowClosed(until);
  const tickets = await deps.tickets.collection.find({ orderId }, { projection: { holderId: 1, status: 1 } }).toArray();
  if (tickets.some((ticket) => ticket.holderId !== order.buyerId)) throw refundProblems.transferred();
  if (tickets.some((ticket) => ticket.status === 'used')) throw refundProblems.used();
  const refunded = await refundOrder(deps, orderId, MEMBER_REFUND);
  const after = (await deps.orders.load(orderId))?.state ?? order;
  if (!refunded && after.status !== 'refunded') throw refundProblems.unavailable();
  await returnSeats(deps, after);
  return after;
}

/** The refunded order's seats back in the tier (once per order), offered to the waiting list in the same write. */
async function returnSeats(deps: TicketingDeps, order: OrderState): Promise<void> {
  const now = deps.clock();
  await changeInventory(deps, order.eventId, (state: InventoryState) => {
    const next = decideReturnSeats(state, { tierId: order.tierId, orderId: order._id, quantity: order.quantity });
    if (next === null) return { result: false, tiers: null };
    return { result: true, ...withOffers(state, next.tiers, now, deps.offerTtlMs) };
  });
}
