import type { PendingEvent } from '@eventonight/platform';
import { MAX_BYTES, objectKeyOf, type AssetState, type ImageContentType, type MediaPurpose } from './asset.js';
import { MediaRuleError } from './errors.js';

/** Pure decisions on the asset aggregate: state in, changes and events out, no I/O. */

export interface Decision {
  changes: Partial<Omit<AssetState, '_id'>>;
  events: PendingEvent[];
}

export interface UploadRequest {
  assetId: string;
  ownerId: string;
  purpose: MediaPurpose;
  contentType: ImageContentType;
  sizeBytes: number;
  now: Date;
  uploadTtlSeconds: number;
}

/** A new pending asset; the size limit is checked by the HTTP schema already, and again here. */
export function decideRequestUpload(request: UploadRequest): AssetState {
  const max = MAX_BYTES[request.purpose];
  if (request.sizeBytes < 1 || request.sizeBytes > max) {
    throw new MediaRuleError('invalid', `sizeBytes must be between 1 and ${max} for ${request.purpose}.`);
  }
  return {
    _id: request.assetId,
    ownerId: request.ownerId,
    purpose: request.purpose,
    contentType: request.contentType,
    sizeBytes: request.sizeBytes,
    objectKey: objectKeyOf(request.ownerId, request.purpose, request.assetId),
    status: 'pending',
    createdAt: request.now,
    updatedAt: request.now,
    uploadExpiresAt: new Date(request.now.getTime() + request.uploadTtlSeconds * 1000),
    uploadedAt: null,
    expiredAt: null,
    deletedAt: null,
    objectPurgePending: false,
  };
}

/** What the bucket says about the uploaded object (null: nothing there). */
export interface StoredObject {
  sizeBytes: number;
  contentType: string;
}

export type ConfirmDecision =
  | { kind: 'already-uploaded' }
  | { kind: 'confirm'; decision: Decision }
  /** The object exists but is not what was declared: refuse and remove it. */
  | { kind: 'mismatch'; message: string };

/**
 * Confirm is accepted for a pending asset whose object matches the declaration exactly; a
 * second confirm of an uploaded asset is a no-op (same answer, no second event).
 */
export function decideConfirm(state: AssetState, object: StoredObject | null, now: Date): ConfirmDecision {
  if (state.status === 'uploaded') return { kind: 'already-uploaded' };
  if (state.status !== 'pending') {
    throw new MediaRuleError('state', `This upload is ${state.status}; request a new one.`);
  }
  if (object === null) {
    throw new MediaRuleError('state', 'Nothing has been uploaded for this asset yet; upload the file first, then confirm.');
  }
  if (object.sizeBytes !== state.sizeBytes) {
    return { kind: 'mismatch', message: `The uploaded file has ${object.sizeBytes} bytes, but ${state.sizeBytes} were declared.` };
  }
  if (normalizedType(object.contentType) !== state.contentType) {
    return { kind: 'mismatch', message: `The uploaded file is ${object.contentType || 'untyped'}, but ${state.contentType} was declared.` };
  }
  return {
    kind: 'confirm',
    decision: {
      changes: { status: 'uploaded', uploadedAt: now, updatedAt: now },
      events: [
        {
          type: 'media.asset.uploaded',
          data: {
            assetId: state._id,
            ownerId: state.ownerId,
            purpose: state.purpose,
            contentType: state.contentType,
            sizeBytes: state.sizeBytes,
          },
        },
      ],
    },
  };
}

/** `image/png; charset=…` and case differences are the same type. */
function normalizedType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** A pending upload whose URL expired more than `graceMs` ago is expired; anything else is left alone. */
export function decideExpire(state: AssetState, now: Date, graceMs: number): Decision | null {
  if (state.status !== 'pending') return null;
  if (state.uploadExpiresAt.getTime() + graceMs > now.getTime()) return null;
  return { changes: { status: 'expired', expiredAt: now, updatedAt: now, objectPurgePending: true }, events: [] };
}

/**
 * The owner deletes: the record becomes a tombstone and the object is purged. Only an asset
 * announced as uploaded announces its deletion (nobody could reference the others).
 * Deleting what is already gone (deleted, expired) is a no-op.
 */
export function decideDelete(state: AssetState, now: Date): Decision | null {
  if (state.status === 'deleted' || state.status === 'expired') return null;
  const events: PendingEvent[] =
    state.status === 'uploaded'
      ? [{ type: 'media.asset.deleted', data: { assetId: state._id, ownerId: state.ownerId, purpose: state.purpose } }]
      : [];
  return { changes: { status: 'deleted', deletedAt: now, updatedAt: now, objectPurgePending: true }, events };
}
