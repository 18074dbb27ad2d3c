import { createHash } from 'node:crypto';

/** What a notification is about; users mute by these names. */
export const NOTIFICATION_TYPES = [
  'follower.new',
  'event.published',
  'event.cancelled',
  'event.changed',
  'event.reminder',
  'event.liked',
  'event.reviewed',
  'event.participation',
  'chat.message',
  'ticket.purchased',
  'ticket.sold',
  'order.refunded',
  'ticket.refunded',
  /** A moderator closed a report the member filed (ADR 0041). */
  'report.resolved',
  'waitlist.offered',
  'ticket.transferred',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Small flat facts the client renders (ids, a title, a preview); never a whole document. */
export type NotificationData = Record<string, string | number | boolean | null>;

/** What one source event means for one recipient. */
export interface NotificationDraft {
  recipientId: string;
  type: NotificationType;
  data: NotificationData;
}

export interface NotificationDocument {
  _id: string;
  recipientId: string;
  type: NotificationType;
  data: NotificationData;
  /** The domain event it came from: with the recipient, what makes it unique. */
  sourceEventId: string;
  createdAt: Date;
  read: boolean;
  readAt: Date | null;
}

/**
 * The id is derived from (recipient, source event), so a redelivered event maps to the same
 * document and `insertOnce` turns the second write into a no-op.
 */
export function notificationId(recipientId: string, sourceEventId: string): string {
  return createHash('sha256').update(`${sourceEventId}\u0000${recipientId}`).digest('base64url').slice(0, 32);
}

export function newNotification(draft: NotificationDraft, source: { id: string; occurredAt: Date }): NotificationDocument {
  return {
    _id: notificationId(draft.recipientId, source.id),
    recipientId: draft.recipientId,
    type: draft.type,
    data: draft.data,
    sourceEventId: source.id,
    createdAt: source.occurredAt,
    read: false,
    readAt: null,
  };
}
