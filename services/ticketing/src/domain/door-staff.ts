import { createHash, randomUUID } from 'node:crypto';

/**
 * A member the organizer asked to scan tickets at the door of ONE event (ADR 0038). The
 * invitation names an email address; the member whose token carries that address, confirmed,
 * accepts it and becomes staff of that event only. Revoked is final: a new invitation is a new
 * document.
 */
export type DoorStaffStatus = 'invited' | 'accepted' | 'revoked';

export interface DoorStaffState {
  _id: string;
  eventId: string;
  organizerId: string;
  /** Lower-cased; compared with the token's `email` claim. */
  email: string;
  status: DoorStaffStatus;
  /** Set when accepted: the member's id and the name their token carried then. */
  memberId: string | null;
  memberName: string | null;
  invitedAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export function newDoorStaffId(): string {
  return `dst_${randomUUID()}`;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Who let a ticket in: the organizer or a staff member, by id and the name shown then. */
export interface CheckedInBy {
  userId: string;
  name: string;
}

/**
 * What the offline door list holds instead of a ticket's code: SHA-256 over `<eventId>:<code>`,
 * base64url. The codes are 256 random bits, so the digest cannot be turned back into a code (the
 * list cannot mint a ticket), and the event id keeps a digest from matching another event's list.
 */
export function doorCodeHash(eventId: string, code: string): string {
  return createHash('sha256').update(`${eventId}:${code}`, 'utf8').digest('base64url');
}

/** "Ada Lovelace" → "A. L.": enough for the door to ask a name, too little to list the guests. */
export function initialsOf(name: string | null): string | null {
  if (name === null) return null;
  const letters = name
    .split(/\s+/)
    .filter((part) => part !== '')
    .slice(0, 3)
    .map((part) => `${[...part][0]?.toUpperCase() ?? ''}.`);
  return letters.length === 0 ? null : letters.join(' ');
}

/** A person's name as a token gives it, for the check-in record. */
export function nameOfPrincipal(principal: { displayName?: string; username?: string; email?: string; userId: string }): string {
  return principal.displayName ?? principal.username ?? principal.email ?? principal.userId;
}
