/**
 * What ticketing keeps of a person (from user.* events) to name a ticket's holder on the
 * organizer's attendee list and at the door, without calling the user service.
 */
export interface UserCopy {
  _id: string;
  /** aggregateVersion of the last event applied: older events never overwrite newer data. */
  sourceVersion: number;
  displayName: string | null;
  /** A tombstone: the account was deleted, its name is gone for good. */
  deleted: boolean;
}

/** The name shown for a holder: null when unknown or deleted (the page says which). */
export function holderNameOf(copy: UserCopy | undefined | null): string | null {
  if (copy === undefined || copy === null || copy.deleted) return null;
  return copy.displayName;
}
