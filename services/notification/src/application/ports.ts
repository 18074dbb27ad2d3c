import type { NotificationView } from './view.js';

/** Real-time delivery: best effort, to whoever of the recipient is connected right now. */
export interface Pusher {
  push(recipientId: string, notification: NotificationView): void;
}

export type Clock = () => Date;
