import type { AssetWithView } from '../application/get-asset.js';
import type { UploadTicket } from '../application/request-upload.js';
import type { AssetView, UploadTicketView } from './schemas.js';

/** Application results as the client sees them (ISO dates, no internal fields). */

export function toAssetView({ asset: { state }, view }: AssetWithView): AssetView {
  return {
    assetId: state._id,
    ownerId: state.ownerId,
    purpose: state.purpose,
    contentType: state.contentType,
    sizeBytes: state.sizeBytes,
    status: state.status,
    createdAt: state.createdAt.toISOString(),
    uploadedAt: state.uploadedAt === null ? null : state.uploadedAt.toISOString(),
    url: view === null ? null : view.url,
    urlExpiresAt: view?.expiresAt == null ? null : view.expiresAt.toISOString(),
  };
}

export function toUploadTicketView({ asset: { state }, upload }: UploadTicket): UploadTicketView {
  return {
    assetId: state._id,
    objectKey: state.objectKey,
    method: 'POST',
    uploadUrl: upload.url,
    fields: upload.fields,
    sizeBytes: state.sizeBytes,
    contentType: state.contentType,
    expiresAt: state.uploadExpiresAt.toISOString(),
  };
}
