import type { Principal } from '@eventonight/platform';
import { isPublicPurpose, type AssetState } from '../domain/asset.js';
import type { MediaAppDeps, VersionedAsset } from './deps.js';
import { assetNotFound } from './problems.js';

export interface AssetWithView {
  asset: VersionedAsset;
  /** Null until the upload is confirmed. */
  view: { url: string; expiresAt: Date | null } | null;
}

/**
 * Who may read an asset: its owner always (pending included); anyone an uploaded asset of a
 * public purpose. Chat images are owner-only for now (see README: conversation participants
 * would come from chat events). Everyone else, and expired or deleted assets, get 404.
 */
export function mayRead(state: AssetState, principal: Principal | undefined): boolean {
  if (state.status === 'expired' || state.status === 'deleted') return false;
  if (principal?.userId === state.ownerId) return true;
  return state.status === 'uploaded' && isPublicPurpose(state.purpose);
}

export async function getAsset(deps: MediaAppDeps, principal: Principal | undefined, assetId: string): Promise<AssetWithView> {
  const loaded = await deps.store.load(assetId);
  if (loaded === null || !mayRead(loaded.state, principal)) throw assetNotFound();
  return withView(deps, loaded);
}

/** The asset with its view URL (none before the upload is confirmed). */
export async function withView(deps: MediaAppDeps, asset: VersionedAsset): Promise<AssetWithView> {
  return { asset, view: asset.state.status === 'uploaded' ? await viewOf(deps, asset.state) : null };
}

/**
 * Public purposes: a plain URL when a public-read base is configured (production makes the
 * bucket prefix public-read); otherwise, and always for private purposes, a presigned GET.
 */
async function viewOf(deps: MediaAppDeps, state: AssetState): Promise<{ url: string; expiresAt: Date | null }> {
  const publicUrl = isPublicPurpose(state.purpose) ? publicUrlOf(deps, state) : null;
  if (publicUrl !== null) return { url: publicUrl, expiresAt: null };
  const ttl = deps.settings.viewTtlSeconds;
  const url = await deps.storage.presignView(state.objectKey, ttl);
  return { url, expiresAt: new Date(deps.clock().getTime() + ttl * 1000) };
}

/** The permanent URL of an object under the public-read base; null when none is configured. */
export function publicUrlOf(deps: MediaAppDeps, state: AssetState): string | null {
  const base = deps.settings.publicBaseUrl;
  if (base === null) return null;
  return `${base.replace(/\/+$/, '')}/${state.objectKey.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * View URLs of many public assets at once (a page of event cards asks once, not per card).
 * Only what any visitor may read is answered; the rest is left out, as a 404 would be.
 */
export async function publicViews(deps: MediaAppDeps, assetIds: readonly string[]): Promise<Array<{ assetId: string; url: string; expiresAt: Date | null }>> {
  // Point reads by id (each uses the primary key), in parallel: no scan of the collection.
  const loaded = await Promise.all(assetIds.map((assetId) => deps.store.load(assetId)));
  const views: Array<{ assetId: string; url: string; expiresAt: Date | null }> = [];
  for (const asset of loaded) {
    if (asset === null || asset.state.status !== 'uploaded' || !mayRead(asset.state, undefined)) continue;
    const view = await viewOf(deps, asset.state);
    views.push({ assetId: asset.state._id, ...view });
  }
  return views;
}
