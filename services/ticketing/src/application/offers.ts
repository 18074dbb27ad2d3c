import type { PendingEvent } from '@eventonight/platform';
import type { InventoryState, Tier } from '../domain/inventory.js';
import { promoteAll, type OfferMade } from '../domain/waiting-list.js';

/**
 * After a decision that may free seats (release, refund, capacity, leave): the waiting lists are
 * served in the same write, and each offer raises `ticketing.waitlist.offered` in that write's outbox.
 */
export function withOffers(
  state: InventoryState,
  tiers: Tier[],
  now: Date,
  offerTtlMs: number,
): { tiers: Tier[]; events: PendingEvent[] } {
  const next = { ...state, tiers };
  const promoted = promoteAll(next, now, offerTtlMs);
  return { tiers: promoted.tiers ?? tiers, events: promoted.offers.map((offer) => offerEvent(state, offer)) };
}

export function offerEvent(state: InventoryState, offer: OfferMade): PendingEvent {
  return {
    type: 'ticketing.waitlist.offered',
    data: {
      eventId: state.eventId,
      tierId: offer.tierId,
      userId: offer.entry.userId,
      entryId: offer.entry.entryId,
      quantity: offer.entry.quantity,
      expiresAt: (offer.entry.offerExpiresAt ?? new Date(0)).toISOString(),
      eventTitle: state.title,
      tierName: offer.tierName,
    },
  };
}
