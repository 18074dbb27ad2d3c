import { z } from 'zod';
import { ticketingInternal } from '@eventonight/contracts';

const id = z.string().min(1).max(128);

export const eventParams = z.strictObject({ eventId: id });

/** Printable ASCII, as the IETF Idempotency-Key draft expects; bounded. */
export const checkoutHeaders = z.object({
  'idempotency-key': z.string().regex(/^[\x21-\x7e]{8,200}$/, 'must be 8–200 printable ASCII characters'),
});

export const checkoutBody = z.strictObject({
  eventId: id,
  tierId: id,
  quantity: z.number().int().min(1).max(10),
});

export const money = z.object({ amountMinor: z.number().int().nonnegative(), currency: z.string() });

export const checkoutResponse = z.object({
  orderId: z.string(),
  status: z.string(),
  checkoutUrl: z.string().nullable(),
});

export const orderView = z.object({
  orderId: z.string(),
  eventId: z.string(),
  tierId: z.string(),
  quantity: z.number().int(),
  total: money,
  status: z.string(),
  checkoutUrl: z.string().nullable(),
  /** The Stripe Checkout Session while payment is awaited (Stripe shows it to the buyer too). */
  checkoutSessionId: z.string().nullable(),
  ticketIds: z.array(z.string()),
  createdAt: z.string(),
});

export const ticketView = z.object({
  ticketId: z.string(),
  orderId: z.string(),
  eventId: z.string(),
  tierId: z.string(),
  code: z.string(),
  status: z.string(),
  issuedAt: z.string(),
  usedAt: z.string().nullable(),
});

export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(400).optional(),
});

export const pageOfOrders = z.object({ items: z.array(orderView), nextCursor: z.string().nullable() });
export const pageOfTickets = z.object({ items: z.array(ticketView), nextCursor: z.string().nullable() });

export const validateBody = z.strictObject({ code: z.string().min(1).max(200) });
export const validateResponse = z.object({
  ticketId: z.string(),
  eventId: z.string(),
  tierId: z.string(),
  tierName: z.string(),
  holderId: z.string(),
  /** null when the holder's name is not known here (yet) or the account was deleted. */
  holderName: z.string().nullable(),
  status: z.literal('used'),
  usedAt: z.string(),
});

const tierSalesView = z.object({
  tierId: z.string(),
  name: z.string(),
  priceMinor: z.int(),
  currency: z.string(),
  capacity: z.int(),
  sold: z.int().describe('Seats sold and not refunded'),
  held: z.int().describe('Seats held by checkouts in progress'),
  seatsLeft: z.int(),
  refunded: z.int().describe('Seats sold, then refunded'),
  checkedIn: z.int(),
  revenueMinor: z.int().describe('sold × price, in minor units of currency'),
});

/** The organizer's sales of one event (figures only; no buyer). */
export const salesView = z.object({
  eventId: z.string(),
  title: z.string(),
  onSale: z.boolean(),
  closedReason: z.enum(['cancelled', 'completed']).nullable(),
  tiers: z.array(tierSalesView),
  totals: z.object({
    capacity: z.int(),
    sold: z.int(),
    held: z.int(),
    seatsLeft: z.int(),
    refunded: z.int(),
    checkedIn: z.int(),
  }),
  revenue: z.array(z.object({ currency: z.string(), amountMinor: z.int() })),
});

export const attendeeView = z.object({
  ticketId: z.string(),
  orderId: z.string(),
  tierId: z.string(),
  tierName: z.string(),
  holderId: z.string(),
  holderName: z.string().nullable(),
  status: z.enum(['valid', 'used', 'invalidated']),
  issuedAt: z.string(),
  usedAt: z.string().nullable(),
});
export const pageOfAttendees = z.object({ items: z.array(attendeeView), nextCursor: z.string().nullable() });
export const attendeesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(400).optional(),
});

export const internalTiersBody = ticketingInternal.upsertEventTiers.body.strict();
export const internalTiersResponse = z.object({ outcome: z.enum(['opened', 'unchanged']) });

export const webhookResponse = z.object({ received: z.literal(true), duplicate: z.boolean() });

export const stripeHeaders = z.object({ 'stripe-signature': z.string().min(1).max(4096) });

/** Public: what a buyer sees before choosing (seats left per tier; no claims, no buyers). */
export const availabilityView = z.object({
  eventId: z.string(),
  onSale: z.boolean(),
  tiers: z.array(
    z.object({
      tierId: z.string(),
      name: z.string(),
      priceMinor: z.int(),
      currency: z.string(),
      capacity: z.int(),
      available: z.int(),
    }),
  ),
});

export const orderParams = z.strictObject({ orderId: id });
