/**
 * The ticket inventory of one event: every tier's capacity, sales and in-flight seat claims in
 * ONE document, so "sold + held ≤ capacity" is checked by the same version-guarded write that
 * changes it (design §3). No I/O here: functions take a state and return the next one.
 */

/**
 * A seat claim of one order. `held` counts against capacity until it turns `sold` or `released`.
 * Settled claims stay until the order itself is final, so a crash between the two writes of a
 * saga step can be replayed without counting seats twice; the sweeper then prunes them.
 */
export interface Claim {
  orderId: string;
  quantity: number;
  state: 'held' | 'sold' | 'released';
  createdAt: Date;
  expiresAt: Date;
  /** A waiting-list offer (ADR 0039): once released it is never claimed again by its order. */
  offer?: boolean;
}

export interface Tier {
  tierId: string;
  name: string;
  priceMinor: number;
  currency: string;
  capacity: number;
  sold: number;
  claims: Claim[];
  /** Sales of this tier closed by its organizer (ADR 0039); absent = open. */
  salesClosed?: boolean;
  /** The tier's waiting list, first in line first (ADR 0039). */
  waiting?: WaitEntry[];
  /** Last waiting-list entry number handed out. */
  waitSeq?: number;
  /** Orders whose sold seats came back after a member's refund (each counted once). */
  returned?: string[];
}

/** One member in line for a tier: `waiting`, or `offered` (seats held for `orderId` until the offer expires). */
export interface WaitEntry {
  entryId: string;
  userId: string;
  quantity: number;
  joinedAt: Date;
  state: 'waiting' | 'offered';
  /** The order id the offer's seats are held under (checkout with the offer's key finds them). */
  orderId: string;
  offerExpiresAt: Date | null;
}

/** Refunds a member may ask for: none, or until `daysBefore` days before the start (ADR 0039). */
export interface RefundPolicy {
  daysBefore: number;
}

export type SalesStatus = 'on_sale' | 'closed';

/** Where the event takes place, as the event service names it (the calendar feed's LOCATION). */
export interface EventPlace {
  name: string;
  address: string;
  city: string;
}

export interface InventoryState {
  _id: string;
  eventId: string;
  organizerId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /**
   * Absent (or null) in inventories copied from messages older than the venue in the event
   * snapshot, until their event is next updated.
   */
  venue?: EventPlace | null;
  status: SalesStatus;
  /** Why sales stopped: 'cancelled' | 'completed' (null while on sale). */
  closedReason: 'cancelled' | 'completed' | null;
  /** The event aggregate version the copy was built from (a time change older than it is ignored). */
  sourceVersion: number;
  tiers: Tier[];
  /** Absent or null: no refunds on request (ADR 0039). */
  refundPolicy?: RefundPolicy | null;
}

export function heldOf(tier: Tier): number {
  return tier.claims.reduce((sum, claim) => (claim.state === 'held' ? sum + claim.quantity : sum), 0);
}

export function availableOf(tier: Tier): number {
  return tier.capacity - tier.sold - heldOf(tier);
}

export function findTier(state: InventoryState, tierId: string): Tier | undefined {
  return state.tiers.find((tier) => tier.tierId === tierId);
}

export function claimOf(tier: Tier, orderId: string): Claim | undefined {
  return tier.claims.find((claim) => claim.orderId === orderId);
}

/** What an order copies from the tier it buys (its price is fixed when the seats are held). */
export interface TierOffer {
  organizerId: string;
  priceMinor: number;
  currency: string;
}

export function offerOf(state: InventoryState, tierId: string): TierOffer | undefined {
  const tier = findTier(state, tierId);
  return tier === undefined ? undefined : { organizerId: state.organizerId, priceMinor: tier.priceMinor, currency: tier.currency };
}

function replaceTier(state: InventoryState, tier: Tier): Tier[] {
  return state.tiers.map((existing) => (existing.tierId === tier.tierId ? tier : existing));
}

export type HoldDecision =
  | { kind: 'placed'; tiers: Tier[] }
  | { kind: 'already' }
  | { kind: 'not-on-sale' }
  | { kind: 'unknown-tier' }
  | { kind: 'sold-out'; available: number };

export function salesOpen(state: InventoryState, now: Date): boolean {
  return state.status === 'on_sale' && state.startsAt.getTime() > now.getTime();
}

/** Doors open this long before the start: early queues and festival wristbands, never the day before. */
export const DOORS_OPEN_BEFORE_START_MS = 6 * 3_600_000;

/**
 * When the door lets a ticket of this event in: from a few hours before the start until the end,
 * both as the event is scheduled now, so a rescheduled night refuses tickets at its old time.
 */
export function doorHoursOf(state: Pick<InventoryState, 'startsAt' | 'endsAt'>): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(state.startsAt.getTime() - DOORS_OPEN_BEFORE_START_MS), closesAt: state.endsAt };
}

export function doorOpen(state: Pick<InventoryState, 'startsAt' | 'endsAt'>, now: Date): boolean {
  const { opensAt, closesAt } = doorHoursOf(state);
  return now.getTime() >= opensAt.getTime() && now.getTime() < closesAt.getTime();
}

/**
 * The event's time, place or title changed (event.updated): the sales window and the door follow the
 * new start and end, the calendar feed the new place. An update older than what the copy was built
 * from changes nothing. A message without a venue (older than it) keeps the place the copy has.
 * Closed sales stay closed (only the times move).
 */
export function decideReschedule(
  state: InventoryState,
  input: { startsAt: Date; endsAt: Date; title: string; venue?: EventPlace | undefined; sourceVersion: number },
): Pick<InventoryState, 'startsAt' | 'endsAt' | 'title' | 'venue' | 'sourceVersion'> | null {
  if (input.sourceVersion <= state.sourceVersion) return null;
  return {
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    title: input.title,
    venue: input.venue ?? state.venue ?? null,
    sourceVersion: input.sourceVersion,
  };
}

/** Adds a `held` claim when seats remain; the same order never claims twice. */
export function decideHold(
  state: InventoryState,
  input: { tierId: string; orderId: string; quantity: number; now: Date; expiresAt: Date },
): HoldDecision {
  const tier = findTier(state, input.tierId);
  if (tier === undefined) return { kind: 'unknown-tier' };
  const existing = claimOf(tier, input.orderId);
  // A released claim is claimed again (a checkout retried after the payment provider failed).
  if (existing !== undefined && existing.state !== 'released') return { kind: 'already' };
  if (!salesOpen(state, input.now) || tier.salesClosed === true) return { kind: 'not-on-sale' };
  // A lapsed waiting-list offer is not taken again; and while people wait, nobody jumps the line.
  if (existing?.offer === true || (tier.waiting ?? []).some((entry) => entry.state === 'waiting')) return { kind: 'sold-out', available: 0 };
  const available = availableOf(tier);
  if (input.quantity > available) return { kind: 'sold-out', available };
  const others = tier.claims.filter((c) => c.orderId !== input.orderId);
  const claim: Claim = {
    orderId: input.orderId,
    quantity: input.quantity,
    state: 'held',
    createdAt: input.now,
    expiresAt: input.expiresAt,
  };
  return { kind: 'placed', tiers: replaceTier(state, { ...tier, claims: [...others, claim] }) };
}

export type SellDecision =
  | { kind: 'sold'; tiers: Tier[] }
  | { kind: 'already' }
  /** The claim was released (expired) and the seats are gone: the payment must be refunded. */
  | { kind: 'no-seats' }
  /** The event was cancelled: a payment arriving now is refunded, never turned into tickets. */
  | { kind: 'cancelled' }
  | { kind: 'unknown-tier' };

/**
 * A payment arrived: `held` → `sold`. If the claim had been released (expired first, paid later),
 * the payment is honoured when seats remain, by claiming them again as sold.
 */
export function decideSell(state: InventoryState, input: { tierId: string; orderId: string; quantity: number; now: Date }): SellDecision {
  const tier = findTier(state, input.tierId);
  if (tier === undefined) return { kind: 'unknown-tier' };
  const claim = claimOf(tier, input.orderId);
  if (claim?.state === 'sold') return { kind: 'already' };
  if (state.closedReason === 'cancelled') return { kind: 'cancelled' };
  if (claim?.state === 'held') {
    const claims = tier.claims.map((c) => (c.orderId === input.orderId ? { ...c, state: 'sold' as const } : c));
    return { kind: 'sold', tiers: replaceTier(state, { ...tier, sold: tier.sold + claim.quantity, claims }) };
  }
  // Released or pruned: the seats went back to the pool; take them again only if still free.
  if (availableOf(tier) < input.quantity) return { kind: 'no-seats' };
  const others = tier.claims.filter((c) => c.orderId !== input.orderId);
  const sold: Claim = { orderId: input.orderId, quantity: input.quantity, state: 'sold', createdAt: input.now, expiresAt: input.now };
  return { kind: 'sold', tiers: replaceTier(state, { ...tier, sold: tier.sold + input.quantity, claims: [...others, sold] }) };
}

/** `held` → `released`; anything else is left alone (idempotent). */
export function decideRelease(state: InventoryState, input: { tierId: string; orderId: string }): Tier[] | null {
  const tier = findTier(state, input.tierId);
  const claim = tier === undefined ? undefined : claimOf(tier, input.orderId);
  if (tier === undefined || claim?.state !== 'held') return null;
  const claims = tier.claims.map((c) => (c.orderId === input.orderId ? { ...c, state: 'released' as const } : c));
  return replaceTier(state, { ...tier, claims });
}

/** Drops settled claims whose order is final (the sweeper's bookkeeping). */
export function pruneClaims(state: InventoryState, isFinal: (claim: Claim) => boolean): Tier[] | null {
  let changed = false;
  const tiers = state.tiers.map((tier) => {
    const claims = tier.claims.filter((claim) => claim.state === 'held' || !isFinal(claim));
    if (claims.length !== tier.claims.length) changed = true;
    return { ...tier, claims };
  });
  return changed ? tiers : null;
}
