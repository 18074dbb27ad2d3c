import { VersionConflictError } from '@eventonight/platform';
import type { AssetState } from '../domain/asset.js';
import type { MediaAppDeps } from './deps.js';

/**
 * Removes the object of an expired or deleted asset and clears its purge flag. Best effort:
 * a failure leaves the flag set for the sweeper's next run; returns whether it finished.
 */
export async function purgeObject(deps: MediaAppDeps, state: AssetState, version: number): Promise<boolean> {
  if (!state.objectPurgePending) return true;
  try {
    await deps.storage.remove(state.objectKey);
    await deps.store.update(state._id, version, { objectPurgePending: false }, []);
    return true;
  } catch (error) {
    // Someone else cleared the flag (another replica's sweeper): the object is gone either way.
    if (error instanceof VersionConflictError) return true;
    deps.logger.warn({ err: error, assetId: state._id }, 'could not remove object; the sweeper retries');
    return false;
  }
}
