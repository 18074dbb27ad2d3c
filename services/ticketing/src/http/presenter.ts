import type { OrderState } from '../domain/order.js';
import type { TicketState } from '../domain/ticket.js';

export function presentOrder(order: OrderState) {
  return {
    orderId: order._id,
    eventId: order.eventId,
    tierId: order.tierId,
    quantity: order.quantity,
    total: { amountMinor: order.totalMinor, currency: order.currency },
    status: order.status,
    checkoutUrl: order.status === 'awaiting_payment' ? order.checkoutUrl : null,
    checkoutSessionId: order.status === 'awaiting_payment' ? order.stripeSessionId : null,
    ticketIds: order.ticketIds,
    createdAt: order.createdAt.toISOString(),
  };
}

export function presentTicket(ticket: TicketState) {
  return {
    ticketId: ticket._id,
    orderId: ticket.orderId,
    eventId: ticket.eventId,
    tierId: ticket.tierId,
    // The QR payload is shown only while it can still get someone in.
    code: ticket.status === 'valid' ? ticket.code : '',
    status: ticket.status,
    issuedAt: ticket.issuedAt.toISOString(),
    usedAt: ticket.usedAt === null ? null : ticket.usedAt.toISOString(),
  };
}
