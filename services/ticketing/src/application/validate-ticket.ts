import { VersionConflictError, problems, type Principal } from '@eventonight/platform';
import type { TicketState } from '../domain/ticket.js';
import type { TicketingDeps } from './deps.js';
import { ticketingProblems } from './problems.js';

/**
 * At the door: only the event's organizer scans; a ticket is valid once. A ticket of another
 * event is "not found" here, so a scanner learns nothing about other events' tickets.
 */
export async function validateTicket(deps: TicketingDeps, principal: Principal, input: { eventId: string; code: string }): Promise<TicketState> {
  const inventory = await deps.inventories.load(input.eventId);
  if (inventory === null) throw ticketingProblems.eventNotFound();
  if (inventory.state.organizerId !== principal.userId) throw problems.forbidden('Only the event organizer validates its tickets.');

  const found = await deps.tickets.collection.findOne({ code: input.code }, { projection: { _id: 1 } });
  if (found === null) throw problems.notFound('No ticket of this event has this code.');
  const loaded = await deps.tickets.load(found._id);
  if (loaded === null || loaded.state.eventId !== input.eventId) throw problems.notFound('No ticket of this event has this code.');
  const ticket = loaded.state;
  if (ticket.status === 'used') throw ticketingProblems.alreadyUsed();
  if (ticket.status === 'invalidated') throw ticketingProblems.ticketInvalidated();

  const usedAt = deps.clock();
  try {
    await deps.tickets.update(ticket._id, loaded.version, { status: 'used', usedAt }, [
      {
        type: 'ticketing.ticket.validated',
        data: { ticketId: ticket._id, eventId: ticket.eventId, holderId: ticket.holderId, validatedBy: principal.userId },
      },
    ]);
  } catch (error) {
    // Two scanners at once: exactly one wins; the other sees a used (or invalidated) ticket.
    if (error instanceof VersionConflictError) throw ticketingProblems.alreadyUsed();
    throw error;
  }
  return { ...ticket, status: 'used', usedAt };
}
