import { VersionConflictError, problems, type Principal } from '@eventonight/platform';
import type { CheckedInBy } from '../domain/door-staff.js';
import { doorScanner } from './door-staff.js';
import { doorHoursOf, doorOpen } from '../domain/inventory.js';
import type { TicketState } from '../domain/ticket.js';
import type { TicketingDeps } from './deps.js';
import { holderNamesOf } from './holder-names.js';
import { ticketingProblems, type DoorFacts } from './problems.js';

/** A ticket let in, with what the person at the door reads aloud: tier and holder's name. */
export interface ValidatedTicket {
  ticket: TicketState & { usedAt: Date };
  tierName: string;
  holderName: string | null;
  /** Who let the guest in (the organizer or a door staff member, ADR 0038). */
  checkedInBy: CheckedInBy;
}

/**
 * At the door: only the event's organizer and its accepted door staff scan (ADR 0038); a ticket is valid once, while the doors are open
 * (from a few hours before the start as it is now, until the end). A ticket of another
 * event is "not found" here, so a scanner learns nothing about other events' tickets. A refused
 * ticket of this event still names its tier and holder (and when it was used), so the person at
 * the door can tell a second scan of the same guest from a copied code.
 */
export async function validateTicket(
  deps: TicketingDeps,
  principal: Principal,
  input: { eventId: string; code: string; deviceId?: string | undefined; deviceName?: string | undefined },
): Promise<ValidatedTicket> {
  const { inventory: state, scanner } = await doorScanner(deps, principal, input.eventId);
  const inventory = { state };

  const found = await deps.tickets.collection.findOne({ code: input.code }, { projection: { _id: 1 } });
  if (found === null) throw problems.notFound('No ticket of this event has this code.');
  const loaded = await deps.tickets.load(found._id);
  if (loaded === null || loaded.state.eventId !== input.eventId) throw problems.notFound('No ticket of this event has this code.');
  const ticket = loaded.state;
  const tierName = inventory.state.tiers.find((tier) => tier.tierId === ticket.tierId)?.name ?? '';
  const holderName = (await holderNamesOf(deps, [ticket.holderId])).get(ticket.holderId) ?? null;
  const facts = (usedAt: Date | null, by?: Pick<TicketState, 'checkedInByName' | 'deviceName'>): DoorFacts => ({
    ticketId: ticket._id,
    tierName,
    holderName,
    usedAt: usedAt?.toISOString() ?? null,
    checkedInByName: by?.checkedInByName ?? null,
    deviceName: by?.deviceName ?? null,
  });
  if (ticket.status === 'used') throw ticketingProblems.alreadyUsed(facts(ticket.usedAt, ticket));
  if (ticket.status === 'invalidated') throw ticketingProblems.ticketInvalidated(facts(null));

  const usedAt = deps.clock();
  if (!doorOpen(inventory.state, usedAt)) {
    const { opensAt, closesAt } = doorHoursOf(inventory.state);
    throw ticketingProblems.doorClosed({
      ticketId: ticket._id,
      tierName,
      holderName,
      startsAt: inventory.state.startsAt.toISOString(),
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    });
  }
  try {
    const checkIn = {
      status: 'used' as const,
      usedAt,
      checkedInById: scanner.userId,
      checkedInByName: scanner.name,
      deviceId: input.deviceId ?? null,
      deviceName: input.deviceName ?? null,
    };
    await deps.tickets.update(ticket._id, loaded.version, checkIn, [
      {
        type: 'ticketing.ticket.validated',
        data: { ticketId: ticket._id, eventId: ticket.eventId, holderId: ticket.holderId, validatedBy: principal.userId },
      },
    ]);
  } catch (error) {
    // Two scanners at once: exactly one wins; the other sees a used (or invalidated) ticket.
    if (error instanceof VersionConflictError) {
      const now = await deps.tickets.load(ticket._id);
      if (now?.state.status === 'invalidated') throw ticketingProblems.ticketInvalidated(facts(null));
      throw ticketingProblems.alreadyUsed(facts(now?.state.usedAt ?? null, now?.state));
    }
    throw error;
  }
  return { ticket: { ...ticket, status: 'used', usedAt }, tierName, holderName, checkedInBy: scanner };
}
