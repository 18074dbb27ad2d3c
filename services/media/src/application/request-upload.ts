import type { Principal } from '@eventonight/platform';
import type { ImageContentType, MediaPurpose } from '../domain/asset.js';
import { decideRequestUpload } from '../domain/lifecycle.js';
import type { MediaAppDeps, VersionedAsset } from './deps.js';
import type { PresignedUpload } from './ports.js';
import { decideOrRefuse } from './problems.js';

export interface UploadInput {
  purpose: MediaPurpose;
  contentType: ImageContentType;
  sizeBytes: number;
}

export interface UploadTicket {
  asset: VersionedAsset;
  upload: PresignedUpload;
}

/**
 * Records a pending asset, then signs its upload. Signing is local computation (no call to the
 * store), so a failure after the insert is unlikely; if it happens the pending record is swept.
 * An erased account's token gets 401 account-deleted, and nothing is recorded.
 */
export async function requestUpload(deps: MediaAppDeps, principal: Principal, input: UploadInput): Promise<UploadTicket> {
  await deps.ledger.refuseErased(principal.userId);
  const state = decideOrRefuse(() =>
    decideRequestUpload({
      assetId: deps.newId(),
      ownerId: principal.userId,
      ...input,
      now: deps.clock(),
      uploadTtlSeconds: deps.settings.uploadTtlSeconds,
    }),
  );
  const created = await deps.store.create(state, []);
  const upload = await deps.storage.presignUpload({
    key: state.objectKey,
    contentType: state.contentType,
    sizeBytes: state.sizeBytes,
    expiresAt: state.uploadExpiresAt,
  });
  return { asset: created, upload };
}
