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
  /**
   * Closes an open session so it can no longer be paid (an erased buyer's order). Best effort:
   * a session already completed or expired answers an error the caller may ignore.
   */
  expireCheckoutSession(sessionId: string): Promise<void>;
  /** Idempotent per order. */
  refund(request: { orderId: string; paymentIntentId: string; amountMinor: number }): Promise<{ refundId: string }>;
}
