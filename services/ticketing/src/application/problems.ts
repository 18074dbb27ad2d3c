import { Problem, problems } from '@eventonight/platform';

/** A 409 with a ticketing-specific problem type (`/problems/sold-out`, …) clients can switch on. */
function conflictOfType(slug: string, title: string, detail: string, extensions: Record<string, unknown> = {}): Problem {
  return new Problem('conflict', detail, { extensions, subtype: { slug, title } });
}

/** What a refused door scan still tells the organizer about the ticket (of its own event). */
export interface DoorFacts {
  ticketId: string;
  tierName: string;
  holderName: string | null;
  /** When the ticket was scanned (ISO 8601); null when it never was. */
  usedAt: string | null;
}

export const ticketingProblems = {
  soldOut: (available: number) =>
    conflictOfType('sold-out', 'Sold out', 'Not enough tickets of this tier remain.', { available }),
  notOnSale: () => conflictOfType('not-on-sale', 'Not on sale', 'Tickets for this event are not on sale.'),
  alreadyUsed: (facts: DoorFacts) =>
    conflictOfType('already-used', 'Ticket already used', 'This ticket was already scanned.', { ...facts }),
  ticketInvalidated: (facts: DoorFacts) =>
    conflictOfType('ticket-invalidated', 'Ticket invalidated', 'This ticket is no longer valid (its order was refunded).', { ...facts }),
  keyReused: () =>
    problems.unprocessable('This Idempotency-Key was already used for a different purchase.', { reason: 'idempotency-key-reused' }),
  eventNotFound: () => problems.notFound('No tickets are known for this event.'),
  tierNotFound: () => problems.notFound('This event has no such ticket tier.'),
  paymentUnavailable: () => problems.serviceUnavailable('The payment provider is unavailable; retry later with the same Idempotency-Key.'),
};
