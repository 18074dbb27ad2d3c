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

/** What this service keeps of a user; a deleted user keeps only the tombstone (and its version). */
export interface UserCopy {
  _id: string;
  sourceVersion: number;
  deleted: boolean;
  role?: 'member' | 'organization';
  displayName?: string;
  avatarMediaId?: string | null;
}
