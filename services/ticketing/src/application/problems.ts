import { problemOf, problemSubtype, problems } from '@eventonight/platform';

/**
 * Ticketing's own problem types, each a kind of 409 `conflict` clients can switch on
 * (`/problems/sold-out`, …). The same constants are thrown here and declared by the routes
 * that may answer them, so the OpenAPI document lists exactly what is thrown.
 */
export const soldOut = problemSubtype('conflict', 'sold-out', 'Sold out');
export const notOnSale = problemSubtype('conflict', 'not-on-sale', 'Not on sale');
export const alreadyUsed = problemSubtype('conflict', 'already-used', 'Ticket already used');
export const ticketInvalidated = problemSubtype('conflict', 'ticket-invalidated', 'Ticket invalidated');
export const doorClosed = problemSubtype('conflict', 'door-closed', 'Doors are not open for this event now');
/** Buying needs a confirmed address (ADR 0033): where the tickets and the receipt go. A kind of 403. */
export const emailNotVerified = problemSubtype('forbidden', 'email-not-verified', 'Email address not confirmed');
/** A webhook body Stripe did not sign with this endpoint's secret (or signed too long ago). */
export const stripeSignatureInvalid = problemSubtype('bad-request', 'stripe-signature-invalid', 'Stripe signature not valid');

/** What a refused door scan still tells the organizer about the ticket (of its own event). */
export interface DoorFacts {
  ticketId: string;
  tierName: string;
  holderName: string | null;
  /** When the ticket was scanned (ISO 8601); null when it never was. */
  usedAt: string | null;
  /** Who let it in, and on which device (ADR 0038); null when not recorded. */
  checkedInByName?: string | null;
  deviceName?: string | null;
}

/** When a ticket of this event gets in (ISO 8601): the event's time as it is now. */
export interface DoorHoursFacts {
  ticketId: string;
  tierName: string;
  holderName: string | null;
  startsAt: string;
  opensAt: string;
  closesAt: string;
}

export const ticketingProblems = {
  soldOut: (available: number) => problemOf(soldOut, 'Not enough tickets of this tier remain.', { extensions: { available } }),
  notOnSale: () => problemOf(notOnSale, 'Tickets for this event are not on sale.'),
  emailNotVerified: () =>
    problemOf(emailNotVerified, 'Confirm your email address before buying tickets: open the link we mailed you, or ask for a new one from your profile.'),
  alreadyUsed: (facts: DoorFacts) => problemOf(alreadyUsed, 'This ticket was already scanned.', { extensions: { ...facts } }),
  ticketInvalidated: (facts: DoorFacts) =>
    problemOf(ticketInvalidated, 'This ticket is no longer valid (its order was refunded).', { extensions: { ...facts } }),
  doorClosed: (facts: DoorHoursFacts) =>
    problemOf(doorClosed, `Tickets of this event get in from ${facts.opensAt} until ${facts.closesAt} (UTC); the event starts at ${facts.startsAt}.`, {
      extensions: { ...facts },
    }),
  keyReused: () =>
    problems.unprocessable('This Idempotency-Key was already used for a different purchase.', { reason: 'idempotency-key-reused' }),
  eventNotFound: () => problems.notFound('No tickets are known for this event.'),
  tierNotFound: () => problems.notFound('This event has no such ticket tier.'),
  stripeSignatureInvalid: () => problemOf(stripeSignatureInvalid, 'The Stripe signature is not valid.'),
  paymentUnavailable: () => problems.serviceUnavailable('The payment provider is unavailable; retry later with the same Idempotency-Key.'),
};
