import { z } from 'zod';
import { appUrl, baseServiceConfigShape, httpUrl, nonEmptyString, port, positiveInt, secret } from '@eventonight/platform';

/** The ticketing service's environment (README lists each variable). */
export const ticketingServiceConfig = z.object({
  ...baseServiceConfigShape,
  PORT: port({ allowEphemeral: true }).default(3005),
  STRIPE_SECRET_KEY: secret(),
  STRIPE_WEBHOOK_SECRET: secret(),
  /** Unset in production (api.stripe.com); e.g. http://127.0.0.1:12111 for stripe-mock. */
  STRIPE_API_URL: httpUrl().optional(),
  CHECKOUT_SUCCESS_URL: httpUrl(),
  CHECKOUT_CANCEL_URL: httpUrl(),
  /**
   * Session life from the order's creation. Stripe wants expires_at ≥ 30 min after the call and
   * ≤ 24 h; the expiry is fixed per order (so the idempotent create repeats the same params),
   * hence the floor above 30 min: a resumed checkout still lands inside Stripe's window.
   */
  CHECKOUT_SESSION_TTL_SEC: positiveInt(3600).pipe(z.number().min(2000).max(86_000)),
  /** A pending order (hold but no session) older than this is presumed crashed and swept. */
  PENDING_ORDER_TIMEOUT_MS: positiveInt(120_000),
  SWEEP_INTERVAL_MS: positiveInt(60_000),
  /** How long a waiting-list offer holds its seats for the member (ADR 0039): 30 min. */
  WAITLIST_OFFER_TTL_MS: positiveInt(1_800_000),
  WEBHOOK_POLL_INTERVAL_MS: positiveInt(1_000),
  /** `azp` of the only client allowed on /internal routes. */
  INTERNAL_CALLER_AZP: nonEmptyString().default('event-service'),
  /**
   * The web app's origin: calendar entries link to event pages there, and a member's feed address
   * is `<APP_URL>/api/ticketing/calendar-feed/<token>.ics` (the edge routes /api/ticketing/ on it).
   */
  APP_URL: appUrl(),
});

export type TicketingServiceConfig = z.output<typeof ticketingServiceConfig>;
