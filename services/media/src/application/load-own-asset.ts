import type { Principal } from '@eventonight/platform';
import type { MediaAppDeps, VersionedAsset } from './deps.js';
import { assetNotFound } from './problems.js';

/**
 * The caller's own asset; someone else's gets the same 404 as a missing id. A caller whose
 * account was erased gets 401 account-deleted first (their token may still be unexpired).
 */
export async function loadOwnAsset(deps: MediaAppDeps, principal: Principal, assetId: string): Promise<VersionedAsset> {
  await deps.ledger.refuseErased(principal.userId);
  const loaded = await deps.store.load(assetId);
  if (loaded === null || loaded.state.ownerId !== principal.userId) throw assetNotFound();
  return loaded;
}
