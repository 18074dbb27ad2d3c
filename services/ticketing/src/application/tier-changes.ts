import { randomUUID } from 'node:crypto';
import { problemOf, problemSubtype, problems, retryOnVersionConflict, type PendingEvent, type Principal } from '@eventonight/platform';
import type { InventoryState, RefundPolicy, Tier } from '../domain/inventory.js';
import { decideAddTier, decideTierChange, type TierChange, type TierChangeDecision } from '../domain/waiting-list.js';
import type { TicketingDeps } from './deps.js';
import { changeInventory } from './inventory-commands.js';
import { withOffers } from './offers.js';
import { ticketingProblems } from './problems.js';

export const belowSold = problemSubtype('conflict', 'capacity-below-sold', 'Capacity below the seats already taken');
export const salesEnded = problemSubtype('conflict', 'sales-ended', 'Sales of this event have ended');

export const tierProblems = {
  belowSold: (minimum: number) =>
    problemOf(belowSold, `This tier already has ${minimum} seat(s) sold or being bought: its capacity cannot go below ${minimum}.`, {
      extensions: { minimum },
    }),
  salesEnded: () => problemOf(salesEnded, 'This event is cancelled or over: its tiers can no longer change.'),
};

/** Only the event's organizer changes its tiers (anyone else: 403; unknown event: 404). */
async function organizersEvent(deps: TicketingDeps, principal: Principal, eventId: string): Promise<InventoryState> {
  const loaded = await deps.inventories.load(eventId);
  if (loaded === null) throw ticketingProblems.eventNotFound();
  if (loaded.state.organizerId !== principal.userId) throw problems.forbidden('Only the event organizer changes its tickets.');
  return loaded.state;
}

export interface TierView {
  tierId: string;
  name: string;
  priceMinor: number;
  currency: string;
  capacity: number;
  salesClosed: boolean;
}

function viewOf(tier: Tier): TierView {
  return {
    tierId: tier.tierId,
    name: tier.name,
    priceMinor: tier.priceMinor,
    currency: tier.currency,
    capacity: tier.capacity,
    salesClosed: tier.salesClosed === true,
  };
}

function tierChanged(eventId: string, tier: Tier, added: boolean): PendingEvent {
  return {
    type: 'ticketing.tier.changed',
    data: {
      eventId,
      tierId: tier.tierId,
      name: tier.name,
      capacity: tier.capacity,
      salesClosed: tier.salesClosed === true,
      added,
      priceMinor: tier.priceMinor,
      currency: tier.currency,
    },
  };
}

/**
 * One tier change, decided in the inventory's guarded write (the group commit that also decides
 * every hold): "sold + held ≤ capacity" is checked on the very state the write replaces, so a
 * checkout racing it can never oversell. Seats added go to the waiting list in the same write.
 */
async function applyChange(
  deps: TicketingDeps,
  eventId: string,
  decide: (state: InventoryState) => TierChangeDecision,
): Promise<{ view: TierView; changed: boolean }> {
  const now = deps.clock();
  const answer = await changeInventory<TierChangeDecision>(deps, eventId, (state) => {
    const decision = decide(state);
    if (decision.kind !== 'changed') return { result: decision, tiers: null };
    const settled = withOffers(decision.state, decision.state.tiers, now, deps.offerTtlMs);
    return { result: decision, tiers: settled.tiers, events: [tierChanged(eventId, decision.tier, decision.added), ...settled.events] };
  });
  if (answer === 'no-inventory') throw ticketingProblems.eventNotFound();
  switch (answer.kind) {
    case 'unknown-tier':
      throw ticketingProblems.tierNotFound();
    case 'below-sold':
      throw tierProblems.belowSold(answer.minimum);
    case 'event-closed':
      throw tierProblems.salesEnded();
    case 'unchanged':
      return { view: viewOf(answer.tier), changed: false };
    case 'changed':
      return { view: viewOf(answer.tier), changed: true };
  }
}

export async function changeTier(deps: TicketingDeps, principal: Principal, eventId: string, change: TierChange): Promise<TierView> {
  await organizersEvent(deps, principal, eventId);
  return (await applyChange(deps, eventId, (state) => decideTierChange(state, change))).view;
}

export async function addTier(
  deps: TicketingDeps,
  principal: Principal,
  eventId: string,
  input: { name: string; priceMinor: number; currency: string; capacity: number },
): Promise<{ view: TierView; created: boolean }> {
  await organizersEvent(deps, principal, eventId);
  const tierId = randomUUID();
  const { view, changed } = await applyChange(deps, eventId, (state) => decideAddTier(state, { ...input, name: input.name.trim(), tierId }));
  return { view, created: changed };
}

export async function setRefundPolicy(deps: TicketingDeps, principal: Principal, eventId: string, policy: RefundPolicy | null): Promise<RefundPolicy | null> {
  await organizersEvent(deps, principal, eventId);
  return deps.inventoryQueue.run(eventId, () =>
    retryOnVersionConflict(20, async () => {
      const loaded = await deps.inventories.load(eventId);
      if (loaded === null) throw ticketingProblems.eventNotFound();
      if (JSON.stringify(loaded.state.refundPolicy ?? null) === JSON.stringify(policy)) return policy;
      await deps.inventories.update(eventId, loaded.version, { refundPolicy: policy }, []);
      return policy;
    }),
  );
}
