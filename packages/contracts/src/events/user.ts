import { z } from 'zod';
import { defineEvent, id, isoDate, role } from '../catalogue-kit.js';
import { eventCategory } from './event.js';

/** What other services copy about a user (display data only, never credentials). */
export const userSnapshot = z.object({
  userId: id,
  role,
  displayName: z.string().min(1).max(120),
  avatarMediaId: id.nullable(),
});

export const userCreated = defineEvent('user.created', 1, userSnapshot);
export const userUpdated = defineEvent('user.updated', 1, userSnapshot);
export const userDeleted = defineEvent('user.deleted', 1, z.object({ userId: id }));
/**
 * Where a member is reached by mail. Only the notification service consumes it (the mail sender);
 * the copies of `userSnapshot` other services keep never hold an address.
 */
export const userContactChanged = defineEvent(
  'user.contact.changed',
  1,
  z.object({ userId: id, email: z.email().max(254) }),
);

/**
 * A member must confirm an address: the one they signed up with, or the one they are changing to.
 * It carries the link's secret (the user service keeps only its digest), so, like
 * `user.contact.changed`, only the notification service consumes it, to mail the link to `email`.
 */
export const userEmailVerificationRequested = defineEvent(
  'user.email.verification.requested',
  1,
  z.object({
    userId: id,
    email: z.email().max(254),
    /** The secret of the link: 43 base64url characters (32 random bytes). */
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    /** sign-up: the first address; change: a new address, not in use until confirmed. */
    reason: z.enum(['sign-up', 'change']),
    expiresAt: isoDate,
  }),
);

/**
 * What a member wants suggested, and whether their going lists are private (ADR 0040). Private to
 * the platform: the event service keeps it for "For you", the interaction service for the lists.
 */
export const userPreferencesChanged = defineEvent(
  'user.preferences.changed',
  1,
  z.object({
    userId: id,
    categories: z.array(eventCategory).max(20),
    city: z.string().max(120).nullable(),
    privateProfile: z.boolean(),
  }),
);
