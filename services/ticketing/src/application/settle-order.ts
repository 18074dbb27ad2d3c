import { AggregateAlreadyExistsError, retryOnVersionConflict } from '@eventonight/platform';
import { ticketIdsFor, type OrderState } from '../domain/order.js';
import { newTicketCode } from '../domain/ticket.js';
import type { TicketingDeps } from './deps.js';
import { releaseClaim, sellClaim } from './inventory-commands.js';
import { changeOrder, orderFacts, totalOf } from './order-changes.js';

/**
 * Saga steps driven by Stripe events and the sweeper. Each step is safe to run again after a
 * crash at any point: the inventory claim records what was done to seats, the order records
 * what was done to the order, and every write is guarded.
 */

export type CompletionOutcome = 'paid' | 'refunded' | 'ignored';

export async function completeOrder(
  deps: TicketingDeps,
  input: { orderId: string; sessionId: string; paymentIntentId: string | null },
): Promise<CompletionOutcome> {
  const loaded = await deps.orders.load(input.orderId);
  if (loaded === null) {
    deps.logger.warn({ orderId: input.orderId }, 'payment for an unknown order; ignored');
    return 'ignored';
  }
  let order = loaded.state;
  if (order.status === 'paid' || order.status === 'refunded') return 'ignored';
  if (order.stripeSessionId !== null && order.stripeSessionId !== input.sessionId) {
    deps.logger.warn({ orderId: order._id }, 'payment for another session of this order; ignored');
    return 'ignored';
  }
  if (order.status === 'refund_pending') return (await refundOrder(deps, order._id, order.refundReason ?? 'no-seats')) ? 'refunded' : 'ignored';

  if (input.paymentIntentId !== null && order.paymentIntentId === null) {
    order = (await changeOrder(deps, order._id, (current) =>
      current.paymentIntentId === null ? { changes: { paymentIntentId: input.paymentIntentId }, events: [] } : null,
    )) ?? order;
  }

  // The buyer's account was erased (ADR 0027): their open order was closed then, and a payment
  // that still arrives is refunded, never turned into tickets for an erased person.
  if (await deps.ledger.isErased(order.buyerId)) {
    await expireOrder(deps, order._id);
    return refundUnsold(deps, order, 'account-deleted');
  }

  const sale = await sellClaim(deps, { eventId: order.eventId, tierId: order.tierId, orderId: order._id, quantity: order.quantity });
  if (sale !== 'no-inventory' && (sale.kind === 'sold' || sale.kind === 'already')) {
    await issueTickets(deps, order);
    const ticketIds = ticketIdsFor(order._id, order.quantity);
    const confirmation = await confirmationOf(deps, order, ticketIds);
    await changeOrder(deps, order._id, (current) =>
      current.status === 'paid'
        ? null
        : {
            changes: { status: 'paid', ticketIds },
            events: [
              {
                type: 'ticketing.ticket.purchased',
                data: { ...orderFacts(current), organizerId: current.organizerId, ticketIds, total: totalOf(current) },
              },
              { type: 'ticketing.order.confirmed', data: { ...orderFacts(current), ...confirmation, total: totalOf(current) } },
            ],
          },
    );
    return 'paid';
  }
  // Paid but no seat can be given (expired and resold, or the event was cancelled): refund.
  return refundUnsold(deps, order, sale !== 'no-inventory' && sale.kind === 'cancelled' ? 'event-cancelled' : 'no-seats');
}

/** A payment that buys no seats: the order goes refund_pending with its reason, then is refunded. */
async function refundUnsold(deps: TicketingDeps, order: OrderState, reason: string): Promise<CompletionOutcome> {
  await changeOrder(deps, order._id, (current) =>
    current.status === 'paid' || current.status === 'refunded' || current.status === 'refund_pending'
      ? null
      : { changes: { status: 'refund_pending', refundReason: reason }, events: [] },
  );
  return (await refundOrder(deps, order._id, reason)) ? 'refunded' : 'ignored';
}

/** What the buyer's confirmation mail needs besides the order: the event as sold, and each door code. */
async function confirmationOf(deps: TicketingDeps, order: OrderState, ticketIds: readonly string[]) {
  const inventory = await deps.inventories.load(order.eventId);
  if (inventory === null) throw new Error(`order ${order._id} was sold from an inventory that is gone`);
  const issued = await deps.tickets.collection.find({ _id: { $in: [...ticketIds] } }, { projection: { code: 1 } }).toArray();
  const codes = new Map(issued.map((ticket) => [ticket._id, ticket.code]));
  return {
    eventTitle: inventory.state.title,
    startsAt: inventory.state.startsAt.toISOString(),
    endsAt: inventory.state.endsAt.toISOString(),
    tierName: inventory.state.tiers.find((tier) => tier.tierId === order.tierId)?.name ?? '',
    ...(inventory.state.venue === undefined || inventory.state.venue === null ? {} : { venue: inventory.state.venue }),
    eventVersion: inventory.state.sourceVersion,
    tickets: ticketIds.map((ticketId) => {
      const code = codes.get(ticketId);
      if (code === undefined) throw new Error(`ticket ${ticketId} was issued but cannot be read back`);
      return { ticketId, code };
    }),
  };
}

/** One ticket per seat; ids derive from the order, so a second run inserts nothing new. */
async function issueTickets(deps: TicketingDeps, order: OrderState): Promise<void> {
  const issuedAt = deps.clock();
  for (const ticketId of ticketIdsFor(order._id, order.quantity)) {
    try {
      await deps.tickets.create(
        {
          _id: ticketId,
          orderId: order._id,
          eventId: order.eventId,
          tierId: order.tierId,
          holderId: order.buyerId,
          code: newTicketCode(),
          status: 'valid',
          issuedAt,
          usedAt: null,
        },
        [],
      );
    } catch (error) {
      if (!(error instanceof AggregateAlreadyExistsError)) throw error;
    }
  }
}

/** Session expired or never created: release the seats, then close the order. */
export async function expireOrder(deps: TicketingDeps, orderId: string): Promise<boolean> {
  const loaded = await deps.orders.load(orderId);
  if (loaded === null) return false;
  const order = loaded.state;
  if (order.status !== 'pending' && order.status !== 'awaiting_payment') return false;
  await releaseClaim(deps, { eventId: order.eventId, tierId: order.tierId, orderId });
  // True only for the call whose write made the transition (concurrent sweeps count once).
  let transitioned = false;
  await changeOrder(deps, orderId, (current) => {
    transitioned = current.status === 'pending' || current.status === 'awaiting_payment';
    return transitioned ? { changes: { status: 'expired' }, events: [{ type: 'ticketing.order.expired', data: orderFacts(current) }] } : null;
  });
  return transitioned;
}

/**
 * Refunds a paid order through the provider (idempotency key from the order id, so a retry
 * never refunds twice), invalidates its tickets, then records it. Returns true once refunded.
 */
export async function refundOrder(deps: TicketingDeps, orderId: string, reason: string): Promise<boolean> {
  const marked = await changeOrder(deps, orderId, (current) =>
    current.status === 'paid' ? { changes: { status: 'refund_pending', refundReason: reason }, events: [] } : null,
  );
  if (marked === null || marked.status !== 'refund_pending') return false;
  if (marked.totalMinor === 0) return closeRefund(deps, marked, null);
  if (marked.paymentIntentId === null) {
    deps.logger.error({ orderId }, 'paid order without a payment intent: cannot refund automatically');
    return false;
  }
  const { refundId } = await deps.payments.refund({ orderId, paymentIntentId: marked.paymentIntentId, amountMinor: marked.totalMinor });
  return closeRefund(deps, marked, refundId);
}

/** Tickets invalidated, then the order refunded (a free order: no provider refund, `refundId` null). */
async function closeRefund(deps: TicketingDeps, marked: OrderState, refundId: string | null): Promise<boolean> {
  await invalidateTickets(deps, marked);
  let transitioned = false;
  await changeOrder(deps, marked._id, (current) => {
    transitioned = current.status === 'refund_pending';
    return transitioned
      ? {
          changes: { status: 'refunded', refundId },
          events: [{ type: 'ticketing.order.refunded', data: { ...orderFacts(current), organizerId: current.organizerId, refunded: totalOf(current) } }],
        }
      : null;
  });
  return transitioned;
}

async function invalidateTickets(deps: TicketingDeps, order: OrderState): Promise<void> {
  for (const ticketId of ticketIdsFor(order._id, order.quantity)) {
    await retryOnVersionConflict(10, async () => {
      const ticket = await deps.tickets.load(ticketId);
      if (ticket === null || ticket.state.status === 'invalidated') return;
      await deps.tickets.update(ticketId, ticket.version, { status: 'invalidated' }, []);
    });
  }
}
