import type { mediaEvents } from '@eventonight/contracts';
import type { z } from 'zod';

/** The media asset aggregate as this service stores it (one document per asset). */

export type MediaPurpose = z.infer<typeof mediaEvents.mediaPurpose>;
export type ImageContentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const satisfies readonly ImageContentType[];

/**
 * pending: presigned, not confirmed yet · uploaded: confirmed, may be referenced ·
 * expired: never confirmed in time (swept) · deleted: tombstone after the owner deleted it.
 */
export type AssetStatus = 'pending' | 'uploaded' | 'expired' | 'deleted';

const MiB = 1024 * 1024;

/** Largest object accepted per purpose. */
export const MAX_BYTES: Readonly<Record<MediaPurpose, number>> = {
  avatar: 2 * MiB,
  event_cover: 8 * MiB,
  event_gallery: 8 * MiB,
  chat_image: 5 * MiB,
};

/** Purposes whose objects anyone may view; chat images are private to the conversation. */
export function isPublicPurpose(purpose: MediaPurpose): boolean {
  return purpose !== 'chat_image';
}

export interface AssetState {
  _id: string;
  ownerId: string;
  purpose: MediaPurpose;
  contentType: ImageContentType;
  sizeBytes: number;
  /** `<ownerId>/<purpose>/<assetId>` in the bucket. */
  objectKey: string;
  status: AssetStatus;
  createdAt: Date;
  updatedAt: Date;
  /** When the presigned upload stops working. */
  uploadExpiresAt: Date;
  uploadedAt: Date | null;
  expiredAt: Date | null;
  deletedAt: Date | null;
  /**
   * True while the object may still exist in the bucket although the record says it should not
   * (expired or deleted). The record is written first, the object removed after; the sweeper
   * retries removals that failed, so the bucket converges whatever crashed in between.
   */
  objectPurgePending: boolean;
}

export function objectKeyOf(ownerId: string, purpose: MediaPurpose, assetId: string): string {
  return `${ownerId}/${purpose}/${assetId}`;
}
