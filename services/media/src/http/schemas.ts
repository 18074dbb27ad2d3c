import { z } from 'zod';
import { mediaEvents } from '@eventonight/contracts';
import { IMAGE_CONTENT_TYPES, MAX_BYTES } from '../domain/asset.js';

/** Request and response shapes of the media API; every object is strict. */

export const uploadBody = z
  .strictObject({
    purpose: mediaEvents.mediaPurpose,
    contentType: z.enum(IMAGE_CONTENT_TYPES),
    sizeBytes: z.int().min(1),
  })
  .superRefine((body, ctx) => {
    const max = MAX_BYTES[body.purpose];
    if (body.sizeBytes > max) {
      ctx.addIssue({ code: 'custom', path: ['sizeBytes'], message: `must be at most ${max} bytes for ${body.purpose}` });
    }
  });

export const assetIdParams = z.strictObject({ assetId: z.string().min(1).max(128) });

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

/** `?ids=a,b,c`: up to 50 distinct asset ids, comma-separated. */
export const viewsQuery = z.strictObject({
  ids: z
    .string()
    .max(50 * 129)
    .transform((value) => [...new Set(value.split(',').map((id) => id.trim()).filter((id) => id.length > 0))])
    .pipe(z.array(z.string().max(128)).min(1, 'must name at least one asset id').max(50, 'must name at most 50 asset ids')),
});

/** The view URLs of the public assets asked for; ids not readable by anyone are left out. */
export const viewsList = z.object({
  items: z.array(z.object({ assetId: z.string(), url: z.string(), urlExpiresAt: z.string().nullable() })),
});
