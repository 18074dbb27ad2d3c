import { Problem, problems } from '@eventonight/platform';

/** A 409 with a ticketing-specific problem type (`/problems/sold-out`, …) clients can switch on. */
function conflictOfType(slug: string, title: string, detail: string, extensions: Record<string, unknown> = {}): Problem {
  return new Problem('conflict', detail, { extensions, subtype: { slug, title } });
}

export const ticketingProblems = {
  soldOut: (available: number) =>
    conflictOfType('sold-out', 'Sold out', 'Not enough tickets of this tier remain.', { available }),
  notOnSale: () => conflictOfType('not-on-sale', 'Not on sale', 'Tickets for this event are not on sale.'),
  alreadyUsed: () => conflictOfType('already-used', 'Ticket already used', 'This ticket was already scanned.'),
  ticketInvalidated: () => conflictOfType('ticket-invalidated', 'Ticket invalidated', 'This ticket is no longer valid.'),
  keyReused: () =>
    problems.unprocessable('This Idempotency-Key was already used for a different purchase.', { reason: 'idempotency-key-reused' }),
  eventNotFound: () => problems.notFound('No tickets are known for this event.'),
  tierNotFound: () => problems.notFound('This event has no such ticket tier.'),
  paymentUnavailable: () => problems.serviceUnavailable('The payment provider is unavailable; retry later with the same Idempotency-Key.'),
};
