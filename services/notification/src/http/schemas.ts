import { z } from 'zod';
import { cursorParam, pageLimitParam } from '@eventonight/platform';
import { NOTIFICATION_TYPES } from '../domain/notification.js';
import { decodeCursor } from '../persistence/cursor.js';

/** Request and response shapes of the notification API; every object is strict, every string bounded. */

export const notificationType = z.enum(NOTIFICATION_TYPES);

export const listQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .meta({ description: '`true`: unread notifications only (default `false`: all).' }),
  limit: pageLimitParam.optional().meta({ description: 'Page size, 1–100 (default 20).' }),
  /** Any other string than a `nextCursor` of this list is 422 `unprocessable`. */
  cursor: cursorParam(decodeCursor, 400).optional(),
});

/** Ids are 32 base64url characters (a digest of the recipient and the source event). */
export const notificationIdParams = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'is not a notification id'),
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
