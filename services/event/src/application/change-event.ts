import { problems, retryOnVersionConflict, type Principal } from '@eventonight/platform';
import type { EventState } from '../domain/event.js';
import type { Decision } from '../domain/lifecycle.js';
import type { EventAppDeps, VersionedEvent } from './deps.js';
import { decideOrRefuse } from './problems.js';

export interface ChangeOutcome extends VersionedEvent {
  /** False when the decision was "nothing to do" and nothing was written. */
  changed: boolean;
}

/** Another organizer must not learn that a draft exists; a visible event is simply not theirs. */
export function assertOwner(principal: Principal, state: EventState): void {
  if (state.organizerId === principal.userId) return;
  if (state.status === 'draft') throw problems.notFound('No such event.');
  throw problems.forbidden('Only the organizer of this event can change it.');
}

/**
 * load → authorize → decide → one conditional write. With If-Match the caller pinned a version:
 * a mismatch or a lost race is a 409. Without it the decision is re-made on fresh state a few times.
 */
export async function changeEvent(
  deps: EventAppDeps,
  principal: Principal,
  eventId: string,
  expectedVersion: number | undefined,
  decide: (state: EventState, now: Date) => Decision | null,
): Promise<ChangeOutcome> {
  // A deleted organization's token may still be unexpired (ADR 0027): 401 account-deleted.
  await deps.ledger.refuseErased(principal.userId);
  const attempt = async (): Promise<ChangeOutcome> => {
    const loaded = await deps.store.load(eventId);
    if (loaded === null) throw problems.notFound('No such event.');
    assertOwner(principal, loaded.state);
    if (expectedVersion !== undefined && loaded.version !== expectedVersion) {
      throw problems.versionConflict(`The event is at version ${loaded.version}, not ${expectedVersion}; reload it and retry.`);
    }
    const decision = decideOrRefuse(() => decide(loaded.state, deps.clock()));
    if (decision === null) return { state: loaded.state, version: loaded.version, changed: false };
    const version = await deps.store.update(eventId, loaded.version, decision.changes, decision.events);
    await deps.catalogue.changed();
    return { state: decision.next, version, changed: true };
  };
  return expectedVersion === undefined ? retryOnVersionConflict(3, attempt) : attempt();
}
