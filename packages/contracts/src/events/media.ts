import { z } from 'zod';
import { defineEvent, id } from '../catalogue-kit.js';

export const mediaPurpose = z.enum(['avatar', 'event_cover', 'event_gallery', 'chat_image']);

export const assetUploaded = defineEvent(
  'media.asset.uploaded',
  1,
  z.object({
    assetId: id,
    ownerId: id,
    purpose: mediaPurpose,
    contentType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/gif']),
    sizeBytes: z.number().int().positive(),
  }),
);
export const assetDeleted = defineEvent(
  'media.asset.deleted',
  1,
  z.object({ assetId: id, ownerId: id, purpose: mediaPurpose }),
);
