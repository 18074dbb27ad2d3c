import { VersionConflictError } from '@eventonight/platform';
import { decideComplete } from '../domain/lifecycle.js';
import type { EventAppDeps } from './deps.js';

/**
 * Completes published events whose end has passed. Each completion is the usual conditional
 * write, so with several replicas running this at once one wins per event and the others
 * lose the version check harmlessly; an event cancelled meanwhile is re-decided and skipped.
 */
export async function completeDueEvents(deps: EventAppDeps, batchSize = 100): Promise<number> {
  const now = deps.clock();
  let completed = 0;
  for (let round = 0; round < 10; round += 1) {
    const dueIds = await deps.reads.dueForCompletion(now, batchSize);
    let progressed = 0;
    for (const eventId of dueIds) {
      try {
        const loaded = await deps.store.load(eventId);
        const decision = loaded === null ? null : decideComplete(loaded.state, now);
        if (loaded === null || decision === null) continue;
        await deps.store.update(eventId, loaded.version, decision.changes, decision.events);
        await deps.catalogue.changed();
        completed += 1;
        progressed += 1;
      } catch (error) {
        if (error instanceof VersionConflictError) continue;
        deps.logger.error({ err: error, eventId }, 'could not complete event; next run retries');
      }
    }
    // A full batch may hide more due events; a batch where nothing moved would only repeat itself.
    if (dueIds.length < batchSize || progressed === 0) break;
  }
  return completed;
}
