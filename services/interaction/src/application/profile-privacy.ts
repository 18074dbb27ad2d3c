import type { Filter } from 'mongodb';
import type { UserCopy } from '../domain/copies.js';
import type { InteractionDeps } from './deps.js';

/** A member's going list is shown to others only when their profile is known and not private (ADR 0040). */
export async function goingIsPublic(deps: InteractionDeps, userId: string): Promise<boolean> {
  const user = await deps.copies.user(userId);
  return user !== null && !user.deleted && user.role === 'member' && user.privateProfile !== true;
}

/**
 * Keeps privateProfile from user.preferences.changed, guarded by its own version (the snapshot's
 * sourceVersion orders user.created/updated of the same profile aggregate, in any order with this).
 * No copy yet: one is made holding only this; the snapshot fills the rest when it comes.
 */
export async function savePrivacy(deps: InteractionDeps, userId: string, version: number, privateProfile: boolean): Promise<void> {
  if (await deps.ledger.isErased(userId)) return;
  const users = deps.copies.users;
  const updated = await users.updateOne(
    { _id: userId, $or: [{ privacyVersion: { $exists: false } }, { privacyVersion: { $lt: version } }] } as Filter<UserCopy>,
    { $set: { privateProfile, privacyVersion: version } },
  );
  if (updated.matchedCount === 0) {
    await users.insertOne({ _id: userId, sourceVersion: 0, deleted: false, privateProfile, privacyVersion: version }).catch((error: unknown) => {
      if ((error as { code?: number }).code !== 11000) throw error;
    });
  }
  if (await deps.ledger.isErased(userId)) await deps.copies.forgetUser(userId);
}
