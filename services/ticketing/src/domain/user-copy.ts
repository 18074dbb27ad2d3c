/**
 * What ticketing keeps of a person (from user.* events) to name a ticket's holder on the
 * organizer's attendee list and at the door, without calling the user service. Deleted with the
 * account (ADR 0027): the erasure ledger, not a tombstone, keeps a late event from writing it again.
 */
export interface UserCopy {
  _id: string;
  /** aggregateVersion of the last event applied: older events never overwrite newer data. */
  sourceVersion: number;
  displayName: string | null;
  /** Always false now; true only on tombstones written before erasure (removed at start). */
  deleted: boolean;
}

/** How a holder whose account was deleted is named: their ticket stays valid, their name is gone. */
export const DELETED_MEMBER = 'Deleted member';

/**
 * The name shown for a holder: their copy's name, "Deleted member" once they were erased, null
 * when not known here (yet).
 */
export function holderNameOf(copy: UserCopy | undefined | null, erased = false): string | null {
  if (erased) return DELETED_MEMBER;
  if (copy === undefined || copy === null || copy.deleted) return null;
  return copy.displayName;
}
