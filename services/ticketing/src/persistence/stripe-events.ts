import type { IndexDescription } from 'mongodb';

export const STRIPE_EVENTS_COLLECTION = 'stripe_events';

/** A verified Stripe event, stored before it is acknowledged; `_id` is Stripe's event id. */
export interface StoredStripeEvent {
  _id: string;
  type: string;
  /**
   * The event's JSON reduced to the fields ticketing reads (ids, type, payment status): the
   * buyer's details Stripe sends are never stored (ADR 0027). Verified on the raw body first.
   */
  payload: string;
  /** Set on every event stored reduced; events stored whole before are reduced at start. */
  minimised?: true;
  receivedAt: Date;
  processed: boolean;
  processedAt: Date | null;
  outcome: string | null;
  attempts: number;
}

export const stripeEventIndexes: IndexDescription[] = [{ key: { processed: 1, receivedAt: 1 }, name: 'processed_received' }];
