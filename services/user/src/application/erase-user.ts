import type { Filter } from 'mongodb';
import type { StoredAggregate } from '@eventonight/platform';
import type { Profile } from '../domain/profile.js';
import { forgetExports } from './data-exports.js';
import type { ExportDeps } from './deps.js';

/**
 * This service's own `user.deleted`, consumed once the relay published it: the tombstone goes
 * entirely (no plain id stays in the user database; the ledger's digest keeps the id from being
 * reused or recreated), and so do the user's exports and their parts. Idempotent: the ledger
 * entry is kept, everything else is a delete. Only a tombstone is deleted, never an active
 * profile. The event's arrival proves the relay published it (a tombstone raises nothing else),
 * so the document may go before the relay clears its outbox: that clearing then matches nothing.
 */
export async function eraseUser(deps: ExportDeps, userId: string): Promise<void> {
  await deps.ledger.record(userId);
  await deps.store.collection.deleteOne({ _id: userId, state: 'deleted' } as Filter<StoredAggregate<Profile>>);
  await forgetExports(deps, userId);
}

/**
 * Tombstones left from before the erasure ledger (their `user.deleted` went out before this
 * service consumed it): recorded in the ledger, then deleted. Only those whose outbox is empty,
 * so a deletion in progress keeps its event. Run once per process start: it reads the profiles.
 */
export async function eraseLeftoverTombstones(deps: ExportDeps): Promise<number> {
  const left = await deps.store.collection
    .find({ state: 'deleted', outboxPending: false } as Filter<StoredAggregate<Profile>>, { projection: { _id: 1 } })
    .toArray();
  for (const { _id } of left) await eraseUser(deps, _id);
  return left.length;
}
