import { problemOf, problemSubtype, problems, type Principal } from '@eventonight/platform';
import { newDoorStaffId, nameOfPrincipal, normalizeEmail, type CheckedInBy, type DoorStaffState } from '../domain/door-staff.js';
import type { InventoryState } from '../domain/inventory.js';
import type { TicketingDeps } from './deps.js';
import { holderNamesOf } from './holder-names.js';
import { ticketingProblems } from './problems.js';

/** The name the platform knows the person by (ticketing's copy from user.* events), else the token's. */
async function personName(deps: TicketingDeps, principal: Principal): Promise<string> {
  const copied = (await holderNamesOf(deps, [principal.userId])).get(principal.userId) ?? null;
  return copied ?? nameOfPrincipal(principal);
}

/** Accepting an invitation needs a confirmed address: an unconfirmed one proves nothing (ADR 0038). A kind of 403. */
export const doorEmailNotVerified = problemSubtype('forbidden', 'door-email-not-verified', 'Email address not confirmed');

export const doorStaffProblems = {
  emailNotVerified: () =>
    problemOf(
      doorEmailNotVerified,
      'Confirm your email address before accepting a door invitation: open the link we mailed you, or ask for a new one from your profile.',
    ),
  invitationNotFound: () => problems.notFound('There is no such door invitation for you.'),
  staffNotFound: () => problems.notFound('This event has no such door staff member.'),
  notOrganizer: () => problems.forbidden('Only the event organizer manages its door staff.'),
  notAtThisDoor: () => problems.forbidden('Only the event organizer and its door staff check tickets in at this door.'),
  invitationRevoked: () => problems.conflict('The organizer withdrew this invitation.'),
};

async function organizersInventory(deps: TicketingDeps, principal: Principal, eventId: string): Promise<InventoryState> {
  const inventory = await deps.inventories.load(eventId);
  if (inventory === null) throw ticketingProblems.eventNotFound();
  if (inventory.state.organizerId !== principal.userId) throw doorStaffProblems.notOrganizer();
  return inventory.state;
}

export interface DoorStaffMember extends DoorStaffState {
  /** Tickets this member let in (accepted staff; 0 otherwise). */
  checkIns: number;
}

export interface DoorStaffList {
  staff: DoorStaffMember[];
  /** Check-ins the organizer made themself, and those made before door staff existed (no scanner recorded). */
  organizerCheckIns: number;
  unattributedCheckIns: number;
}

/**
 * The organizer invites an email address to the door of one of their events. Inviting an address
 * that already has an open (invited or accepted) place answers that place again: idempotent.
 */
export async function inviteDoorStaff(
  deps: TicketingDeps,
  principal: Principal,
  input: { eventId: string; email: string },
): Promise<{ created: boolean; staff: DoorStaffState }> {
  await organizersInventory(deps, principal, input.eventId);
  const email = normalizeEmail(input.email);
  const open = (await deps.doorStaff.collection.find({ eventId: input.eventId, email }, { projection: { outbox: 0 } }).toArray()).find(
    (staff) => staff.status !== 'revoked',
  );
  if (open !== undefined) return { created: false, staff: stripped(open) };
  const staff: DoorStaffState = {
    _id: newDoorStaffId(),
    eventId: input.eventId,
    organizerId: principal.userId,
    email,
    status: 'invited',
    memberId: null,
    memberName: null,
    invitedAt: deps.clock(),
    acceptedAt: null,
    revokedAt: null,
  };
  await deps.doorStaff.create(staff, []);
  return { created: true, staff };
}

function stripped(document: DoorStaffState & Record<string, unknown>): DoorStaffState {
  const { _id, eventId, organizerId, email, status, memberId, memberName, invitedAt, acceptedAt, revokedAt } = document;
  return { _id, eventId, organizerId, email, status, memberId, memberName, invitedAt, acceptedAt, revokedAt };
}

/** The event's staff (revoked included, newest first) and who let how many in. Organizer only. */
export async function listDoorStaff(deps: TicketingDeps, principal: Principal, eventId: string): Promise<DoorStaffList> {
  await organizersInventory(deps, principal, eventId);
  const all = (await deps.doorStaff.collection.find({ eventId }, { projection: { outbox: 0 } }).limit(500).toArray()).map(stripped);
  all.sort((a, b) => b.invitedAt.getTime() - a.invitedAt.getTime() || (a._id < b._id ? 1 : -1));
  const count = (checkedInById: string | null) => deps.tickets.collection.countDocuments({ eventId, status: 'used', checkedInById });
  const staff = await Promise.all(
    all.map(async (member) => ({ ...member, checkIns: member.memberId === null ? 0 : await count(member.memberId) })),
  );
  const [organizerCheckIns, used, attributed] = await Promise.all([
    count(principal.userId),
    deps.tickets.collection.countDocuments({ eventId, status: 'used' }),
    deps.tickets.collection.countDocuments({ eventId, status: 'used', checkedInById: { $type: 'string' } }),
  ]);
  return { staff, organizerCheckIns, unattributedCheckIns: Math.max(0, used - attributed) };
}

/** Revoked at once: the next scan or sync of this member is refused. Idempotent. */
export async function revokeDoorStaff(deps: TicketingDeps, principal: Principal, input: { eventId: string; staffId: string }): Promise<void> {
  await organizersInventory(deps, principal, input.eventId);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const loaded = await deps.doorStaff.load(input.staffId);
    if (loaded === null || loaded.state.eventId !== input.eventId) throw doorStaffProblems.staffNotFound();
    if (loaded.state.status === 'revoked') return;
    try {
      await deps.doorStaff.update(input.staffId, loaded.version, { status: 'revoked', revokedAt: deps.clock() }, []);
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

export interface MyDoorPlace extends DoorStaffState {
  eventTitle: string;
  startsAt: Date | null;
}

/**
 * The door places of the caller: open invitations to the confirmed email address in their token,
 * and the events they already staff. An unconfirmed address sees no invitation (ADR 0038).
 */
export async function myDoorPlaces(deps: TicketingDeps, principal: Principal): Promise<MyDoorPlace[]> {
  const found: DoorStaffState[] = [];
  if (principal.email !== undefined && principal.emailVerified === true) {
    const invited = await deps.doorStaff.collection.find({ email: normalizeEmail(principal.email) }, { projection: { outbox: 0 } }).limit(200).toArray();
    found.push(...invited.map(stripped).filter((staff) => staff.status === 'invited'));
  }
  const accepted = await deps.doorStaff.collection.find({ memberId: principal.userId }, { projection: { outbox: 0 } }).limit(200).toArray();
  found.push(...accepted.map(stripped).filter((staff) => staff.status === 'accepted'));
  const places = await Promise.all(
    found.map(async (staff) => {
      const inventory = await deps.inventories.load(staff.eventId);
      return { ...staff, eventTitle: inventory?.state.title ?? '', startsAt: inventory?.state.startsAt ?? null };
    }),
  );
  return places.sort((a, b) => b.invitedAt.getTime() - a.invitedAt.getTime());
}

/**
 * The member whose token carries the invited address, confirmed, accepts; anyone else gets 403
 * (also when the address matches but is not confirmed: 403 `door-email-not-verified`), and a
 * stranger cannot tell whether the invitation exists. Accepting twice is harmless.
 */
export async function acceptDoorInvitation(deps: TicketingDeps, principal: Principal, invitationId: string): Promise<DoorStaffState> {
  for (let attempt = 0; ; attempt += 1) {
    const loaded = await deps.doorStaff.load(invitationId);
    if (loaded === null) throw doorStaffProblems.invitationNotFound();
    const staff = loaded.state;
    if (staff.status === 'accepted' && staff.memberId === principal.userId) return staff;
    const emailMatches = principal.email !== undefined && normalizeEmail(principal.email) === staff.email;
    if (!emailMatches || (staff.status === 'accepted' && staff.memberId !== principal.userId)) {
      throw problems.forbidden('This door invitation was sent to another email address than the one you signed in with.');
    }
    if (principal.emailVerified !== true) throw doorStaffProblems.emailNotVerified();
    if (staff.status === 'revoked') throw doorStaffProblems.invitationRevoked();
    const accepted = { status: 'accepted' as const, memberId: principal.userId, memberName: await personName(deps, principal), acceptedAt: deps.clock() };
    try {
      await deps.doorStaff.update(invitationId, loaded.version, accepted, []);
      return { ...staff, ...accepted };
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

/** Who may check tickets in at this event's door: its organizer, or its accepted (not revoked) staff. */
export async function doorScanner(deps: TicketingDeps, principal: Principal, eventId: string): Promise<{ inventory: InventoryState; scanner: CheckedInBy }> {
  const inventory = await deps.inventories.load(eventId);
  if (inventory === null) throw ticketingProblems.eventNotFound();
  if (inventory.state.organizerId === principal.userId) return { inventory: inventory.state, scanner: { userId: principal.userId, name: await personName(deps, principal) } };
  const places = await deps.doorStaff.collection.find({ eventId, memberId: principal.userId }, { projection: { outbox: 0 } }).toArray();
  const place = places.find((staff) => staff.status === 'accepted');
  if (place === undefined) throw doorStaffProblems.notAtThisDoor();
  return { inventory: inventory.state, scanner: { userId: principal.userId, name: place.memberName ?? (await personName(deps, principal)) } };
}
