import type { TicketingDeps } from './deps.js';

export interface UserFacts {
  userId: string;
  version: number;
  displayName: string;
}

/** Keeps the local copy; an event older than the copy changes nothing (out-of-order safe). */
export async function upsertUserCopy(deps: TicketingDeps, facts: UserFacts): Promise<'applied' | 'stale'> {
  return deps.users.upsertIfNewer(facts.userId, facts.version, { displayName: facts.displayName, deleted: false });
}

/** A tombstone, versioned like any copy, so a late user.updated cannot bring the name back. */
export async function tombstoneUserCopy(deps: TicketingDeps, userId: string, version: number): Promise<'applied' | 'stale'> {
  return deps.users.upsertIfNewer(userId, version, { displayName: null, deleted: true });
}
