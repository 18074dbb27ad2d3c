import { AggregateAlreadyExistsError, type PendingEvent, type Principal } from '@eventonight/platform';
import type { TierOffer } from '../domain/inventory.js';
import { orderIdFor, requestHashOf, type OrderState } from '../domain/order.js';
import type { TicketingDeps } from './deps.js';
import { placeHold, releaseClaim, type HoldAnswer } from './inventory-commands.js';
import { changeOrder, orderFacts, totalOf } from './order-changes.js';
import { completeOrder } from './settle-order.js';
import { ticketingProblems } from './problems.js';

export interface CheckoutInput {
  eventId: string;
  tierId: string;
  quantity: number;
  idempotencyKey: string;
}

export interface CheckoutOutcome {
  created: boolean;
  order: OrderState;
}

/** Extra life of a hold past its session, so Stripe's own expiry webhook normally releases it first. */
const HOLD_MARGIN_MS = 5 * 60_000;

/**
 * Checkout: hold in the inventory → Stripe session → the order, inserted awaiting payment with
 * its `ticketing.order.created` in the same write (ADR 0022). The order id is derived from
 * (buyer, Idempotency-Key), and so is Stripe's idempotency key: a retry — even after a crash
 * between any two steps — finds the same claim or order and resumes it, and never holds twice.
 */
export function checkout(deps: TicketingDeps, principal: Principal, input: CheckoutInput): Promise<CheckoutOutcome> {
  // The token says it (email_verified); a token without the claim is not taken as confirmed.
  if (principal.emailVerified !== true) return Promise.reject(ticketingProblems.emailNotVerified());
  const orderId = orderIdFor(principal.userId, input.idempotencyKey);
  // Same key twice at once on this replica: one after the other (the second is then a replay).
  return deps.inventoryQueue.run(`order:${orderId}`, () => checkoutOnce(deps, principal, input, orderId));
}

async function checkoutOnce(deps: TicketingDeps, principal: Principal, input: CheckoutInput, orderId: string): Promise<CheckoutOutcome> {
  const requestHash = requestHashOf(input);
  const existing = await deps.orders.load(orderId);
  if (existing !== null) return replay(deps, existing.state, requestHash);

  // Seats first, with no read of the inventory before: the hold's guarded write decides and
  // hands back the tier's price from the very state it decided on. A refused buyer costs no write.
  const hold = await placeHold(deps, {
    eventId: input.eventId,
    tierId: input.tierId,
    orderId,
    quantity: input.quantity,
    expiresAt: holdExpiryOf(deps, deps.clock()),
  });
  if (hold === 'no-inventory') throw ticketingProblems.eventNotFound();
  const { offer, heldSince } = heldSeats(hold);
  // A claim left by a crashed first try does not outlive the end of sales for a new order.
  if (!hold.onSale) throw ticketingProblems.notOnSale();
  // The claim's own time, so a retry after a crash (claim kept, no order) asks Stripe the same.
  const order = newOrder(principal, input, { orderId, requestHash, offer, createdAt: heldSince });

  if (order.totalMinor === 0) {
    const created = await createOrReplay(deps, order, [], requestHash);
    return created ?? { created: true, order: await settleFreeOrder(deps, order) };
  }
  let session: { sessionId: string; url: string };
  try {
    session = await openSession(deps, order);
  } catch (error) {
    return abandonHold(deps, order, requestHash, error);
  }
  // ONE write for the order: created already awaiting payment, its event in the same insert.
  // A crash before it leaves a claim without an order, which the sweeper releases after
  // PENDING_ORDER_TIMEOUT_MS; nobody can pay meanwhile, as nobody got the session's URL.
  const placed: OrderState = { ...order, status: 'awaiting_payment', stripeSessionId: session.sessionId, checkoutUrl: session.url };
  const created = await createOrReplay(deps, placed, [orderCreated(placed)], requestHash);
  return created ?? { created: true, order: placed };
}

function newOrder(
  principal: Principal,
  input: CheckoutInput,
  facts: { orderId: string; requestHash: string; offer: TierOffer; createdAt: Date },
): OrderState {
  return {
    _id: facts.orderId,
    buyerId: principal.userId,
    eventId: input.eventId,
    tierId: input.tierId,
    organizerId: facts.offer.organizerId,
    quantity: input.quantity,
    unitPriceMinor: facts.offer.priceMinor,
    totalMinor: facts.offer.priceMinor * input.quantity,
    currency: facts.offer.currency,
    requestHash: facts.requestHash,
    status: 'pending',
    stripeSessionId: null,
    checkoutUrl: null,
    paymentIntentId: null,
    ticketIds: [],
    refundId: null,
    refundReason: null,
    createdAt: facts.createdAt,
    updatedAt: facts.createdAt,
  };
}

/** Inserts the order; if the same key raced itself and the other request created it, answers as its replay. */
async function createOrReplay(
  deps: TicketingDeps,
  order: OrderState,
  events: PendingEvent[],
  requestHash: string,
): Promise<CheckoutOutcome | null> {
  try {
    await deps.orders.create(order, events);
    return null;
  } catch (error) {
    if (!(error instanceof AggregateAlreadyExistsError)) throw error;
    const raced = await deps.orders.load(order._id);
    if (raced === null) throw error;
    return replay(deps, raced.state, requestHash);
  }
}

/**
 * The payment provider failed on a first try: the order is kept as pending, so a retry with the
 * same key asks Stripe with the same parameters (its idempotency key would refuse others), and
 * the seats go back. If the order exists already, another request with the same key made it:
 * that one's answer (and hold) stands.
 */
async function abandonHold(deps: TicketingDeps, order: OrderState, requestHash: string, error: unknown): Promise<CheckoutOutcome> {
  const raced = await createOrReplay(deps, order, [], requestHash);
  if (raced !== null) return raced;
  deps.logger.warn({ err: error, orderId: order._id }, 'checkout session creation failed; releasing the hold');
  await releaseClaim(deps, { eventId: order.eventId, tierId: order.tierId, orderId: order._id });
  throw ticketingProblems.paymentUnavailable();
}

function orderCreated(order: OrderState): PendingEvent {
  return { type: 'ticketing.order.created', data: { ...orderFacts(order), total: totalOf(order) } };
}

async function replay(deps: TicketingDeps, order: OrderState, requestHash: string): Promise<CheckoutOutcome> {
  if (order.requestHash !== requestHash) throw ticketingProblems.keyReused();
  if (order.status === 'rejected') throw ticketingProblems.soldOut(0);
  if (order.status === 'pending') return { created: false, order: await resumePending(deps, order) };
  // A free order a crash left half-settled: finish it (every step is idempotent).
  if (order.status === 'awaiting_payment' && order.totalMinor === 0) return { created: false, order: await settleFreeOrder(deps, order) };
  return { created: false, order };
}

function sessionExpiryOf(deps: TicketingDeps, createdAt: Date): Date {
  return new Date(createdAt.getTime() + deps.sessionTtlMs);
}

function holdExpiryOf(deps: TicketingDeps, createdAt: Date): Date {
  return new Date(sessionExpiryOf(deps, createdAt).getTime() + HOLD_MARGIN_MS);
}

/** The seats are the order's (placed now, or already by an earlier try): the tier's offer and the claim's time; else the 4xx. */
function heldSeats({ decision, offer, heldSince }: HoldAnswer): { offer: TierOffer; heldSince: Date } {
  if (decision.kind === 'unknown-tier' || offer === undefined) throw ticketingProblems.tierNotFound();
  if (decision.kind === 'not-on-sale') throw ticketingProblems.notOnSale();
  if (decision.kind === 'sold-out') throw ticketingProblems.soldOut(decision.available);
  // Set whenever the decision is placed or already; this only narrows the type.
  if (heldSince === undefined) throw ticketingProblems.soldOut(0);
  return { offer, heldSince };
}

function openSession(deps: TicketingDeps, order: OrderState): Promise<{ sessionId: string; url: string }> {
  return deps.payments.createCheckoutSession({
    orderId: order._id,
    description: `${order.quantity} ticket(s)`,
    unitPriceMinor: order.unitPriceMinor,
    currency: order.currency,
    quantity: order.quantity,
    expiresAt: sessionExpiryOf(deps, order.createdAt),
  });
}

/** Claims an existing order's seats again (idempotent per order); throws the 4xx when they are not to be had. */
async function holdSeats(deps: TicketingDeps, order: OrderState): Promise<void> {
  const hold = await placeHold(deps, {
    eventId: order.eventId,
    tierId: order.tierId,
    orderId: order._id,
    quantity: order.quantity,
    expiresAt: holdExpiryOf(deps, order.createdAt),
  });
  if (hold === 'no-inventory') throw ticketingProblems.tierNotFound();
  heldSeats(hold);
}

/**
 * A retry of an order left pending (the payment provider failed, or a crash in a free order):
 * hold again (idempotent per order) → session (idempotent per order) → awaiting_payment.
 */
async function resumePending(deps: TicketingDeps, order: OrderState): Promise<OrderState> {
  const claim = { eventId: order.eventId, tierId: order.tierId, orderId: order._id };
  try {
    await holdSeats(deps, order);
  } catch (error) {
    // No seats for this retry: the order is closed for good, so the key answers the same from now on.
    await changeOrder(deps, order._id, (current) =>
      current.status === 'pending' ? { changes: { status: 'rejected' }, events: [] } : null,
    );
    throw error;
  }

  // A free order has nothing to pay: Stripe refuses a zero amount, so it is settled here.
  if (order.totalMinor === 0) return settleFreeOrder(deps, order);

  let session: { sessionId: string; url: string };
  try {
    session = await openSession(deps, order);
  } catch (error) {
    // Another replica may have finished this order meanwhile (same key twice): keep its hold then.
    const now = await deps.orders.load(order._id);
    if (now !== null && now.state.status !== 'pending') return now.state;
    deps.logger.warn({ err: error, orderId: order._id }, 'checkout session creation failed; releasing the hold');
    // The order stays pending: a retry with the same key claims seats again; the sweeper expires it otherwise.
    await releaseClaim(deps, claim);
    throw ticketingProblems.paymentUnavailable();
  }

  const updated = await changeOrder(deps, order._id, (current) =>
    current.status === 'pending'
      ? {
          changes: { status: 'awaiting_payment', stripeSessionId: session.sessionId, checkoutUrl: session.url },
          events: [orderCreated(current)],
        }
      : null,
  );
  return updated ?? order;
}

/**
 * Free tiers: the same walk as a paid order (order.created, then the seats sold, the tickets
 * issued and ticket.purchased) without a payment session. Each step is the idempotent one the
 * Stripe webhook uses, so a retry with the same key resumes where a crash stopped it.
 */
async function settleFreeOrder(deps: TicketingDeps, order: OrderState): Promise<OrderState> {
  await changeOrder(deps, order._id, (current) =>
    current.status === 'pending'
      ? {
          changes: { status: 'awaiting_payment' },
          events: [orderCreated(current)],
        }
      : null,
  );
  await completeOrder(deps, { orderId: order._id, sessionId: '', paymentIntentId: null });
  return (await deps.orders.load(order._id))?.state ?? order;
}
