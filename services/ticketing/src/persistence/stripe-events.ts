import type { IndexDescription } from 'mongodb';

export const STRIPE_EVENTS_COLLECTION = 'stripe_events';

/** A verified Stripe event, stored before it is acknowledged; `_id` is Stripe's event id. */
export interface StoredStripeEvent {
  _id: string;
  type: string;
  /** The event's JSON exactly as Stripe signed it. */
  payload: string;
  receivedAt: Date;
  processed: boolean;
  processedAt: Date | null;
  outcome: string | null;
  attempts: number;
}

export const stripeEventIndexes: IndexDescription[] = [{ key: { processed: 1, receivedAt: 1 }, name: 'processed_received' }];
