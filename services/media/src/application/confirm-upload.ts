import { problems, retryOnVersionConflict, type Principal } from '@eventonight/platform';
import { decideConfirm } from '../domain/lifecycle.js';
import type { MediaAppDeps, VersionedAsset } from './deps.js';
import { loadOwnAsset } from './load-own-asset.js';
import { decideOrRefuse } from './problems.js';

/**
 * The owner says the upload is done: the object must be in the bucket with exactly the declared
 * size and type. A mismatch removes the object (the asset stays pending until it expires). The
 * write is version-checked, so a sweeper that expired the asset meanwhile wins and this is re-decided.
 */
export async function confirmUpload(deps: MediaAppDeps, principal: Principal, assetId: string): Promise<VersionedAsset> {
  return retryOnVersionConflict(3, async () => {
    const loaded = await loadOwnAsset(deps, principal, assetId);
    const object = loaded.state.status === 'pending' ? await deps.storage.stat(loaded.state.objectKey) : null;
    const outcome = decideOrRefuse(() => decideConfirm(loaded.state, object, deps.clock()));
    if (outcome.kind === 'already-uploaded') return loaded;
    if (outcome.kind === 'mismatch') {
      await deps.storage.remove(loaded.state.objectKey);
      throw problems.unprocessable(`${outcome.message} The file was removed; upload it again.`);
    }
    const { changes, events } = outcome.decision;
    const version = await deps.store.update(assetId, loaded.version, changes, events);
    return { state: { ...loaded.state, ...changes }, version };
  });
}
