import {
  decideHold,
  decideRelease,
  decideSell,
  type HoldDecision,
  type InventoryState,
  type SellDecision,
  type Tier,
} from '../domain/inventory.js';
import type { TicketingDeps } from './deps.js';

/** One decision on the event's inventory, saved by the group commit (one guarded write per batch). */
function changeInventory<R>(
  deps: TicketingDeps,
  eventId: string,
  decide: (state: InventoryState) => { result: R; tiers: Tier[] | null },
): Promise<R | 'no-inventory'> {
  return deps.inventoryWrites.submit(eventId, decide);
}

export function placeHold(
  deps: TicketingDeps,
  input: { eventId: string; tierId: string; orderId: string; quantity: number; expiresAt: Date },
): Promise<HoldDecision | 'no-inventory'> {
  const now = deps.clock();
  return changeInventory(deps, input.eventId, (state) => {
    const decision = decideHold(state, { ...input, now });
    return { result: decision, tiers: decision.kind === 'placed' ? decision.tiers : null };
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
    return { result: tiers !== null, tiers };
  });
  return released === true;
}
