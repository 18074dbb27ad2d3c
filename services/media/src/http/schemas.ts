import { z } from 'zod';
import { mediaEvents } from '@eventonight/contracts';
import { OPAQUE_ID, opaqueId } from '@eventonight/platform';
import { IMAGE_CONTENT_TYPES, MAX_BYTES, type MediaPurpose } from '../domain/asset.js';

/** Request and response shapes of the media API; every object is strict. */

/**
 * One branch per purpose, each with its own size limit: the limit depends on the purpose, and a
 * `oneOf` on the `purpose` constant says so in the document (a real check, answered 400).
 */
function uploadFor<P extends MediaPurpose>(purpose: P) {
  const max = MAX_BYTES[purpose];
  return z.strictObject({
    purpose: z.literal(purpose),
    contentType: z.enum(IMAGE_CONTENT_TYPES),
    sizeBytes: z.int().min(1).max(max, `must be at most ${max} bytes for ${purpose}`),
  });
}

const uploadByPurpose = {
  avatar: uploadFor('avatar'),
  event_cover: uploadFor('event_cover'),
  event_gallery: uploadFor('event_gallery'),
  chat_image: uploadFor('chat_image'),
} satisfies Record<MediaPurpose, z.ZodType>;

type UploadBranch = (typeof uploadByPurpose)[MediaPurpose];

export const uploadBody = z.discriminatedUnion('purpose', Object.values(uploadByPurpose) as [UploadBranch, ...UploadBranch[]]);

const MAX_IDS = 50;

export const assetIdParams = z.strictObject({ assetId: opaqueId('is not an asset id') });

export const assetView = z.object({
  assetId: z.string(),
  ownerId: z.string(),
  purpose: mediaEvents.mediaPurpose,
  contentType: z.enum(IMAGE_CONTENT_TYPES),
  sizeBytes: z.number(),
  status: z.enum(['pending', 'uploaded', 'expired', 'deleted']),
  createdAt: z.string(),
  uploadedAt: z.string().nullable(),
  /** Where to view the file; null until the upload is confirmed. */
  url: z.string().nullable(),
  /** When `url` stops working; null for a permanent public URL. */
  urlExpiresAt: z.string().nullable(),
});
export type AssetView = z.input<typeof assetView>;

export const uploadTicketView = z.object({
  assetId: z.string(),
  objectKey: z.string(),
  /** A multipart/form-data POST: send every field of `fields`, then the file as the last field `file`. */
  method: z.literal('POST'),
  uploadUrl: z.string(),
  fields: z.record(z.string(), z.string()),
  /** The storage server refuses any other size or Content-Type. */
  sizeBytes: z.number(),
  contentType: z.string(),
  expiresAt: z.string(),
});
export type UploadTicketView = z.input<typeof uploadTicketView>;

/**
 * `?ids=a,b,c`: 1 to 50 asset ids separated by commas (no spaces, no empty entries), duplicates
 * answered once. The pattern is the whole rule, so the document and the parser agree exactly;
 * the length bound is what the pattern allows (50 ids of 128 and their 49 commas).
 */
export const viewsQuery = z.strictObject({
  ids: z
    .string()
    .max(MAX_IDS * 128 + MAX_IDS - 1)
    .regex(new RegExp(`^${OPAQUE_ID}(?:,${OPAQUE_ID}){0,${MAX_IDS - 1}}$`), `must be 1 to ${MAX_IDS} asset ids (at most ${MAX_IDS}), separated by commas`)
    .transform((value) => [...new Set(value.split(','))]),
});

/** The view URLs of the public assets asked for; ids not readable by anyone are left out. */
export const viewsList = z.object({
  items: z.array(z.object({ assetId: z.string(), url: z.string(), urlExpiresAt: z.string().nullable() })),
});
