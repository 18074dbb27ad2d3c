import Stripe from 'stripe';
import type { CheckoutSessionRequest, PaymentGateway } from '../application/ports.js';

export interface StripeOptions {
  secretKey: string;
  /** Unset for api.stripe.com; e.g. http://127.0.0.1:12111 (stripe-mock). */
  apiUrl?: string | undefined;
  successUrl: string;
  cancelUrl: string;
}

export function stripeClient(options: Pick<StripeOptions, 'secretKey' | 'apiUrl'>): Stripe {
  const base: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 10_000 };
  if (options.apiUrl === undefined) return new Stripe(options.secretKey, base);
  const url = new URL(options.apiUrl);
  return new Stripe(options.secretKey, {
    ...base,
    host: url.hostname,
    port: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
  });
}

/** `{ORDER_ID}` in a return URL becomes the order's id, so the return page knows which order to show. */
export function withOrderId(url: string, orderId: string): string {
  return url.replaceAll('{ORDER_ID}', encodeURIComponent(orderId));
}

/**
 * Stripe Checkout. Every call carries an idempotency key derived from the order, so a retry
 * (ours, the library's, or after a crash) returns the same session or refund, never a second one.
 */
export function stripePaymentGateway(stripe: Stripe, options: Pick<StripeOptions, 'successUrl' | 'cancelUrl'>): PaymentGateway {
  return {
    async createCheckoutSession(request: CheckoutSessionRequest) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: request.orderId,
          metadata: { orderId: request.orderId },
          success_url: withOrderId(options.successUrl, request.orderId),
          cancel_url: withOrderId(options.cancelUrl, request.orderId),
          expires_at: Math.floor(request.expiresAt.getTime() / 1000),
          line_items: [
            {
              quantity: request.quantity,
              price_data: { currency: request.currency, unit_amount: request.unitPriceMinor, product_data: { name: request.description } },
            },
          ],
        },
        { idempotencyKey: `checkout-${request.orderId}` },
      );
      if (session.url === null) throw new Error('Stripe returned a checkout session without a URL');
      return { sessionId: session.id, url: session.url };
    },
    async expireCheckoutSession(sessionId: string) {
      await stripe.checkout.sessions.expire(sessionId, {}, { idempotencyKey: `expire-${sessionId}` });
    },
    async refund(request) {
      const refund = await stripe.refunds.create(
        { payment_intent: request.paymentIntentId, amount: request.amountMinor, metadata: { orderId: request.orderId } },
        { idempotencyKey: `refund-${request.orderId}` },
      );
      return { refundId: refund.id };
    },
  };
}
