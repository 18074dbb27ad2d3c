import { AggregateAlreadyExistsError, type Principal } from '@eventonight/platform';
import { availableOf, findTier, salesOpen } from '../domain/inventory.js';
import { orderIdFor, requestHashOf, type OrderState } from '../domain/order.js';
import type { TicketingDeps } from './deps.js';
import { placeHold, releaseClaim } from './inventory-commands.js';
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
 * Checkout: order (pending) → hold in the inventory → Stripe session → awaiting_payment.
 * The order id is derived from (buyer, Idempotency-Key), so a retry — even after a crash
 * between any two steps — finds the same order and resumes it, and never holds twice.
 */
export function checkout(deps: TicketingDeps, principal: Principal, input: CheckoutInput): Promise<CheckoutOutcome> {
  const orderId = orderIdFor(principal.userId, input.idempotencyKey);
  // Same key twice at once on this replica: one after the other (the second is then a replay).
  return deps.inventoryQueue.run(`order:${orderId}`, () => checkoutOnce(deps, principal, input, orderId));
}

async function checkoutOnce(deps: TicketingDeps, principal: Principal, input: CheckoutInput, orderId: string): Promise<CheckoutOutcome> {
  const requestHash = requestHashOf(input);
  const existing = await deps.orders.load(orderId);
  if (existing !== null) return replay(deps, existing.state, requestHash);

  const inventory = await deps.inventories.load(input.eventId);
  if (inventory === null) throw ticketingProblems.eventNotFound();
  const tier = findTier(inventory.state, input.tierId);
  if (tier === undefined) throw ticketingProblems.tierNotFound();
  const now = deps.clock();
  if (!salesOpen(inventory.state, now)) throw ticketingProblems.notOnSale();
  // A cheap early answer from a read; the hold's guarded write below is what really decides.
  const available = availableOf(tier);
  if (available < input.quantity) throw ticketingProblems.soldOut(available);

  const order: OrderState = {
    _id: orderId,
    buyerId: principal.userId,
    eventId: input.eventId,
    tierId: input.tierId,
    organizerId: inventory.state.organizerId,
    quantity: input.quantity,
    unitPriceMinor: tier.priceMinor,
    totalMinor: tier.priceMinor * input.quantity,
    currency: tier.currency,
    requestHash,
    status: 'pending',
    stripeSessionId: null,
    checkoutUrl: null,
    paymentIntentId: null,
    ticketIds: [],
    refundId: null,
    refundReason: null,
    createdAt: now,
    updatedAt: now,
  };
  // Seats first: a refused buyer costs no write at all. A crash right after the hold leaves a
  // claim without an order, which the sweeper releases after PENDING_ORDER_TIMEOUT_MS.
  await holdSeats(deps, order);
  try {
    await deps.orders.create(order, []);
  } catch (error) {
    if (!(error instanceof AggregateAlreadyExistsError)) throw error;
    // The same key raced itself: the other request created it; continue as a replay.
    const raced = await deps.orders.load(orderId);
    if (raced === null) throw error;
    return replay(deps, raced.state, requestHash);
  }
  return { created: true, order: await resume(deps, order) };
}

async function replay(deps: TicketingDeps, order: OrderState, requestHash: string): Promise<CheckoutOutcome> {
  if (order.requestHash !== requestHash) throw ticketingProblems.keyReused();
  if (order.status === 'rejected') throw ticketingProblems.soldOut(0);
  if (order.status === 'pending') return { created: false, order: await resume(deps, order, true) };
  // A free order a crash left half-settled: finish it (every step is idempotent).
  if (order.status === 'awaiting_payment' && order.totalMinor === 0) return { created: false, order: await settleFreeOrder(deps, order) };
  return { created: false, order };
}

function sessionExpiryOf(deps: TicketingDeps, order: OrderState): Date {
  return new Date(order.createdAt.getTime() + deps.sessionTtlMs);
}

/** Claims the order's seats (idempotent per order); throws the 409 when they are not to be had. */
async function holdSeats(deps: TicketingDeps, order: OrderState): Promise<void> {
  const hold = await placeHold(deps, {
    eventId: order.eventId,
    tierId: order.tierId,
    orderId: order._id,
    quantity: order.quantity,
    expiresAt: new Date(sessionExpiryOf(deps, order).getTime() + HOLD_MARGIN_MS),
  });
  if (hold === 'no-inventory' || hold.kind === 'unknown-tier') throw ticketingProblems.tierNotFound();
  if (hold.kind === 'not-on-sale') throw ticketingProblems.notOnSale();
  if (hold.kind === 'sold-out') throw ticketingProblems.soldOut(hold.available);
}

/** Hold (idempotent per order) → session (idempotent per order) → awaiting_payment. */
async function resume(deps: TicketingDeps, order: OrderState, holdFirst = false): Promise<OrderState> {
  const claim = { eventId: order.eventId, tierId: order.tierId, orderId: order._id };
  const sessionExpiresAt = sessionExpiryOf(deps, order);
  if (holdFirst) {
    try {
      await holdSeats(deps, order);
    } catch (error) {
      // No seats for this retry: the order is closed for good, so the key answers the same from now on.
      await changeOrder(deps, order._id, (current) =>
        current.status === 'pending' ? { changes: { status: 'rejected' }, events: [] } : null,
      );
      throw error;
    }
  }

  // A free order has nothing to pay: Stripe refuses a zero amount, so it is settled here.
  if (order.totalMinor === 0) return settleFreeOrder(deps, order);

  let session: { sessionId: string; url: string };
  try {
    session = await deps.payments.createCheckoutSession({
      orderId: order._id,
      description: `${order.quantity} ticket(s)`,
      unitPriceMinor: order.unitPriceMinor,
      currency: order.currency,
      quantity: order.quantity,
      expiresAt: sessionExpiresAt,
    });
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
          events: [{ type: 'ticketing.order.created', data: { ...orderFacts(current), total: totalOf(current) } }],
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
          events: [{ type: 'ticketing.order.created', data: { ...orderFacts(current), total: totalOf(current) } }],
        }
      : null,
  );
  await completeOrder(deps, { orderId: order._id, sessionId: '', paymentIntentId: null });
  return (await deps.orders.load(order._id))?.state ?? order;
}
