import type { ExportRow } from '@eventonight/contracts';
import { answerExportRequest } from '@eventonight/platform';
import type { InventoryState } from '../domain/inventory.js';
import type { OrderState } from '../domain/order.js';
import type { TicketState } from '../domain/ticket.js';
import type { TicketingDeps } from './deps.js';

const WITHOUT_OUTBOX = { outbox: 0, outboxPending: 0, outboxTicket: 0 } as const;

const REFUND_REASONS: Record<string, string> = {
  'event-cancelled': 'the event was cancelled',
  'no-seats': 'no seat was left when the payment arrived',
  'account-deleted': 'the account was deleted before the payment arrived',
};

const iso = (date: Date | null | undefined): string | null => (date === null || date === undefined ? null : date.toISOString());

/**
 * `user.export.requested` (ADR 0027): everything ticketing holds about the member, as the flat
 * rows of `ticketing-<section>.csv` — their orders, their tickets (with the code, it is theirs),
 * their payments and refunds (amounts in minor units with the currency; Stripe's ids as the
 * reference, never a secret), and since when they have a calendar feed (its address is not kept).
 * Events are named by the title ticketing copied, when known.
 * Answered once per export; nothing for an erased member.
 */
export async function answerExport(deps: TicketingDeps, request: { exportId: string; userId: string }): Promise<'answered' | 'already-answered' | 'erased'> {
  const { userId } = request;
  if (await deps.ledger.isErased(userId)) return 'erased';
  const orders = (await deps.orders.collection
    .find({ buyerId: userId }, { projection: WITHOUT_OUTBOX })
    .sort({ createdAt: 1, _id: 1 })
    .toArray()) as OrderState[];
  const tickets = (await deps.tickets.collection
    .find({ holderId: userId }, { projection: WITHOUT_OUTBOX })
    .sort({ issuedAt: 1, _id: 1 })
    .toArray()) as TicketState[];
  const events = await eventsNamed(deps, [...orders.map((order) => order.eventId), ...tickets.map((ticket) => ticket.eventId)]);
  const eventTitle = (eventId: string) => events.get(eventId)?.title ?? null;
  const tierName = (eventId: string, tierId: string) => events.get(eventId)?.tiers.find((tier) => tier.tierId === tierId)?.name ?? null;
  const issuedAtOf = new Map<string, Date>();
  for (const ticket of tickets) {
    const known = issuedAtOf.get(ticket.orderId);
    if (known === undefined || ticket.issuedAt < known) issuedAtOf.set(ticket.orderId, ticket.issuedAt);
  }

  const orderRows: ExportRow[] = orders.map((order) => ({
    order_id: order._id,
    event_id: order.eventId,
    event_title: eventTitle(order.eventId),
    ticket_tier: tierName(order.eventId, order.tierId),
    quantity: order.quantity,
    unit_price_minor_units: order.unitPriceMinor,
    total_minor_units: order.totalMinor,
    currency: order.currency,
    status: order.status,
    ordered_at: iso(order.createdAt),
    last_changed_at: iso(order.updatedAt),
  }));
  const ticketRows: ExportRow[] = tickets.map((ticket) => ({
    ticket_id: ticket._id,
    order_id: ticket.orderId,
    event_id: ticket.eventId,
    event_title: eventTitle(ticket.eventId),
    ticket_tier: tierName(ticket.eventId, ticket.tierId),
    code: ticket.code,
    status: ticket.status,
    issued_at: iso(ticket.issuedAt),
    used_at: iso(ticket.usedAt),
  }));
  const paid = orders.filter((order) => order.totalMinor > 0 && order.paymentIntentId !== null);
  const paymentRows: ExportRow[] = paid.map((order) => ({
    order_id: order._id,
    event_id: order.eventId,
    amount_minor_units: order.totalMinor,
    currency: order.currency,
    status: order.status === 'paid' ? 'paid' : order.status === 'refunded' ? 'paid, then refunded' : order.status === 'refund_pending' ? 'paid, refund under way' : order.status,
    provider: 'Stripe',
    payment_reference: order.paymentIntentId,
    paid_at: iso(issuedAtOf.get(order._id)),
  }));
  const refundRows: ExportRow[] = orders
    .filter((order) => order.status === 'refunded' || order.status === 'refund_pending')
    .map((order) => ({
      order_id: order._id,
      event_id: order.eventId,
      amount_minor_units: order.totalMinor,
      currency: order.currency,
      status: order.status === 'refunded' ? 'refunded' : 'under way',
      reason: order.refundReason === null ? null : (REFUND_REASONS[order.refundReason] ?? order.refundReason),
      refund_reference: order.refundId,
      refunded_at: order.status === 'refunded' ? iso(order.updatedAt) : null,
    }));

  const feed = await deps.calendarFeeds.findOne({ _id: userId }, { projection: { createdAt: 1 } });
  const feedRows: ExportRow[] = feed === null ? [] : [{ created_at: iso(feed.createdAt), address: 'not kept: only a digest of its secret part is stored' }];

  return answerExportRequest(
    deps.exportParts,
    'ticketing',
    {
      exportId: request.exportId,
      userId,
      sections: { orders: orderRows, tickets: ticketRows, payments: paymentRows, refunds: refundRows, calendar_feed: feedRows },
    },
    deps.clock(),
  );
}

/** Title and tier names of the events the member bought for (one query). */
async function eventsNamed(deps: TicketingDeps, eventIds: readonly string[]): Promise<Map<string, Pick<InventoryState, 'title' | 'tiers'>>> {
  const unique = [...new Set(eventIds)];
  if (unique.length === 0) return new Map();
  const found = await deps.inventories.collection.find({ _id: { $in: unique } }, { projection: { title: 1, tiers: 1 } }).toArray();
  return new Map(found.map((inventory) => [inventory._id, inventory as unknown as Pick<InventoryState, 'title' | 'tiers'>]));
}
