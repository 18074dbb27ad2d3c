import type { EventHandlers } from '@eventonight/platform';
import type { TicketingDeps } from '../application/deps.js';
import { closeSales, followEventTime, openSales, refundPaidOrders } from '../application/event-sales.js';

/**
 * `event.*` facts. Each handler is idempotent: opening is keyed by eventId (second arrival is a
 * no-op), a time change applies only when newer than the copy, closing is a guarded state change,
 * and refunds are per-order guarded transitions.
 */
export function ticketingHandlers(deps: TicketingDeps): EventHandlers {
  return {
    'event.published': async (event, { log }) => {
      const { tiers, ...snapshot } = event.data;
      const outcome = await openSales(deps, { event: snapshot, aggregateVersion: event.aggregateVersion, tiers });
      log.debug({ outcome, eventId: snapshot.eventId }, 'event.published applied');
    },
    'event.updated': async (event, { log }) => {
      const { rescheduled, relocated: _relocated, ...snapshot } = event.data;
      const outcome = await followEventTime(deps, { event: snapshot, aggregateVersion: event.aggregateVersion });
      if (outcome === 'moved' && rescheduled !== undefined) {
        log.info({ eventId: snapshot.eventId, startsAt: snapshot.startsAt, previousStartsAt: rescheduled.previousStartsAt }, 'event rescheduled: sales window and door follow');
      }
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
