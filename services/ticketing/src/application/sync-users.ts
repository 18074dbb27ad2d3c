import type { TicketingDeps } from './deps.js';

export interface UserFacts {
  userId: string;
  version: number;
  displayName: string;
}

/**
 * Keeps the local copy; an event older than the copy changes nothing (out-of-order safe). A user
 * erased here gets no copy again: the ledger is asked before the write, and once more after it,
 * so a copy written while their `user.deleted` ran (which records, then deletes) goes too.
 */
export async function upsertUserCopy(deps: TicketingDeps, facts: UserFacts): Promise<'applied' | 'stale' | 'erased'> {
  if (await deps.ledger.isErased(facts.userId)) return 'erased';
  const outcome = await deps.users.upsertIfNewer(facts.userId, facts.version, { displayName: facts.displayName, deleted: false });
  if (await deps.ledger.isErased(facts.userId)) {
    await deps.users.collection.deleteOne({ _id: facts.userId });
    return 'erased';
  }
  return outcome;
}
