import { io, type Socket } from 'socket.io-client';

export interface NotificationSocketOptions {
  timeoutMs?: number;
  /**
   * 'websocket' (default): one WebSocket from the start. 'polling-then-upgrade': what a browser
   * does by default, long-polling handshake then the upgrade, several requests that a load
   * balancer must send to one replica; its cookies (the sticky one) are kept and sent back.
   */
  transport?: 'websocket' | 'polling-then-upgrade';
  /**
   * The loopback address to connect from (any of 127.0.0.0/8): benchmarks holding many sockets
   * spread them over several, each with its own range of ephemeral ports.
   */
  localAddress?: string;
}

/**
 * A Socket.IO client of the notification service, connected with `token` (none: refused), or
 * the `connect_error` that refused it. It does not reconnect by itself: a test sees a drop.
 * `url` is the service's base URL; a path in it (`http://gateway/api/notification`) is where
 * Socket.IO lives behind a path-routing gateway (`<path>/socket.io`), not a namespace.
 */
export function connectNotificationSocket(url: string, token: string | undefined, options: NotificationSocketOptions | number = {}): Promise<Socket> {
  const { timeoutMs = 5_000, transport = 'websocket', localAddress } = typeof options === 'number' ? { timeoutMs: options } : options;
  const base = new URL(url);
  const socket = io(base.origin, {
    path: `${base.pathname.replace(/\/$/, '')}/socket.io`,
    transports: transport === 'websocket' ? ['websocket'] : ['polling', 'websocket'],
    withCredentials: transport !== 'websocket',
    reconnection: false,
    timeout: timeoutMs,
    ...(localAddress === undefined ? {} : { localAddress }),
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
