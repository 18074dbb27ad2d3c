/**
 * A child process of the notification benchmarks holding a share of the Socket.IO clients, so
 * the clients' file descriptors and CPU are not the service's (nor the parent's). Driven over
 * the IPC channel by `SocketWorkers` (socket-workers.ts): connect these users, report every
 * notification received with its wall-clock time (one clock on one machine), close.
 */
import type { Socket } from 'socket.io-client';
import { connectNotificationSocket } from '@eventonight/testing';
import { wallClockMs, type ToWorker, type FromWorker, type Receipt } from './worker-protocol.js';

const sockets: Socket[] = [];
let pending: Receipt[] = [];
let lost = 0;
let closing = false;

function send(message: FromWorker): void {
  process.send?.(message);
}

async function connectAll(message: Extract<ToWorker, { kind: 'connect' }>): Promise<void> {
  let next = 0;
  let connected = 0;
  let failed = 0;
  let firstError: string | null = null;
  const failedUserIds: string[] = [];
  const progress = setInterval(() => send({ kind: 'progress', connected, failed }), 1_000);
  // A bounded number of handshakes in flight: all at once would only time them out.
  const lane = async (): Promise<void> => {
    while (next < message.users.length) {
      const user = message.users[next]!;
      next += 1;
      try {
        const socket = await connectNotificationSocket(message.url, user.token, {
          timeoutMs: message.timeoutMs,
          localAddress: message.localAddress,
        });
        socket.on('notification', (notification: { id: string; data: Record<string, unknown> }) => {
          pending.push([user.id, notification.id, String(notification.data['eventId']), wallClockMs()]);
        });
        socket.on('disconnect', () => {
          if (!closing) lost += 1;
        });
        sockets.push(socket);
        connected += 1;
      } catch (error) {
        failed += 1;
        failedUserIds.push(user.id);
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(message.concurrency, message.users.length) }, lane));
  clearInterval(progress);
  send({ kind: 'connected', connected, failed, firstError, failedUserIds });
}

// Receipts go to the parent in batches: one IPC message per push would cost more than the push.
const flusher = setInterval(() => {
  if (pending.length === 0) return;
  send({ kind: 'received', receipts: pending, lost });
  pending = [];
}, 100);

process.on('message', (message: ToWorker) => {
  if (message.kind === 'connect') {
    void connectAll(message);
  } else if (message.kind === 'close') {
    closing = true;
    clearInterval(flusher);
    if (pending.length > 0) send({ kind: 'received', receipts: pending, lost });
    for (const socket of sockets) socket.close();
    send({ kind: 'closed', lost });
    process.disconnect();
  }
});
// The parent died: nothing is left to report to.
process.on('disconnect', () => process.exit(0));
