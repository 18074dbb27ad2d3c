import type { NotificationView } from './view.js';

/** Which of an event's public counters moved (the page reads them again). */
export type EventActivityKind = 'likes' | 'participants' | 'reviews';

/** One notification for one recipient's open sockets. */
export interface Push {
  recipientId: string;
  notification: NotificationView;
}

/** Real-time delivery: best effort, to whoever of the recipients is connected right now. */
export interface Pusher {
  /** A delivery's pushes together (a fan-out batch has hundreds): each reaches only connected recipients. */
  pushMany(pushes: readonly Push[]): void;
  /** Tells the sockets watching an event's page that one of its counters moved. */
  eventActivity(eventId: string, kind: EventActivityKind): void;
  /** Ends every open session of a user, on every replica (their account was erased). */
  disconnectUser(userId: string): void;
}

export type Clock = () => Date;
