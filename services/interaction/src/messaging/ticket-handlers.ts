import type { EventHandlers } from '@eventonight/platform';
import type { InteractionDeps } from '../application/deps.js';
import { participateByTicket } from '../application/participations.js';

/**
 * A bought ticket means "going": the buyer becomes a participant, once per order. A purchase
 * naming an erased buyer (late, or replayed) writes nothing (ADR 0027).
 */
export function ticketHandlers(deps: InteractionDeps): EventHandlers {
  return {
    'ticketing.ticket.purchased': async (event, { log }) => {
      const { eventId, buyerId, organizerId, orderId } = event.data;
      if (await deps.ledger.isErased(buyerId)) {
        log.debug({ eventId, orderId }, 'purchase by an erased buyer ignored');
        return;
      }
      const outcome = await participateByTicket(deps, { eventId, buyerId, organizerId, orderId });
      log.debug({ eventId, buyerId, orderId, outcome }, 'participation from ticket purchase');
    },
  };
}
