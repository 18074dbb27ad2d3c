import { z } from 'zod';
import { cursorParam, pageLimitParam } from '@eventonight/platform';
import { isKnownTimeZone, MAIL_LOCALES, OPTIONAL_MAIL_KINDS, TIME_ZONE_PATTERN } from '../domain/mail-preferences.js';
import { NOTIFICATION_TYPES } from '../domain/notification.js';
import { UNSUBSCRIBE_TOKEN_PATTERN } from '../domain/unsubscribe-token.js';
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
export const optionalMailKind = z.enum(OPTIONAL_MAIL_KINDS);
export const mailLocale = z.enum(MAIL_LOCALES);

/** A name like Europe/Rome (the schema's pattern) that this service's time-zone data knows (422 otherwise). */
const timeZone = z
  .string()
  .regex(TIME_ZONE_PATTERN, 'must be an IANA time zone name such as Europe/Rome')
  .refine((zone) => !TIME_ZONE_PATTERN.test(zone) || isKnownTimeZone(zone), 'is not a time zone this service knows');

export const mailSettingsBody = z.strictObject({
  off: z.array(optionalMailKind).max(OPTIONAL_MAIL_KINDS.length).meta({ description: 'The optional mails to stop; the others are sent.' }),
  locale: mailLocale.nullable().meta({ description: 'How dates and money are written in my mails; null = the platform’s.' }),
  timeZone: timeZone.nullable().meta({ description: 'The IANA zone my mails give times in; null = the platform’s.' }),
});

export const mailSettingsView = z.object({
  off: z.array(optionalMailKind),
  locale: mailLocale.nullable(),
  timeZone: z.string().nullable(),
  /** What can be chosen: the optional mails (order confirmations and refunds are always sent) and the locales. */
  kinds: z.array(optionalMailKind),
  locales: z.array(mailLocale),
  /** What applies when locale or timeZone is null. */
  defaults: z.object({ locale: z.string(), timeZone: z.string() }),
});

export const preferencesView = z.object({ muted: z.array(notificationType), types: z.array(notificationType), mail: mailSettingsView });

export const unsubscribeQuery = z.strictObject({
  token: z
    .string()
    .regex(UNSUBSCRIBE_TOKEN_PATTERN, 'is not an unsubscribe token')
    .meta({ description: 'The key of the link in the mail: names the member and the kind of mail, signed by this service.' }),
});

/** RFC 8058: what a mail client POSTs, as an HTML form. */
export const oneClickBody = z.object({ 'List-Unsubscribe': z.literal('One-Click') });

export const unsubscribeView = z.object({ kind: optionalMailKind, subscribed: z.boolean() });
