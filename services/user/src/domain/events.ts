import type { PendingEvent } from '@eventonight/platform';
import type { ActiveProfile } from './profile.js';

/** The display data other services copy (packages/contracts userSnapshot). */
function snapshot(profile: ActiveProfile) {
  return {
    userId: profile._id,
    role: profile.role,
    displayName: profile.displayName,
    avatarMediaId: profile.avatarMediaId,
  };
}

export const userCreated = (profile: ActiveProfile): PendingEvent => ({ type: 'user.created', data: snapshot(profile) });

/** A new profile's events: its snapshot for everyone, and its address for the mail sender only. */
export const profileCreated = (profile: ActiveProfile): PendingEvent[] =>
  profile.email === null ? [userCreated(profile)] : [userCreated(profile), { type: 'user.contact.changed', data: { userId: profile._id, email: profile.email } }];
export const userUpdated = (profile: ActiveProfile): PendingEvent => ({ type: 'user.updated', data: snapshot(profile) });
export const userDeleted = (userId: string): PendingEvent => ({ type: 'user.deleted', data: { userId } });
