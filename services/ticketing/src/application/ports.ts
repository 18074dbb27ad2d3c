export type Clock = () => Date;

export interface CheckoutSessionRequest {
  orderId: string;
  description: string;
  unitPriceMinor: number;
  currency: string;
  quantity: number;
  expiresAt: Date;
}

/** The payment provider, as the application sees it (Stripe in production). */
export interface PaymentGateway {
  /** Idempotent per order: calling twice for one order returns the same session. */
  createCheckoutSession(request: CheckoutSessionRequest): Promise<{ sessionId: string; url: string }>;
  /** Idempotent per order. */
  refund(request: { orderId: string; paymentIntentId: string; amountMinor: number }): Promise<{ refundId: string }>;
}
