import type { PendingEvent } from '@eventonight/platform';
import type { ActiveProfile, EmailChallenge } from './profile.js';

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
  profile.email === null ? [userCreated(profile)] : [userCreated(profile), contactChanged(profile._id, profile.email)];
export const userUpdated = (profile: ActiveProfile): PendingEvent => ({ type: 'user.updated', data: snapshot(profile) });
/** What the member wants suggested and whether their going lists are private: for discovery only (ADR 0040). */
export const preferencesChanged = (profile: ActiveProfile): PendingEvent => ({
  type: 'user.preferences.changed',
  data: { userId: profile._id, categories: profile.preferences.categories, city: profile.city, privateProfile: profile.privateProfile === true },
});
export const userDeleted = (userId: string): PendingEvent => ({ type: 'user.deleted', data: { userId } });

/** Where the member is reached by mail now (for the mail sender only). */
export const contactChanged = (userId: string, email: string): PendingEvent => ({ type: 'user.contact.changed', data: { userId, email } });

/** Mail this confirmation link to the address waiting for it; `token` is the link's secret, kept nowhere else. */
export const emailVerificationRequested = (userId: string, challenge: EmailChallenge, token: string): PendingEvent => ({
  type: 'user.email.verification.requested',
  data: { userId, email: challenge.email, token, reason: challenge.reason, expiresAt: challenge.expiresAt },
});
