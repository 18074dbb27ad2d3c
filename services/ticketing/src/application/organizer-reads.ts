import { problems, type Principal, type TimeCursor } from '@eventonight/platform';
import { salesOpen, type InventoryState } from '../domain/inventory.js';
import { revenueByCurrency, tierSales, type TierSales } from '../domain/sales.js';
import { pageOf, type Page } from '../persistence/lists.js';
import type { TicketStatus } from '../domain/ticket.js';
import type { TicketingDeps } from './deps.js';
import { holderNamesOf } from './holder-names.js';
import { ticketingProblems } from './problems.js';

/**
 * The organizer's reads of one event: sales per tier and the attendee list. Only the event's
 * organizer reads them; anyone else gets 403 (the route already refuses members).
 */
async function organizersInventory(deps: TicketingDeps, principal: Principal, eventId: string): Promise<InventoryState> {
  const inventory = await deps.inventories.load(eventId);
  if (inventory === null) throw ticketingProblems.eventNotFound();
  if (inventory.state.organizerId !== principal.userId) throw problems.forbidden('Only the event organizer sees its sales.');
  return inventory.state;
}

export interface EventSales {
  eventId: string;
  title: string;
  onSale: boolean;
  closedReason: InventoryState['closedReason'];
  tiers: TierSales[];
  totals: { capacity: number; sold: number; held: number; seatsLeft: number; refunded: number; checkedIn: number };
  revenue: Array<{ currency: string; amountMinor: number }>;
}

export async function salesOf(deps: TicketingDeps, principal: Principal, eventId: string): Promise<EventSales> {
  const inventory = await organizersInventory(deps, principal, eventId);
  const tickets = deps.tickets.collection;
  // Two equality counts per tier (served by the event_tier_status index).
  const tiers = await Promise.all(
    inventory.tiers.map(async (tier) => {
      const [used, invalidated] = await Promise.all([
        tickets.countDocuments({ eventId, tierId: tier.tierId, status: 'used' }),
        tickets.countDocuments({ eventId, tierId: tier.tierId, status: 'invalidated' }),
      ]);
      return tierSales(tier, { used, invalidated });
    }),
  );
  const sum = (pick: (tier: TierSales) => number) => tiers.reduce((total, tier) => total + pick(tier), 0);
  return {
    eventId,
    title: inventory.title,
    onSale: salesOpen(inventory, deps.clock()),
    closedReason: inventory.closedReason,
    tiers,
    totals: {
      capacity: sum((t) => t.capacity),
      sold: sum((t) => t.sold),
      held: sum((t) => t.held),
      seatsLeft: sum((t) => t.seatsLeft),
      refunded: sum((t) => t.refunded),
      checkedIn: sum((t) => t.checkedIn),
    },
    revenue: revenueByCurrency(tiers),
  };
}

export interface Attendee {
  ticketId: string;
  orderId: string;
  tierId: string;
  tierName: string;
  holderId: string;
  /** "Deleted member" once the holder's account was erased; null when not known here yet. */
  holderName: string | null;
  status: TicketStatus;
  issuedAt: Date;
  usedAt: Date | null;
}

/** One page of the event's tickets, newest first, each with its tier and holder named. */
export async function attendeesOf(
  deps: TicketingDeps,
  principal: Principal,
  input: { eventId: string; limit: number; cursor: TimeCursor | undefined },
): Promise<Page<Attendee>> {
  const inventory = await organizersInventory(deps, principal, input.eventId);
  const page = await pageOf(deps.tickets.collection, {
    ownerField: 'eventId',
    ownerId: input.eventId,
    dateField: 'issuedAt',
    limit: input.limit,
    cursor: input.cursor,
  });
  const holders = await holderNamesOf(deps, page.items.map((ticket) => ticket.holderId));
  const tierNames = new Map(inventory.tiers.map((tier) => [tier.tierId, tier.name]));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((ticket) => ({
      ticketId: ticket._id,
      orderId: ticket.orderId,
      tierId: ticket.tierId,
      tierName: tierNames.get(ticket.tierId) ?? '',
      holderId: ticket.holderId,
      holderName: holders.get(ticket.holderId) ?? null,
      status: ticket.status,
      issuedAt: ticket.issuedAt,
      usedAt: ticket.usedAt,
    })),
  };
}
