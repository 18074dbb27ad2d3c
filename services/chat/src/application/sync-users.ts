import type { ChatDeps } from './deps.js';

export interface UserFacts {
  userId: string;
  version: number;
  displayName: string;
  avatarMediaId: string | null;
}

/**
 * Keeps the local copy; an event older than the copy changes nothing (out-of-order safe), and
 * nothing is written for an erased user (ADR 0027): a late or replayed user.created/updated
 * must not bring their name back. The second check covers an erasure that ran in between.
 */
export async function upsertUserCopy(deps: ChatDeps, facts: UserFacts): Promise<'applied' | 'stale' | 'erased'> {
  if (await deps.ledger.isErased(facts.userId)) return 'erased';
  const outcome = await deps.users.upsertIfNewer(facts.userId, facts.version, {
    displayName: facts.displayName,
    avatarMediaId: facts.avatarMediaId,
    deleted: false,
  });
  if (await deps.ledger.isErased(facts.userId)) {
    await deps.users.collection.deleteOne({ _id: facts.userId });
    return 'erased';
  }
  return outcome;
}
