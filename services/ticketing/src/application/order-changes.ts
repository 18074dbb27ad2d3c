import { retryOnVersionConflict, type PendingEvent } from '@eventonight/platform';
import type { OrderState } from '../domain/order.js';
import type { TicketingDeps } from './deps.js';

export interface OrderChange {
  changes: Partial<Omit<OrderState, '_id'>>;
  events: PendingEvent[];
}

/**
 * Load → decide → one version-guarded write of an order. `decide` returns null when the
 * order is already past the transition (a replay), which changes nothing.
 */
export async function changeOrder(
  deps: TicketingDeps,
  orderId: string,
  decide: (order: OrderState) => OrderChange | null,
): Promise<OrderState | null> {
  return retryOnVersionConflict(10, async () => {
    const loaded = await deps.orders.load(orderId);
    if (loaded === null) return null;
    const change = decide(loaded.state);
    if (change === null) return loaded.state;
    const changes = { ...change.changes, updatedAt: deps.clock() };
    await deps.orders.update(orderId, loaded.version, changes, change.events);
    return { ...loaded.state, ...changes };
  });
}

export function orderFacts(order: OrderState) {
  return {
    orderId: order._id,
    eventId: order.eventId,
    tierId: order.tierId,
    buyerId: order.buyerId,
    quantity: order.quantity,
  };
}

export function totalOf(order: OrderState) {
  return { amountMinor: order.totalMinor, currency: order.currency };
}
