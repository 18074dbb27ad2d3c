import { call } from '../api/client';
import type { paths as MediaPaths } from '../api/generated/media';
import { useApi } from '../app/context';

type UploadRequest = MediaPaths['/media/uploads']['post']['requestBody']['content']['application/json'];
export type MediaPurpose = UploadRequest['purpose'];
export type ImageType = UploadRequest['contentType'];

/** The media service's limits (it refuses anything else too); checked here first to say why at once. */
export const IMAGE_TYPES: readonly ImageType[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const MIB = 1024 * 1024;
export const MAX_BYTES: Record<MediaPurpose, number> = { avatar: 2 * MIB, event_cover: 8 * MIB, event_gallery: 8 * MIB, chat_image: 5 * MIB };

function isImageType(type: string): type is ImageType {
  return (IMAGE_TYPES as readonly string[]).includes(type);
}

/** Why this file cannot be uploaded for `purpose`, as a sentence; null when it can. */
export function refusalOf(file: { type: string; size: number }, purpose: MediaPurpose): string | null {
  if (!isImageType(file.type)) return 'Choose a JPEG, PNG, WebP or GIF image.';
  if (file.size === 0) return 'This file is empty.';
  const max = MAX_BYTES[purpose];
  if (file.size > max) return `This image is ${(file.size / MIB).toFixed(1)} MB; the limit is ${max / MIB} MB.`;
  return null;
}

export class UploadRefused extends Error {}

/**
 * presign → the file straight to the object store (the service never sees the bytes) →
 * confirm. Returns the asset id and a URL to show it.
 */
export async function uploadImage(file: File, purpose: MediaPurpose): Promise<{ assetId: string; url: string | null }> {
  const refusal = refusalOf(file, purpose);
  if (refusal !== null || !isImageType(file.type)) throw new UploadRefused(refusal ?? 'Choose an image.');
  const media = useApi().media;
  const ticket = await call(media.POST('/media/uploads', { body: { purpose, contentType: file.type, sizeBytes: file.size } }));
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append('file', file);
  let stored: Response;
  try {
    stored = await fetch(ticket.uploadUrl, { method: ticket.method, body: form });
  } catch {
    throw new UploadRefused('The image could not be sent. Check your connection and try again.');
  }
  if (!stored.ok) throw new UploadRefused('The file store refused this image. Try another one.');
  const asset = await call(media.POST('/media/{assetId}/confirm', { params: { path: { assetId: ticket.assetId } } }));
  return { assetId: asset.assetId, url: asset.url };
}

/** The view URL of one asset (null when it cannot be shown). */
export async function imageUrlOf(assetId: string): Promise<string | null> {
  const reply = await call(useApi().media.GET('/media', { params: { query: { ids: assetId } } })).catch(() => null);
  return reply?.items.find((item) => item.assetId === assetId)?.url ?? null;
}
