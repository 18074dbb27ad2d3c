import {
  claimOf,
  decideHold,
  findTier,
  decideRelease,
  decideSell,
  type HoldDecision,
  type InventoryState,
  offerOf,
  salesOpen,
  type SellDecision,
  type Tier,
  type TierOffer,
} from '../domain/inventory.js';
import type { PendingEvent } from '@eventonight/platform';
import type { TicketingDeps } from './deps.js';
import { withOffers } from './offers.js';

/** One decision on the event's inventory, saved by the group commit (one guarded write per batch). */
export function changeInventory<R>(
  deps: TicketingDeps,
  eventId: string,
  decide: (state: InventoryState) => { result: R; tiers: Tier[] | null; events?: PendingEvent[] },
): Promise<R | 'no-inventory'> {
  return deps.inventoryWrites.submit(eventId, decide);
}

/** A hold's decision, with facts read from the very inventory state it was made on. */
export interface HoldAnswer {
  decision: HoldDecision;
  /** The tier's price and organizer (undefined: no such tier). */
  offer: TierOffer | undefined;
  /** When the order's claim was first placed (undefined: it holds no seats). */
  heldSince: Date | undefined;
  /** Sales open in that state (an earlier claim is `already` whether or not they still are). */
  onSale: boolean;
}

export function placeHold(
  deps: TicketingDeps,
  input: { eventId: string; tierId: string; orderId: string; quantity: number; expiresAt: Date },
): Promise<HoldAnswer | 'no-inventory'> {
  const now = deps.clock();
  return changeInventory(deps, input.eventId, (state) => {
    const decision = decideHold(state, { ...input, now });
    const tier = findTier(state, input.tierId);
    const existing = tier === undefined ? undefined : claimOf(tier, input.orderId);
    const heldSince = decision.kind === 'placed' ? now : decision.kind === 'already' ? existing?.createdAt : undefined;
    const result: HoldAnswer = { decision, offer: offerOf(state, input.tierId), heldSince, onSale: salesOpen(state, now) };
    return { result, tiers: decision.kind === 'placed' ? decision.tiers : null };
  });
}

export function sellClaim(
  deps: TicketingDeps,
  input: { eventId: string; tierId: string; orderId: string; quantity: number },
): Promise<SellDecision | 'no-inventory'> {
  const now = deps.clock();
  return changeInventory(deps, input.eventId, (state) => {
    const decision = decideSell(state, { ...input, now });
    return { result: decision, tiers: decision.kind === 'sold' ? decision.tiers : null };
  });
}

export async function releaseClaim(deps: TicketingDeps, input: { eventId: string; tierId: string; orderId: string }): Promise<boolean> {
  const released = await changeInventory(deps, input.eventId, (state) => {
    const tiers = decideRelease(state, input);
    if (tiers === null) return { result: false, tiers: null };
    // The seats freed go to the first in line, in this same write (ADR 0039).
    return { result: true, ...withOffers(state, tiers, deps.clock(), deps.offerTtlMs) };
  });
  return released === true;
}
