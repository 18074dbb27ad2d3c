import { z } from 'zod';
import { NOTIFICATION_TYPES } from '../domain/notification.js';
import { decodeCursor } from '../persistence/cursor.js';

/** Request and response shapes of the notification API; every object is strict, every string bounded. */

export const notificationType = z.enum(NOTIFICATION_TYPES);

export const listQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z
    .string()
    .max(400)
    .transform((text, ctx) => {
      const cursor = decodeCursor(text);
      if (cursor === undefined) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor of this list' });
        return z.NEVER;
      }
      return cursor;
    })
    .optional(),
});

export const notificationIdParams = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a notification id'),
});

export const preferencesBody = z.strictObject({
  muted: z.array(notificationType).max(NOTIFICATION_TYPES.length),
});

const dataValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const notificationView = z.object({
  id: z.string(),
  type: notificationType,
  data: z.record(z.string(), dataValue),
  createdAt: z.string(),
  read: z.boolean(),
  readAt: z.string().nullable(),
});

export const notificationList = z.object({ items: z.array(notificationView), nextCursor: z.string().nullable() });
export const unreadCountView = z.object({ unread: z.number().int() });
export const readAllView = z.object({ marked: z.number().int() });
export const preferencesView = z.object({ muted: z.array(notificationType), types: z.array(notificationType) });
