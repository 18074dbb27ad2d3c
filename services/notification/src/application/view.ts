import type { NotificationData, NotificationDocument, NotificationType } from '../domain/notification.js';

/** A notification as clients see it, over REST and over the socket alike. */
export interface NotificationView {
  id: string;
  type: NotificationType;
  data: NotificationData;
  createdAt: string;
  read: boolean;
  readAt: string | null;
}

export function toView(notification: NotificationDocument): NotificationView {
  return {
    id: notification._id,
    type: notification.type,
    data: notification.data,
    createdAt: notification.createdAt.toISOString(),
    read: notification.read,
    readAt: notification.readAt === null ? null : notification.readAt.toISOString(),
  };
}
