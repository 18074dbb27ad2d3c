import { z } from 'zod';
import { ticketingInternal } from '@eventonight/contracts';
import type { OrderStatus } from '../domain/order.js';
import type { TicketStatus } from '../domain/ticket.js';
import { cursorParam, decodeTimeCursor, opaqueId, pageLimitParam, queryInteger } from '@eventonight/platform';

/** The ids this platform issues (UUIDs, `ord_…`, `tkt_…`): ASCII letters, digits, `_` and `-`. */

export const eventParams = z.strictObject({ eventId: opaqueId('is not an event id') });

/**
 * The client's key for one purchase (IETF Idempotency-Key draft: printable ASCII). The regex is
 * the whole rule, so the document states it exactly.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

export const checkoutHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN, 'must be 8–200 printable ASCII characters (0x21–0x7E, no space)')
    .meta({
      description:
        'Required. Chosen by the client, one per purchase: 8 to 200 printable ASCII characters, ' +
        'U+0021 `!` to U+007E `~` (no space, no control character, nothing beyond ASCII), e.g. a UUID. ' +
        'It is case-sensitive and scoped to the caller. The same key with the same `eventId`, ' +
        '`tierId` and `quantity` answers the same order again (200, never a second hold or charge), ' +
        'also after a failed try; the same key with a different purchase is 422 `unprocessable` ' +
        '(`reason: "idempotency-key-reused"`).',
    }),
});

export const checkoutBody = z.strictObject({
  eventId: opaqueId('is not an event id'),
  tierId: opaqueId('is not a tier id'),
  quantity: z.int().min(1).max(10),
});

export const money = z.object({ amountMinor: z.number().int().nonnegative(), currency: z.string() });

const orderStatus = z.enum(['pending', 'awaiting_payment', 'paid', 'expired', 'rejected', 'refund_pending', 'refunded'] satisfies OrderStatus[]);
const ticketStatus = z.enum(['valid', 'used', 'invalidated'] satisfies TicketStatus[]);

export const checkoutResponse = z.object({
  orderId: z.string(),
  status: orderStatus,
  checkoutUrl: z.string().nullable(),
});

export const orderView = z.object({
  orderId: z.string(),
  eventId: z.string(),
  tierId: z.string(),
  quantity: z.number().int(),
  total: money,
  status: orderStatus,
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
  code: z.string().describe('The QR payload; empty once the ticket can no longer get anyone in (used or invalidated).'),
  status: ticketStatus,
  issuedAt: z.string(),
  usedAt: z.string().nullable(),
});

/** Every list's cursor: the `nextCursor` of its previous page; any other string is 422. */
const cursor = cursorParam(decodeTimeCursor, 600);

export const listQuery = z.strictObject({
  limit: pageLimitParam.optional().meta({ description: 'Page size, 1–100 (default 20).' }),
  cursor: cursor.optional(),
});

export const pageOfOrders = z.object({ items: z.array(orderView), nextCursor: z.string().nullable() });
export const pageOfTickets = z.object({ items: z.array(ticketView), nextCursor: z.string().nullable() });

/** The ticket's code as its QR carries it (base64url); one of another shape is no ticket's. */
export const validateBody = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'is not a ticket code (base64url, at most 200 characters)'),
  /** The door device (ADR 0038), recorded with the check-in. */
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"').optional(),
  deviceName: z.string().min(1).max(60).optional(),
});
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
  /** Who let the guest in (ADR 0038), and on which device (null when none was named). */
  checkedInByName: z.string(),
  deviceName: z.string().nullable(),
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
  status: ticketStatus,
  issuedAt: z.string(),
  usedAt: z.string().nullable(),
});
export const pageOfAttendees = z.object({ items: z.array(attendeeView), nextCursor: z.string().nullable() });
export const attendeesQuery = z.strictObject({
  limit: queryInteger(1, 200).optional().meta({ description: 'Page size, 1–200 (default 100).' }),
  cursor: cursor.optional(),
});

export const internalTiersBody = ticketingInternal.upsertEventTiers.body.strict();
export const internalTiersResponse = z.object({ outcome: z.enum(['opened', 'unchanged']) });

export const webhookResponse = z.object({ received: z.literal(true), duplicate: z.boolean() });

/**
 * Stripe's signature of the body (`t=<unix time>,v1=<hex HMAC-SHA256>`, possibly more `v1=`/`v0=`
 * elements). Only its check on the exact bytes decides; the schema bounds it to what a header can be.
 */
export const stripeHeaders = z.object({
  'stripe-signature': z
    .string()
    .regex(/^[\x21-\x7e]{1,4096}$/, 'must be 1–4096 printable ASCII characters')
    .meta({
      description:
        "Required: Stripe's signature of the raw body, `t=<unix time>,v1=<HMAC-SHA256 in hex>` " +
        '(more `v1=` elements while a secret is rolled), made with the endpoint secret. A missing or ' +
        'malformed header is 400 `validation`; one that does not sign these exact bytes with the ' +
        'secret, or is older than 5 minutes, is 400 `stripe-signature-invalid`.',
    }),
});

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
      salesClosed: z.boolean().describe('The organizer closed sales of this tier'),
      waiting: z.int().describe('Members on its waiting list (in line or holding an offer)'),
    }),
  ),
  refundableUntil: z.string().nullable().describe('Members may ask for a refund until then (ISO 8601); null: no refunds'),
});

export const orderParams = z.strictObject({ orderId: opaqueId('is not an order id') });

/** The secret part of a feed's address: 32 random bytes in base64url (43 characters). */
export const calendarFeedParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a calendar feed token (43 base64url characters)'),
});

export const calendarFeedStatus = z.object({
  /** The member's feed, or null when they have none (never made, or stopped). */
  feed: z.object({ createdAt: z.string() }).nullable(),
});

export const newCalendarFeed = z.object({
  url: z.string().describe('The feed\'s address, for a calendar app ("subscribe by URL"). Shown only now: only a digest of its secret is kept.'),
  createdAt: z.string(),
});
