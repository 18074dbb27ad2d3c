import type { IndexDescription } from 'mongodb';

/** Door staff invitations and memberships, one document per (event, invitation) (ADR 0038). */
export const DOOR_STAFF_COLLECTION = 'door_staff';

export const doorStaffIndexes: IndexDescription[] = [
  // The organizer's list of an event's staff; the door's check of a scanner.
  { key: { eventId: 1, memberId: 1 }, name: 'event_member' },
  // A member's invitations, found by the email their token carries.
  { key: { email: 1 }, name: 'email' },
  { key: { memberId: 1 }, name: 'member' },
];
