import {
  AggregateAlreadyExistsError,
  Problem,
  VersionConflictError,
  type AggregateStore,
  type AggregateState,
  type Loaded,
  type PendingEvent,
} from '@eventonight/platform';

/** What a command decides, given the aggregate as it is now (null: it does not exist yet). */
export type Decision<T extends AggregateState> =
  | { kind: 'create'; state: T; events: PendingEvent[] }
  | { kind: 'update'; changes: Partial<Omit<T, '_id'>>; events: PendingEvent[] }
  | { kind: 'none' };

export type Outcome = 'created' | 'updated' | 'unchanged';

const ATTEMPTS = 8;

/**
 * load → decide → one atomic write, again on fresher state when a concurrent writer won
 * (duplicate _id on create, version moved on update). Because the decision is remade, two
 * racing "like" requests end with one like and one event: the loser sees it already active.
 *
 * Most relations are made once, so when the decision on "not there yet" is to create, the
 * create is tried first, without a read: the unique `_id` refuses it if the aggregate exists,
 * and only then is it loaded and decided again (one command per new like instead of two).
 * Losing the race ATTEMPTS times in a row is answered 409 `version-conflict`.
 */
export async function decideAndWrite<T extends AggregateState>(
  store: AggregateStore<T>,
  id: string,
  decide: (current: Loaded<T> | null) => Decision<T>,
): Promise<Outcome> {
  const ifNew = decide(null);
  if (ifNew.kind === 'create') {
    try {
      await store.create(ifNew.state, ifNew.events);
      return 'created';
    } catch (error) {
      if (!(error instanceof AggregateAlreadyExistsError)) throw error;
    }
  }
  for (let attempt = 1; ; attempt += 1) {
    const current = await store.load(id);
    const decision = decide(current);
    try {
      if (decision.kind === 'none') return 'unchanged';
      if (decision.kind === 'create') {
        await store.create(decision.state, decision.events);
        return 'created';
      }
      if (current === null) throw new Error(`cannot update ${id}: it does not exist`);
      await store.update(id, current.version, decision.changes, decision.events);
      return 'updated';
    } catch (error) {
      const lostRace = error instanceof AggregateAlreadyExistsError || error instanceof VersionConflictError;
      if (!lostRace) throw error;
      // Still losing after every attempt: one answer, whichever write lost last (the routes declare it).
      if (attempt >= ATTEMPTS) throw new Problem('version-conflict', 'Too many concurrent changes to the same relation; retry.', { cause: error });
    }
  }
}
