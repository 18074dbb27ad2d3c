import type { eventEvents } from '@eventonight/contracts';
import type { z } from 'zod';

export type EventStatus = z.output<typeof eventEvents.eventStatus>;

/** What this service keeps of another service's event (design §2: copied, never fetched). */
export interface EventCopy {
  _id: string;
  sourceVersion: number;
  organizerId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: EventStatus;
}

/**
 * What this service keeps of a user. An erased user has no copy at all (ADR 0027): the erasure
 * ledger, not a tombstone, keeps a late user.updated from bringing it back. `deleted: true` is
 * found only in copies written before that change, which start-up erases.
 */
export interface UserCopy {
  _id: string;
  sourceVersion: number;
  deleted: boolean;
  role?: 'member' | 'organization';
  displayName?: string;
  avatarMediaId?: string | null;
  /** A private profile's going list is its owner's alone (ADR 0040; user.preferences.changed). */
  privateProfile?: boolean;
  /** The version of the user.preferences.changed that set privateProfile. */
  privacyVersion?: number;
}
