import { z } from 'zod';
import { defineEvent, id, role } from '../catalogue-kit.js';

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
