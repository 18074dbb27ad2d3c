import { performance } from 'node:perf_hooks';
import Stripe from 'stripe';
import type { ServiceMetrics } from '@eventonight/platform';
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

/** The `operation` label of the Stripe metrics: one value per API call this service makes. */
export type StripeOperation = 'checkout_session_create' | 'checkout_session_expire' | 'refund_create';

/** `{ORDER_ID}` in a return URL becomes the order's id, so the return page knows which order to show. */
export function withOrderId(url: string, orderId: string): string {
  return url.replaceAll('{ORDER_ID}', encodeURIComponent(orderId));
}

/**
 * Stripe Checkout. Every call carries an idempotency key derived from the order, so a retry
 * (ours, the library's, or after a crash) returns the same session or refund, never a second one.
 */
export function stripePaymentGateway(
  stripe: Stripe,
  options: Pick<StripeOptions, 'successUrl' | 'cancelUrl'>,
  metrics?: Pick<ServiceMetrics, 'stripeRequestDuration'>,
): PaymentGateway {
  /** Times one API call (the client's own retries included) by operation and outcome. */
  const timed = async <T>(operation: StripeOperation, call: () => Promise<T>): Promise<T> => {
    const startedAt = performance.now();
    const observe = (outcome: 'ok' | 'error') =>
      metrics?.stripeRequestDuration.observe({ operation, outcome }, (performance.now() - startedAt) / 1000);
    try {
      const result = await call();
      observe('ok');
      return result;
    } catch (error) {
      observe('error');
      throw error;
    }
  };
  return {
    async createCheckoutSession(request: CheckoutSessionRequest) {
      const session = await timed('checkout_session_create', () => stripe.checkout.sessions.create(
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
      ));
      if (session.url === null) throw new Error('Stripe returned a checkout session without a URL');
      return { sessionId: session.id, url: session.url };
    },
    async expireCheckoutSession(sessionId: string) {
      await timed('checkout_session_expire', () => stripe.checkout.sessions.expire(sessionId, {}, { idempotencyKey: `expire-${sessionId}` }));
    },
    async refund(request) {
      const refund = await timed('refund_create', () =>
        stripe.refunds.create(
          { payment_intent: request.paymentIntentId, amount: request.amountMinor, metadata: { orderId: request.orderId } },
          { idempotencyKey: `refund-${request.orderId}` },
        ),
      );
      return { refundId: refund.id };
    },
  };
}
