import { createHash } from 'node:crypto';

/**
 * An order walks: pending (seats held, no Stripe session yet) → awaiting_payment → paid, or
 * → expired (session expired / never created), or rejected (no seats), or refunded.
 */
export type OrderStatus = 'pending' | 'awaiting_payment' | 'paid' | 'expired' | 'rejected' | 'refund_pending' | 'refunded';

export const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['paid', 'expired', 'rejected', 'refunded']);

export interface OrderState {
  _id: string;
  buyerId: string;
  eventId: string;
  tierId: string;
  organizerId: string;
  quantity: number;
  unitPriceMinor: number;
  totalMinor: number;
  currency: string;
  /** A hash of the client's Idempotency-Key: the key itself is never stored. */
  requestHash: string;
  status: OrderStatus;
  stripeSessionId: string | null;
  checkoutUrl: string | null;
  paymentIntentId: string | null;
  ticketIds: string[];
  refundId: string | null;
  /** Why a paid order was refunded: 'event-cancelled' | 'no-seats' | 'account-deleted' (paid after the buyer's erasure). */
  refundReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Same buyer + same Idempotency-Key → same order id, so a retried checkout finds its order. */
export function orderIdFor(buyerId: string, idempotencyKey: string): string {
  const digest = createHash('sha256').update(buyerId).update('\n').update(idempotencyKey).digest('base64url');
  return `ord_${digest.slice(0, 32)}`;
}

/** Fingerprint of what was asked, to refuse a key reused for a different purchase. */
export function requestHashOf(input: { eventId: string; tierId: string; quantity: number }): string {
  return createHash('sha256').update(`${input.eventId}\n${input.tierId}\n${input.quantity}`).digest('base64url');
}

/** Ticket ids are derived from the order, so issuing twice writes the same documents. */
export function ticketIdsFor(orderId: string, quantity: number): string[] {
  return Array.from({ length: quantity }, (_, index) => `tkt_${orderId.slice(4)}_${index + 1}`);
}
