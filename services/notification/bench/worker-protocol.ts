/** The messages between a notification benchmark and its socket-holding child processes. */

/** Milliseconds on the wall clock, sub-millisecond: comparable between processes of one machine. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

export interface BenchUser {
  id: string;
  token: string;
}

/** One notification as a client received it: (user, notification id, its data.eventId, when). */
export type Receipt = [userId: string, notificationId: string, eventId: string, receivedAtMs: number];

export type ToWorker =
  | { kind: 'connect'; url: string; users: BenchUser[]; concurrency: number; timeoutMs: number; localAddress: string }
  | { kind: 'close' };

export type FromWorker =
  | { kind: 'progress'; connected: number; failed: number }
  /** Every user answered: `connected` counts the connect acknowledgements the server sent. */
  | { kind: 'connected'; connected: number; failed: number; firstError: string | null; failedUserIds: string[] }
  /** `lost`: sockets dropped by the server so far (not by the worker's own close). */
  | { kind: 'received'; receipts: Receipt[]; lost: number }
  | { kind: 'closed'; lost: number };
