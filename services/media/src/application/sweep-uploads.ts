import { VersionConflictError } from '@eventonight/platform';
import { decideExpire } from '../domain/lifecycle.js';
import type { MediaAppDeps } from './deps.js';
import { purgeObject } from './purge-object.js';

export interface SweepResult {
  expired: number;
  purged: number;
}

const MAX_ROUNDS = 10;

/**
 * Expires pending uploads whose URL ran out more than the grace period ago, then removes the
 * objects of expired and deleted assets. Every step is a version-checked write or an idempotent
 * removal, so replicas sweeping at once, or a crash half-way, only repeat harmless work.
 */
export async function sweepUploads(deps: MediaAppDeps, batchSize = 100): Promise<SweepResult> {
  const now = deps.clock();
  const graceMs = deps.settings.uploadGraceSeconds * 1000;
  const result: SweepResult = { expired: 0, purged: 0 };

  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const ids = await deps.reads.overduePending(new Date(now.getTime() - graceMs), batchSize);
    let progressed = 0;
    for (const assetId of ids) {
      try {
        const loaded = await deps.store.load(assetId);
        const decision = loaded === null ? null : decideExpire(loaded.state, now, graceMs);
        if (loaded === null || decision === null) continue;
        await deps.store.update(assetId, loaded.version, decision.changes, decision.events);
        result.expired += 1;
        progressed += 1;
      } catch (error) {
        if (error instanceof VersionConflictError) continue; // confirmed or deleted meanwhile
        deps.logger.error({ err: error, assetId }, 'could not expire upload; next run retries');
      }
    }
    if (ids.length < batchSize || progressed === 0) break;
  }

  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const ids = await deps.reads.awaitingPurge(batchSize);
    let progressed = 0;
    for (const assetId of ids) {
      const loaded = await deps.store.load(assetId);
      if (loaded === null) continue;
      if (await purgeObject(deps, loaded.state, loaded.version)) {
        result.purged += 1;
        progressed += 1;
      }
    }
    if (ids.length < batchSize || progressed === 0) break;
  }
  return result;
}
