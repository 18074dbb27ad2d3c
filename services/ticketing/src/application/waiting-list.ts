import { problemOf, problemSubtype, problems, type Principal } from '@eventonight/platform';
import { claimOf, findTier, type InventoryState, type WaitEntry } from '../domain/inventory.js';
import { decideJoin, decideLeave, entryOf, offerKeyOf, positionOf, type JoinDecision } from '../domain/waiting-list.js';
import { checkout, type CheckoutOutcome } from './checkout.js';
import type { TicketingDeps } from './deps.js';
import { changeInventory } from './inventory-commands.js';
import { withOffers } from './offers.js';
import { ticketingProblems } from './problems.js';

export const seatsAvailable = problemSubtype('conflict', 'seats-available', 'Tickets are still available');
export const noOffer = problemSubtype('conflict', 'no-offer', 'No offer to take');

export const waitingListProblems = {
  seatsAvailable: (available: number) =>
    problemOf(seatsAvailable, 'Tickets of this tier are still on sale: buy them instead of joining the waiting list.', { extensions: { available } }),
  noOffer: () => problemOf(noOffer, 'You have no open offer for this tier: it expired or was already taken.'),
  notInLine: () => problems.notFound('You are not on the waiting list of this tier.'),
};

export interface WaitingView {
  eventId: string;
  tierId: string;
  entryId: string;
  quantity: number;
  /** waiting: in line (position ≥ 1); offered: seats are held for you until offerExpiresAt; taken: the offer was bought. */
  state: 'waiting' | 'offered' | 'taken';
  position: number;
  joinedAt: string;
  offerExpiresAt: string | null;
}

function viewOf(state: InventoryState, tierId: string, entry: WaitEntry): WaitingView {
  const tier = findTier(state, tierId);
  const claim = tier === undefined ? undefined : claimOf(tier, entry.orderId);
  const taken = entry.state === 'offered' && claim?.state === 'sold';
  return {
    eventId: state.eventId,
    tierId,
    entryId: entry.entryId,
    quantity: entry.quantity,
    state: taken ? 'taken' : entry.state,
    position: tier === undefined ? 0 : positionOf(tier, entry.entryId),
    joinedAt: entry.joinedAt.toISOString(),
    offerExpiresAt: entry.offerExpiresAt?.toISOString() ?? null,
  };
}

/** Join the line of a sold-out tier (idempotent: a second join answers the same entry). */
export async function joinWaitingList(
  deps: TicketingDeps,
  principal: Principal,
  input: { eventId: string; tierId: string; quantity: number },
): Promise<{ created: boolean; view: WaitingView }> {
  const now = deps.clock();
  const answer = await changeInventory<{ decision: JoinDecision; view: WaitingView | null }>(deps, input.eventId, (state) => {
    const decision = decideJoin(state, { ...input, userId: principal.userId, now });
    if (decision.kind !== 'joined') return { result: { decision, view: null }, tiers: null };
    // Seats may be free but promised to others ahead: serving the line in the same write keeps it exact.
    const settled = withOffers(decision.state, decision.state.tiers, now, deps.offerTtlMs);
    const after = { ...decision.state, tiers: settled.tiers };
    const tier = findTier(after, input.tierId);
    const entry = (tier === undefined ? undefined : entryOf(tier, principal.userId)) ?? decision.entry;
    return { result: { decision, view: viewOf(after, input.tierId, entry) }, tiers: settled.tiers, events: settled.events };
  });
  if (answer === 'no-inventory') throw ticketingProblems.eventNotFound();
  const { decision, view } = answer;
  switch (decision.kind) {
    case 'unknown-tier':
      throw ticketingProblems.tierNotFound();
    case 'not-on-sale':
      throw ticketingProblems.notOnSale();
    case 'seats-available':
      throw waitingListProblems.seatsAvailable(decision.available);
    case 'already':
      return { created: false, view: await ownView(deps, principal, input.eventId, input.tierId) };
    case 'joined':
      if (view === null) throw new Error('joined without a view');
      return { created: true, view };
  }
}

/** The member's own entry (404 when not in line). */
export async function ownView(deps: TicketingDeps, principal: Principal, eventId: string, tierId: string): Promise<WaitingView> {
  const loaded = await deps.inventories.load(eventId);
  if (loaded === null) throw ticketingProblems.eventNotFound();
  const tier = findTier(loaded.state, tierId);
  if (tier === undefined) throw ticketingProblems.tierNotFound();
  const entry = entryOf(tier, principal.userId);
  if (entry === undefined) throw waitingListProblems.notInLine();
  return viewOf(loaded.state, tierId, entry);
}

/** Leave the line; an open offer's seats pass to the next in line. Idempotent (204 either way). */
export async function leaveWaitingList(deps: TicketingDeps, principal: Principal, input: { eventId: string; tierId: string }): Promise<void> {
  const now = deps.clock();
  const answer = await changeInventory(deps, input.eventId, (state) => {
    const next = decideLeave(state, { ...input, userId: principal.userId });
    if (next === null) return { result: false, tiers: null };
    return { result: true, ...withOffers(state, next.tiers, now, deps.offerTtlMs) };
  });
  if (answer === 'no-inventory') throw ticketingProblems.eventNotFound();
}

/**
 * Take the offer: a checkout whose Idempotency-Key is the offer's, so its order id is the one the
 * seats are held under (the hold answers `already`); a lapsed offer's claim is never taken again.
 */
export async function takeOffer(deps: TicketingDeps, principal: Principal, input: { eventId: string; tierId: string }): Promise<CheckoutOutcome> {
  const view = await ownView(deps, principal, input.eventId, input.tierId).catch(() => null);
  if (view === null || view.state === 'waiting') throw waitingListProblems.noOffer();
  return checkout(deps, principal, {
    eventId: input.eventId,
    tierId: input.tierId,
    quantity: view.quantity,
    idempotencyKey: offerKeyOf(input.eventId, view.entryId),
  });
}

/**
 * An erased member (ADR 0027) leaves every waiting list; an offer they held passes on. The scan
 * reads every inventory, as the sweeper does; erasures are rare.
 */
export async function leaveAllWaitingLists(deps: TicketingDeps, userId: string): Promise<number> {
  let left = 0;
  const inventories = deps.inventories.collection.find({}, { projection: { _id: 1, tiers: 1 } });
  for await (const inventory of inventories) {
    const state = inventory as unknown as Pick<InventoryState, '_id' | 'tiers'>;
    for (const tier of state.tiers) {
      if (!(tier.waiting ?? []).some((entry) => entry.userId === userId)) continue;
      await leaveWaitingList(deps, { userId } as Principal, { eventId: state._id, tierId: tier.tierId });
      left += 1;
    }
  }
  return left;
}
