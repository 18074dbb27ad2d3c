import type { OrderView } from './ticket-api';

/**
 * Where the buyer goes to pay: Stripe's hosted page, or — on a local set-up, whose config
 * names a stand-in (stripe-mock has no page) — the local checkout page, told which session.
 */
export function paymentPageOf(order: OrderView, localCheckoutUrl: string | null, origin: string): string | null {
  if (order.status !== 'awaiting_payment' || order.checkoutUrl === null) return null;
  if (localCheckoutUrl === null) return order.checkoutUrl;
  const url = new URL(localCheckoutUrl, origin);
  url.searchParams.set('order', order.orderId);
  url.searchParams.set('session', order.checkoutSessionId ?? '');
  url.searchParams.set('amount', String(order.total.amountMinor));
  url.searchParams.set('currency', order.total.currency);
  url.searchParams.set('return', `/orders/${order.orderId}`);
  return url.toString();
}
