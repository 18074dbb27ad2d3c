import type { NotificationView } from './view.js';

/** Which of an event's public counters moved (the page reads them again). */
export type EventActivityKind = 'likes' | 'participants' | 'reviews';

/** Real-time delivery: best effort, to whoever of the recipient is connected right now. */
export interface Pusher {
  push(recipientId: string, notification: NotificationView): void;
  /** Tells the sockets watching an event's page that one of its counters moved. */
  eventActivity(eventId: string, kind: EventActivityKind): void;
}

export type Clock = () => Date;
