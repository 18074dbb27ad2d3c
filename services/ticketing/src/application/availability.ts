import { availableOf, salesOpen } from '../domain/inventory.js';
import type { TicketingDeps } from './deps.js';
import { refundableUntil } from './refunds.js';
import { ticketingProblems } from './problems.js';

export interface Availability {
  eventId: string;
  onSale: boolean;
  tiers: Array<{ tierId: string; name: string; priceMinor: number; currency: string; capacity: number; available: number; salesClosed: boolean; waiting: number }>;
  refundableUntil: string | null;
}

/** Seats left per tier of an event, read from its one inventory document (held seats count as taken). */
export async function availabilityOf(deps: TicketingDeps, eventId: string): Promise<Availability> {
  const inventory = await deps.inventories.load(eventId);
  if (inventory === null) throw ticketingProblems.eventNotFound();
  const state = inventory.state;
  return {
    eventId: state.eventId,
    onSale: salesOpen(state, deps.clock()),
    tiers: state.tiers.map((tier) => ({
      tierId: tier.tierId,
      name: tier.name,
      priceMinor: tier.priceMinor,
      currency: tier.currency,
      capacity: tier.capacity,
      available: tier.salesClosed === true ? 0 : Math.max(0, availableOf(tier)),
      salesClosed: tier.salesClosed === true,
      waiting: (tier.waiting ?? []).length,
    })),
    refundableUntil: refundableUntil(state.refundPolicy, state.startsAt)?.toISOString() ?? null,
  };
}
