import { problems, retryOnVersionConflict, type Principal } from '@eventonight/platform';
import { newTicketCode, type TicketState } from '../domain/ticket.js';
import type { TicketingDeps } from './deps.js';
import { ticketingProblems } from './problems.js';

export const transferProblems = {
  notYours: () => problems.notFound('No such ticket of yours.'),
  notValid: (status: string) =>
    problems.conflict(status === 'used' ? 'This ticket was already used at the door; it cannot be given away.' : 'This ticket is no longer valid; it cannot be given away.'),
  toSelf: () => problems.unprocessable('You already hold this ticket: choose another member.', { reason: 'transfer-to-self' }),
  unknownRecipient: () =>
    problems.unprocessable('No member with this id is known: ask them for the member id shown on their My tickets page.', { reason: 'unknown-recipient' }),
};

/**
 * A member gives a valid ticket to another member (by member id, ADR 0039). One guarded write of the
 * ticket: the new holder and a NEW door code, with `ticketing.ticket.transferred` in its outbox. The
 * door looks tickets up by code, so the old code is refused from that write on.
 */
export async function transferTicket(
  deps: TicketingDeps,
  principal: Principal,
  input: { ticketId: string; recipientId: string },
): Promise<TicketState> {
  await deps.ledger.refuseErased(principal.userId);
  // Someone else's ticket is not found, whatever the recipient (BOLA).
  const owned = await deps.tickets.load(input.ticketId);
  if (owned === null || owned.state.holderId !== principal.userId) throw transferProblems.notYours();
  if (input.recipientId === principal.userId) throw transferProblems.toSelf();
  const recipient = await deps.users.find(input.recipientId);
  if (recipient === null || recipient.deleted || (await deps.ledger.isErased(input.recipientId))) throw transferProblems.unknownRecipient();
  const event = await deps.inventories.load(owned.state.eventId);
  if (event === null) throw ticketingProblems.eventNotFound();
  return retryOnVersionConflict(5, async () => {
    const loaded = await deps.tickets.load(input.ticketId);
    if (loaded === null || loaded.state.holderId !== principal.userId) throw transferProblems.notYours();
    const ticket = loaded.state;
    if (ticket.status !== 'valid') throw transferProblems.notValid(ticket.status);
    const changes = { holderId: input.recipientId, code: newTicketCode() };
    await deps.tickets.update(ticket._id, loaded.version, changes, [
      {
        type: 'ticketing.ticket.transferred',
        data: {
          ticketId: ticket._id,
          eventId: ticket.eventId,
          tierId: ticket.tierId,
          fromId: principal.userId,
          toId: input.recipientId,
          eventTitle: event.state.title,
        },
      },
    ]);
    return { ...ticket, ...changes };
  });
}
