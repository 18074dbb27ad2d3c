import type { Collection } from 'mongodb';
import { z } from 'zod';
import type { StoredStripeEvent } from '../persistence/stripe-events.js';
import type { TicketingDeps } from './deps.js';
import { completeOrder, expireOrder } from './settle-order.js';

/** The part of a Checkout Session event this service reads; the rest is ignored. */
const sessionEvent = z.object({
  id: z.string(),
  type: z.string(),
  data: z.object({
    object: z.object({
      id: z.string(),
      client_reference_id: z.string().nullish(),
      metadata: z.record(z.string(), z.string()).nullish(),
      payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
      payment_status: z.string().nullish(),
    }),
  }),
});

/**
 * What is kept of a verified event: only the fields this service reads. A Checkout Session
 * carries the buyer's name, email, address and phone (`customer_details`), which ticketing has
 * no use for and must not keep (ADR 0027): they are dropped before the event is stored. The
 * signature was checked on the raw body, so nothing needs the original bytes afterwards.
 */
export function minimalStripePayload(payload: string): string {
  const raw: unknown = JSON.parse(payload);
  const parsed = sessionEvent.safeParse(raw);
  if (!parsed.success) {
    const head = z.object({ id: z.string(), type: z.string() }).safeParse(raw);
    return JSON.stringify(head.success ? { id: head.data.id, type: head.data.type } : {});
  }
  const { id, type, data } = parsed.data;
  const session = data.object;
  const orderId = session.metadata?.['orderId'];
  return JSON.stringify({
    id,
    type,
    data: {
      object: {
        id: session.id,
        client_reference_id: session.client_reference_id ?? null,
        metadata: orderId === undefined ? {} : { orderId },
        payment_intent: paymentIntentIdOf(session.payment_intent),
        payment_status: session.payment_status ?? null,
      },
    },
  });
}

function paymentIntentIdOf(intent: string | { id: string } | null | undefined): string | null {
  if (intent === undefined || intent === null) return null;
  return typeof intent === 'string' ? intent : intent.id;
}

/** Records a verified event once (its id is unique), reduced to what is read; a redelivery is a no-op. */
export async function recordStripeEvent(deps: TicketingDeps, event: { id: string; type: string }, payload: string): Promise<'stored' | 'duplicate'> {
  try {
    await deps.stripeEvents.insertOne({
      _id: event.id,
      type: event.type,
      payload: minimalStripePayload(payload),
      minimised: true,
      receivedAt: deps.clock(),
      processed: false,
      processedAt: null,
      outcome: null,
      attempts: 0,
    });
    return 'stored';
  } catch (error) {
    if ((error as { code?: unknown }).code === 11000) return 'duplicate';
    throw error;
  }
}

/**
 * Reduces events stored whole (before payloads were minimised) to what is read; run at start.
 * Idempotent and safe beside a running worker: the reduced payload reads the same.
 */
export async function minimiseStoredStripeEvents(stripeEvents: Collection<StoredStripeEvent>, batch = 200): Promise<number> {
  let minimised = 0;
  for (;;) {
    const legacy = await stripeEvents
      .find({ minimised: { $ne: true } }, { projection: { _id: 1, payload: 1 } })
      .limit(batch)
      .toArray();
    for (const stored of legacy) {
      let payload: string;
      try {
        payload = minimalStripePayload(stored.payload);
      } catch {
        payload = '{}';
      }
      await stripeEvents.updateOne({ _id: stored._id }, { $set: { payload, minimised: true } });
      minimised += 1;
    }
    if (legacy.length < batch) return minimised;
  }
}

/** Applies one stored event. Everything it calls is idempotent, so running it twice is harmless. */
export async function applyStripeEvent(deps: TicketingDeps, payload: string): Promise<string> {
  const parsed = sessionEvent.safeParse(JSON.parse(payload));
  if (!parsed.success) return 'ignored: not a checkout session event';
  const { type, data } = parsed.data;
  const session = data.object;
  const orderId = session.client_reference_id ?? session.metadata?.['orderId'];
  if (orderId === undefined || orderId === null) return 'ignored: no order reference';
  if (type === 'checkout.session.completed' || type === 'checkout.session.async_payment_succeeded') {
    // Delayed payment methods complete the session unpaid; async_payment_succeeded follows.
    if (type === 'checkout.session.completed' && session.payment_status === 'unpaid') return 'ignored: not paid yet';
    const paymentIntentId = paymentIntentIdOf(session.payment_intent);
    return completeOrder(deps, { orderId, sessionId: session.id, paymentIntentId });
  }
  if (type === 'checkout.session.expired' || type === 'checkout.session.async_payment_failed') {
    return (await expireOrder(deps, orderId)) ? 'expired' : 'ignored';
  }
  return 'ignored: type not handled';
}

const MAX_ATTEMPTS = 20;

/** The order an event is about (events of one order are applied in order, others in parallel). */
function orderKeyOf(payload: string): string {
  const parsed = sessionEvent.safeParse(JSON.parse(payload));
  if (!parsed.success) return '';
  const session = parsed.data.data.object;
  return session.client_reference_id ?? session.metadata?.['orderId'] ?? '';
}

const PARALLEL_ORDERS = 8;

/** Processes stored, unprocessed events oldest first; a failing one is retried on the next pass. */
export async function processPendingStripeEvents(deps: TicketingDeps, batch = 50): Promise<number> {
  const pending = await deps.stripeEvents.find({ processed: false }).sort({ receivedAt: 1 }).limit(batch).toArray();
  const byOrder = new Map<string, StoredStripeEvent[]>();
  for (const stored of pending) {
    const key = orderKeyOf(stored.payload);
    byOrder.set(key, [...(byOrder.get(key) ?? []), stored]);
  }
  const groups = [...byOrder.values()];
  let done = 0;
  const worker = async () => {
    for (let group = groups.shift(); group !== undefined; group = groups.shift()) {
      for (const stored of group) {
        if (await processOne(deps, stored)) done += 1;
        // A failure leaves the later events of this order for the next pass, keeping their order.
        else break;
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_ORDERS }, worker));
  return done;
}

async function processOne(deps: TicketingDeps, stored: StoredStripeEvent): Promise<boolean> {
  try {
    const outcome = await applyStripeEvent(deps, stored.payload);
    const processedAt = deps.clock();
    await deps.stripeEvents.updateOne({ _id: stored._id }, { $set: { processed: true, processedAt, outcome } });
    observeDelay(deps, stored, processedAt);
    return true;
  } catch (error) {
    // Bounded: a poison event is parked (processed with outcome 'failed') for an operator, not retried forever.
    const giveUp = stored.attempts + 1 >= MAX_ATTEMPTS;
    deps.logger.error({ err: error, stripeEventId: stored._id, giveUp }, 'stripe event processing failed');
    const processedAt = deps.clock();
    const update = giveUp
      ? { $set: { processed: true, processedAt, outcome: 'failed' }, $inc: { attempts: 1 } }
      : { $inc: { attempts: 1 } };
    const parked = await deps.stripeEvents.updateOne({ _id: stored._id }, update).then(
      () => true,
      () => false,
    );
    if (giveUp && parked) observeDelay(deps, stored, processedAt);
    return false;
  }
}

/** Receipt → processed (also when parked as failed): how far behind the worker is. */
function observeDelay(deps: TicketingDeps, stored: StoredStripeEvent, processedAt: Date): void {
  deps.metrics.webhookProcessingDelay.observe(Math.max(0, processedAt.getTime() - stored.receivedAt.getTime()) / 1000);
}

/**
 * Seconds the oldest stored, unprocessed event has waited (0 when none): one document, read
 * through the `processed_received` index.
 */
export async function oldestUnprocessedAgeSeconds(stripeEvents: Collection<StoredStripeEvent>, now: Date): Promise<number> {
  const [oldest] = await stripeEvents
    .find({ processed: false }, { projection: { receivedAt: 1 } })
    .sort({ receivedAt: 1 })
    .limit(1)
    .toArray();
  return oldest === undefined ? 0 : Math.max(0, now.getTime() - oldest.receivedAt.getTime()) / 1000;
}
