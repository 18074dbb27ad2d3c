import { retryOnVersionConflict, type Principal } from '@eventonight/platform';
import { decideDelete } from '../domain/lifecycle.js';
import type { MediaAppDeps } from './deps.js';
import { loadOwnAsset } from './load-own-asset.js';
import { purgeObject } from './purge-object.js';

/**
 * The owner deletes an asset: tombstone first (with `media.asset.deleted` in the same write),
 * then the object. Deleting again answers the same; a failed removal is retried by the sweeper.
 */
export async function deleteAsset(deps: MediaAppDeps, principal: Principal, assetId: string): Promise<void> {
  await retryOnVersionConflict(3, async () => {
    const loaded = await loadOwnAsset(deps, principal, assetId);
    const decision = decideDelete(loaded.state, deps.clock());
    if (decision === null) return;
    const version = await deps.store.update(assetId, loaded.version, decision.changes, decision.events);
    await purgeObject(deps, { ...loaded.state, ...decision.changes }, version);
  });
}
