import { orderIdFor } from './order.js';
import { availableOf, claimOf, findTier, salesOpen, type Claim, type InventoryState, type Tier, type WaitEntry } from './inventory.js';

/**
 * Waiting lists, capacity changes and returned seats (ADR 0039). The waiting list lives in its tier,
 * inside the inventory document, so "who is first", "how many seats are free" and "who holds them"
 * are decided by the same version-guarded write: an offer is a held claim placed in the same write
 * that frees the seat, and nobody else can take it in between. No I/O here.
 */

/** The Idempotency-Key a member's checkout uses to take an offer: it derives the offer's order id. */
export function offerKeyOf(eventId: string, entryId: string): string {
  return `waitlist:${eventId}:${entryId}`;
}

export function waitingOf(tier: Tier): WaitEntry[] {
  return tier.waiting ?? [];
}

export function entryOf(tier: Tier, userId: string): WaitEntry | undefined {
  return waitingOf(tier).find((entry) => entry.userId === userId);
}

/** 1-based place among those still waiting; 0 for an entry holding an offer. */
export function positionOf(tier: Tier, entryId: string): number {
  const waiting = waitingOf(tier).filter((entry) => entry.state === 'waiting');
  const index = waiting.findIndex((entry) => entry.entryId === entryId);
  return index < 0 ? 0 : index + 1;
}

/** An offer made by a decision: the event the outbox carries to the member. */
export interface OfferMade {
  tierId: string;
  tierName: string;
  entry: WaitEntry;
}

/**
 * Settles the tier's waiting list on its current seats:
 *  - an offer whose claim is sold (taken) or released/gone (lapsed) leaves the list;
 *  - then, while sales are open and the FIRST waiting entry fits in the free seats, it gets a held
 *    claim (expiring after `offerTtlMs`) and becomes `offered`. The first entry that does not fit
 *    stops the walk: nobody behind it is served first.
 */
export function promoteWaiting(state: InventoryState, tier: Tier, now: Date, offerTtlMs: number): { tier: Tier; offers: OfferMade[] } {
  const entries = waitingOf(tier);
  if (entries.length === 0) return { tier, offers: [] };
  let claims: Claim[] = tier.claims;
  const kept = entries.filter((entry) => entry.state === 'waiting' || claimOf(tier, entry.orderId)?.state === 'held');
  let current: Tier = { ...tier, waiting: kept };
  const offers: OfferMade[] = [];
  const open = salesOpen(state, now) && tier.salesClosed !== true;
  if (open) {
    const next: WaitEntry[] = [];
    let blocked = false;
    for (const entry of kept) {
      if (entry.state !== 'waiting' || blocked) {
        next.push(entry);
        continue;
      }
      if (availableOf({ ...current, claims }) < entry.quantity) {
        blocked = true;
        next.push(entry);
        continue;
      }
      const expiresAt = new Date(now.getTime() + offerTtlMs);
      const claim: Claim = { orderId: entry.orderId, quantity: entry.quantity, state: 'held', createdAt: now, expiresAt, offer: true };
      claims = [...claims.filter((c) => c.orderId !== entry.orderId), claim];
      const offered: WaitEntry = { ...entry, state: 'offered', offerExpiresAt: expiresAt };
      next.push(offered);
      offers.push({ tierId: tier.tierId, tierName: tier.name, entry: offered });
    }
    current = { ...current, claims, waiting: next };
  }
  return { tier: current, offers };
}

/** Runs promoteWaiting on every tier; `tiers` null when nothing changed. */
export function promoteAll(state: InventoryState, now: Date, offerTtlMs: number): { tiers: Tier[] | null; offers: OfferMade[] } {
  let changed = false;
  const offers: OfferMade[] = [];
  const tiers = state.tiers.map((tier) => {
    const promoted = promoteWaiting(state, tier, now, offerTtlMs);
    if (promoted.tier !== tier && JSON.stringify(promoted.tier.waiting) !== JSON.stringify(tier.waiting ?? [])) changed = true;
    offers.push(...promoted.offers);
    return promoted.tier;
  });
  return { tiers: changed ? tiers : null, offers };
}

function replaceTier(state: InventoryState, tier: Tier): InventoryState {
  return { ...state, tiers: state.tiers.map((t) => (t.tierId === tier.tierId ? tier : t)) };
}

export type JoinDecision =
  | { kind: 'joined'; state: InventoryState; entry: WaitEntry }
  | { kind: 'already'; entry: WaitEntry }
  | { kind: 'unknown-tier' }
  | { kind: 'not-on-sale' }
  | { kind: 'seats-available'; available: number };

/** A member joins the end of the line, only when the tier cannot sell them their seats now. */
export function decideJoin(state: InventoryState, input: { tierId: string; userId: string; quantity: number; now: Date }): JoinDecision {
  const tier = findTier(state, input.tierId);
  if (tier === undefined) return { kind: 'unknown-tier' };
  const existing = entryOf(tier, input.userId);
  if (existing !== undefined) return { kind: 'already', entry: existing };
  if (!salesOpen(state, input.now) || tier.salesClosed === true) return { kind: 'not-on-sale' };
  const available = availableOf(tier);
  const someoneWaits = waitingOf(tier).some((entry) => entry.state === 'waiting');
  if (!someoneWaits && available >= input.quantity) return { kind: 'seats-available', available };
  const seq = (tier.waitSeq ?? 0) + 1;
  const entryId = `wl_${tier.tierId}_${seq}`;
  const entry: WaitEntry = {
    entryId,
    userId: input.userId,
    quantity: input.quantity,
    joinedAt: input.now,
    state: 'waiting',
    orderId: orderIdFor(input.userId, offerKeyOf(state.eventId, entryId)),
    offerExpiresAt: null,
  };
  return { kind: 'joined', state: replaceTier(state, { ...tier, waitSeq: seq, waiting: [...waitingOf(tier), entry] }), entry };
}

/** Leaves the line; an open offer's seats go back (to the next in line). Null: not in line. */
export function decideLeave(state: InventoryState, input: { tierId: string; userId: string }): InventoryState | null {
  const tier = findTier(state, input.tierId);
  const entry = tier === undefined ? undefined : entryOf(tier, input.userId);
  if (tier === undefined || entry === undefined) return null;
  const claims = tier.claims.map((c) => (c.orderId === entry.orderId && c.state === 'held' ? { ...c, state: 'released' as const } : c));
  return replaceTier(state, { ...tier, claims, waiting: waitingOf(tier).filter((e) => e.entryId !== entry.entryId) });
}

export type TierChangeDecision =
  | { kind: 'changed'; state: InventoryState; tier: Tier; added: boolean }
  | { kind: 'unchanged'; tier: Tier }
  | { kind: 'unknown-tier' }
  | { kind: 'below-sold'; minimum: number }
  | { kind: 'event-closed' };

export interface TierChange {
  tierId: string;
  capacity?: number | undefined;
  salesClosed?: boolean | undefined;
}

/**
 * Raises or lowers a tier's capacity, or closes/reopens its sales. Lowering below what is sold and
 * held is refused: the check runs on the same state the write is guarded by, so a checkout racing
 * it either got its seats first (and counts) or comes after (and sees the new capacity).
 */
export function decideTierChange(state: InventoryState, change: TierChange): TierChangeDecision {
  if (state.status === 'closed') return { kind: 'event-closed' };
  const tier = findTier(state, change.tierId);
  if (tier === undefined) return { kind: 'unknown-tier' };
  const capacity = change.capacity ?? tier.capacity;
  const salesClosed = change.salesClosed ?? tier.salesClosed === true;
  const minimum = tier.capacity - availableOf(tier);
  if (capacity < minimum) return { kind: 'below-sold', minimum };
  if (capacity === tier.capacity && salesClosed === (tier.salesClosed === true)) return { kind: 'unchanged', tier };
  const next: Tier = { ...tier, capacity, salesClosed };
  return { kind: 'changed', state: replaceTier(state, next), tier: next, added: false };
}

/** A new tier after publication; the same name twice is the same tier (a retried request adds nothing). */
export function decideAddTier(
  state: InventoryState,
  input: { tierId: string; name: string; priceMinor: number; currency: string; capacity: number },
): TierChangeDecision {
  if (state.status === 'closed') return { kind: 'event-closed' };
  const same = state.tiers.find((tier) => tier.name === input.name);
  if (same !== undefined) return { kind: 'unchanged', tier: same };
  const tier: Tier = { tierId: input.tierId, name: input.name, priceMinor: input.priceMinor, currency: input.currency, capacity: input.capacity, sold: 0, claims: [] };
  return { kind: 'changed', state: { ...state, tiers: [...state.tiers, tier] }, tier, added: true };
}

/** A member's refunded order gives its sold seats back, once (the tier remembers the order). */
export function decideReturnSeats(state: InventoryState, input: { tierId: string; orderId: string; quantity: number }): InventoryState | null {
  const tier = findTier(state, input.tierId);
  if (tier === undefined || (tier.returned ?? []).includes(input.orderId)) return null;
  const claims = tier.claims.filter((c) => c.orderId !== input.orderId);
  return replaceTier(state, {
    ...tier,
    sold: Math.max(0, tier.sold - input.quantity),
    claims,
    returned: [...(tier.returned ?? []), input.orderId],
  });
}
