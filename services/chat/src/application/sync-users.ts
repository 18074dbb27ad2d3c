import type { ChatDeps } from './deps.js';

export interface UserFacts {
  userId: string;
  version: number;
  displayName: string;
  avatarMediaId: string | null;
}

/** Keeps the local copy; an event older than the copy changes nothing (out-of-order safe). */
export async function upsertUserCopy(deps: ChatDeps, facts: UserFacts): Promise<'applied' | 'stale'> {
  return deps.users.upsertIfNewer(facts.userId, facts.version, {
    displayName: facts.displayName,
    avatarMediaId: facts.avatarMediaId,
    deleted: false,
  });
}

/** A tombstone, versioned like any copy, so a late user.updated cannot bring the user back. */
export async function tombstoneUserCopy(deps: ChatDeps, userId: string, version: number): Promise<'applied' | 'stale'> {
  return deps.users.upsertIfNewer(userId, version, { displayName: null, avatarMediaId: null, deleted: true });
}
