import { availableOf, heldOf, type InventoryState } from './inventory.js';

/** What the ticket documents of one tier add to its inventory counts. */
export interface TierTicketCounts {
  /** Tickets scanned at the door. */
  used: number;
  /** Tickets of refunded orders (their seats were sold, then paid back). */
  invalidated: number;
}

export interface TierSales {
  tierId: string;
  name: string;
  priceMinor: number;
  currency: string;
  capacity: number;
  /** Seats sold and not refunded. */
  sold: number;
  /** Seats held by checkouts in progress. */
  held: number;
  /** Seats a buyer can still take. */
  seatsLeft: number;
  /** Seats sold, then refunded. */
  refunded: number;
  checkedIn: number;
  /** sold × price: what the tier has earned (refunds excluded), in minor units of `currency`. */
  revenueMinor: number;
}

/**
 * The organizer's figures for one tier. The inventory counts every seat ever sold (a refund
 * does not give the seat back to the pool), so refunded seats are subtracted here.
 */
export function tierSales(tier: InventoryState['tiers'][number], counts: TierTicketCounts): TierSales {
  const sold = Math.max(0, tier.sold - counts.invalidated);
  return {
    tierId: tier.tierId,
    name: tier.name,
    priceMinor: tier.priceMinor,
    currency: tier.currency,
    capacity: tier.capacity,
    sold,
    held: heldOf(tier),
    seatsLeft: Math.max(0, availableOf(tier)),
    refunded: counts.invalidated,
    checkedIn: counts.used,
    revenueMinor: sold * tier.priceMinor,
  };
}

/** Revenue summed per currency (tiers of one event may be priced in different currencies). */
export function revenueByCurrency(tiers: readonly TierSales[]): Array<{ currency: string; amountMinor: number }> {
  const sums = new Map<string, number>();
  for (const tier of tiers) sums.set(tier.currency, (sums.get(tier.currency) ?? 0) + tier.revenueMinor);
  return [...sums.entries()].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}
