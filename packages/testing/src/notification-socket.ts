import { io, type Socket } from 'socket.io-client';

/**
 * A Socket.IO client of the notification service, connected with `token` (none: refused), or
 * the `connect_error` that refused it. It does not reconnect by itself: a test sees a drop.
 */
export function connectNotificationSocket(url: string, token: string | undefined, timeoutMs = 5_000): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    timeout: timeoutMs,
    ...(token === undefined ? {} : { auth: { token } }),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}
