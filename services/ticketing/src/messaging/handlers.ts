import type { EventHandlers } from '@eventonight/platform';
import type { TicketingDeps } from '../application/deps.js';
import { closeSales, openSales, refundPaidOrders } from '../application/event-sales.js';

/**
 * `event.*` facts. Each handler is idempotent: opening is keyed by eventId (second arrival is a
 * no-op), closing is a guarded state change, and refunds are per-order guarded transitions.
 */
export function ticketingHandlers(deps: TicketingDeps): EventHandlers {
  return {
    'event.published': async (event, { log }) => {
      const { tiers, ...snapshot } = event.data;
      const outcome = await openSales(deps, { event: snapshot, aggregateVersion: event.aggregateVersion, tiers });
      log.debug({ outcome, eventId: snapshot.eventId }, 'event.published applied');
    },
    'event.cancelled': async (event, { log }) => {
      const { reason: _reason, ...snapshot } = event.data;
      await closeSales(deps, { event: snapshot, aggregateVersion: event.aggregateVersion, reason: 'cancelled' });
      const refunded = await refundPaidOrders(deps, snapshot.eventId);
      log.info({ eventId: snapshot.eventId, refunded }, 'event cancelled: sales closed, paid orders refunded');
    },
    'event.completed': async (event) => {
      await closeSales(deps, { event: event.data, aggregateVersion: event.aggregateVersion, reason: 'completed' });
    },
  };
}
