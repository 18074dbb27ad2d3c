import { VersionConflictError, type Principal, type TimeCursor } from '@eventonight/platform';
import { doorCodeHash, initialsOf, type CheckedInBy } from '../domain/door-staff.js';
import { doorOpen, type InventoryState } from '../domain/inventory.js';
import type { TicketState } from '../domain/ticket.js';
import { pageOf } from '../persistence/lists.js';
import type { TicketingDeps } from './deps.js';
import { doorScanner } from './door-staff.js';
import { holderNamesOf } from './holder-names.js';

/** One line of the offline door list: never the code, only its digest (ADR 0038). */
export interface DoorListEntry {
  ticketId: string;
  codeHash: string;
  tierName: string;
  holderInitials: string | null;
  status: TicketState['status'];
  usedAt: Date | null;
  checkedInByName: string | null;
  deviceName: string | null;
}

/** A page of the event's check-in list, for the door's offline copy. Organizer and its door staff. */
export async function doorListOf(
  deps: TicketingDeps,
  principal: Principal,
  input: { eventId: string; limit: number; cursor: TimeCursor | undefined },
): Promise<{ items: DoorListEntry[]; nextCursor: string | null }> {
  const { inventory } = await doorScanner(deps, principal, input.eventId);
  const page = await pageOf(deps.tickets.collection, { ownerField: 'eventId', ownerId: input.eventId, dateField: 'issuedAt', limit: input.limit, cursor: input.cursor });
  const names = await holderNamesOf(deps, page.items.map((ticket) => ticket.holderId));
  const tierNames = new Map(inventory.tiers.map((tier) => [tier.tierId, tier.name]));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((ticket) => ({
      ticketId: ticket._id,
      codeHash: doorCodeHash(input.eventId, ticket.code),
      tierName: tierNames.get(ticket.tierId) ?? '',
      holderInitials: initialsOf(names.get(ticket.holderId) ?? null),
      status: ticket.status,
      usedAt: ticket.usedAt,
      checkedInByName: ticket.checkedInByName ?? null,
      deviceName: ticket.deviceName ?? null,
    })),
  };
}

export interface SyncEntry {
  ticketId?: string | undefined;
  code?: string | undefined;
  scannedAt: Date;
}

export type SyncOutcome = 'checked-in' | 'already-used' | 'invalidated' | 'not-found' | 'door-closed';

export interface SyncResult {
  index: number;
  ticketId: string | null;
  outcome: SyncOutcome;
  /** The ticket's check-in as it stands after this entry (the first scan wins). */
  usedAt: Date | null;
  checkedInByName: string | null;
  deviceId: string | null;
  deviceName: string | null;
  tierName: string | null;
  holderName: string | null;
}

/** A scan reported later than this after it happened is still taken; one from the future is clamped to now. */
const FUTURE_SLACK_MS = 60_000;

/**
 * A device's queued check-ins, merged: per ticket the earliest `scannedAt` is THE check-in (one
 * per ticket, whatever the number of devices that admitted it offline). An entry that is that
 * check-in answers `checked-in` (also on a replay: replaying a batch changes nothing); any later
 * one answers `already-used` with when, by whom and on which device. An earlier scan than the
 * recorded one takes its place (first scan wins); its `ticketing.ticket.validated` was published
 * once, by the first write.
 */
export async function syncCheckIns(
  deps: TicketingDeps,
  principal: Principal,
  input: { eventId: string; deviceId: string; deviceName: string; entries: SyncEntry[] },
): Promise<SyncResult[]> {
  const { inventory, scanner } = await doorScanner(deps, principal, input.eventId);
  const results: SyncResult[] = [];
  const now = deps.clock();
  for (const [index, entry] of input.entries.entries()) {
    const scannedAt = entry.scannedAt.getTime() > now.getTime() + FUTURE_SLACK_MS ? now : entry.scannedAt;
    results.push(await mergeOne(deps, inventory, scanner, { ...input, index, entry, scannedAt }));
  }
  return results;
}

async function findTicket(deps: TicketingDeps, eventId: string, entry: SyncEntry) {
  let id = entry.ticketId;
  if (id === undefined && entry.code !== undefined) {
    const found = await deps.tickets.collection.findOne({ code: entry.code }, { projection: { _id: 1 } });
    id = found?._id;
  }
  if (id === undefined) return null;
  const loaded = await deps.tickets.load(id);
  return loaded === null || loaded.state.eventId !== eventId ? null : loaded;
}

async function mergeOne(
  deps: TicketingDeps,
  inventory: InventoryState,
  scanner: CheckedInBy,
  input: { eventId: string; deviceId: string; deviceName: string; index: number; entry: SyncEntry; scannedAt: Date },
): Promise<SyncResult> {
  const empty = { usedAt: null, checkedInByName: null, deviceId: null, deviceName: null, tierName: null, holderName: null };
  for (let attempt = 0; ; attempt += 1) {
    const loaded = await findTicket(deps, input.eventId, input.entry);
    if (loaded === null) return { index: input.index, ticketId: null, outcome: 'not-found', ...empty };
    const ticket = loaded.state;
    const tierName = inventory.tiers.find((tier) => tier.tierId === ticket.tierId)?.name ?? '';
    const holderName = (await holderNamesOf(deps, [ticket.holderId])).get(ticket.holderId) ?? null;
    const answer = (outcome: SyncOutcome, state: Pick<TicketState, 'usedAt' | 'checkedInByName' | 'deviceId' | 'deviceName'>): SyncResult => ({
      index: input.index,
      ticketId: ticket._id,
      outcome,
      usedAt: state.usedAt,
      checkedInByName: state.checkedInByName ?? null,
      deviceId: state.deviceId ?? null,
      deviceName: state.deviceName ?? null,
      tierName,
      holderName,
    });
    if (ticket.status === 'invalidated') return answer('invalidated', { usedAt: null });
    const mine = { status: 'used' as const, usedAt: input.scannedAt, checkedInById: scanner.userId, checkedInByName: scanner.name, deviceId: input.deviceId, deviceName: input.deviceName };
    if (ticket.status === 'used' && ticket.usedAt !== null) {
      const same = ticket.deviceId === input.deviceId && ticket.usedAt.getTime() === input.scannedAt.getTime();
      if (same) return answer('checked-in', ticket);
      if (ticket.usedAt.getTime() <= input.scannedAt.getTime()) return answer('already-used', ticket);
    }
    if (!doorOpen(inventory, input.scannedAt)) return answer('door-closed', { usedAt: ticket.usedAt });
    try {
      // A first check-in publishes the fact; an earlier scan replacing a later one only corrects who and when.
      const events =
        ticket.status === 'valid'
          ? [{ type: 'ticketing.ticket.validated' as const, data: { ticketId: ticket._id, eventId: ticket.eventId, holderId: ticket.holderId, validatedBy: scanner.userId } }]
          : [];
      await deps.tickets.update(ticket._id, loaded.version, mine, events);
      return answer('checked-in', mine);
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= 4) throw error;
    }
  }
}
