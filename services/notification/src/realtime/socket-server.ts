import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { AuthenticationError, SpanKind, tracer, tracingEnabled, verifyHandshakeToken, type JwtVerifier, type Logger, type ServiceMetrics } from '@eventonight/platform';
import { z } from 'zod';
import type { EventActivityKind, Push, Pusher } from '../application/ports.js';
import { NOTIFICATION_TYPES } from '../domain/notification.js';

export const NOTIFICATION_EVENT = 'notification';
/** Sent just before the server disconnects a socket whose access token expired. */
export const SESSION_EXPIRED_EVENT = 'session_expired';
// setTimeout's ceiling (~24.8 days); access tokens live minutes.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A page asks to follow an event's counters: `watch` / `unwatch` with `{ eventId }`. */
export const WATCH_EVENT = 'watch';
export const UNWATCH_EVENT = 'unwatch';
/** Sent to the sockets watching an event: `{ eventId, kind }`, a counter of it moved. */
export const EVENT_ACTIVITY_EVENT = 'event.activity';
/** Pages open at once per socket: a tab shows one event; a few spare for quick navigation. */
const MAX_WATCHED_EVENTS = 5;

const watchRequest = z.strictObject({ eventId: z.string().min(1).max(128) });

/**
 * Between replicas (Redis adapter, server-side): one delivery's pushes in one message, each
 * replica emitting to those of the recipients connected to it.
 */
export const PUSH_BATCH_EVENT = 'notification.push-batch';
const pushBatch = z.array(
  z.object({
    recipientId: z.string().min(1),
    notification: z.object({
      id: z.string(),
      type: z.enum(NOTIFICATION_TYPES),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      createdAt: z.string(),
      read: z.boolean(),
      readAt: z.string().nullable(),
    }),
  }),
);

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

export function eventRoom(eventId: string): string {
  return `event:${eventId}`;
}

export interface RealtimeServer extends Pusher {
  readonly io: Server;
  /** Disconnects every socket and the Redis clients; the HTTP server is closed by its owner. */
  close(): Promise<void>;
}

/** Sent just before the server disconnects the sockets of an account that was erased. */
export const ACCOUNT_DELETED_REASON = 'account deleted';

/** A handshake with a valid token of an erased account (ADR 0027). */
function accountDeleted(): Error {
  return Object.assign(new Error('unauthorized: this account has been deleted'), { data: { status: 401, reason: 'account-deleted' } });
}

/** The message a refused client reads in `connect_error`: says why, never leaks a stack. */
function refusal(error: unknown): Error {
  if (error instanceof AuthenticationError) {
    const message = `unauthorized: access token ${error.failure}; send a valid one as auth.token`;
    return Object.assign(new Error(message), { data: { status: 401, reason: error.failure } });
  }
  return Object.assign(new Error('authentication is temporarily unavailable; retry later'), { data: { status: 503 } });
}

/**
 * Socket.IO on the service's own HTTP server: the handshake's `auth.token` must be a valid
 * access token, and each socket joins `user:<sub>`. With REDIS_URL, the Redis adapter joins the
 * replicas: a batch of pushes goes to the others in one server-side message and each emits to
 * its own connected recipients, so a push reaches the user wherever they are connected; the
 * event-page counters are room emits the adapter relays.
 */
export async function startRealtime(options: {
  httpServer: HttpServer;
  verifier: JwtVerifier;
  logger: Logger;
  redisUrl?: string;
  /** Handshakes beyond this many connected clients are refused; unset = no cap. */
  maxConnections?: number;
  /** The browser origins granted CORS (with credentials); every other origin gets no grant. */
  corsOrigins: readonly string[];
  /** True for an erased account: its still-valid token is refused at the handshake. */
  isErased?: (userId: string) => Promise<boolean>;
  /** Where connections (read at scrape time) and pushes are counted (ADR 0035). */
  metrics?: Pick<ServiceMetrics, 'socketioConnections' | 'socketioPushes'>;
}): Promise<RealtimeServer> {
  const { logger, maxConnections } = options;
  const io: Server = new Server({
    serveClient: false,
    // Only the app's origins: reflecting any origin with credentials would let every web page
    // read the long-polling answers with the visitor's cookies.
    cors: { origin: [...options.corsOrigins], credentials: true },
    // Called for new handshakes only; an open session's requests are never refused here.
    ...(maxConnections === undefined
      ? {}
      : {
          allowRequest: (_request, callback) => {
            const room = io.engine.clientsCount < maxConnections;
            callback(room ? null : 'this server holds its maximum of connections; retry later', room);
          },
        }),
  });

  const redisClients: Array<{ close(): Promise<void> }> = [];
  if (options.redisUrl !== undefined) {
    const pub = createClient({ url: options.redisUrl });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      client.on('error', (error: unknown) => logger.warn({ err: error }, 'redis client error'));
      redisClients.push(client);
    }
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
  }

  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown>)['token'];
    // A valid token of an erased account is refused too; a failing ledger read answers 503.
    const admitted = verifyHandshakeToken(options.verifier, token).then(async (principal) =>
      options.isErased !== undefined && (await options.isErased(principal.userId)) ? ('erased' as const) : principal,
    );
    admitted.then(
      (principal) => {
        if (principal === 'erased') {
          next(accountDeleted());
          return;
        }
        socket.data = { userId: principal.userId, expiresAt: principal.expiresAt };
        next();
      },
      (error: unknown) => {
        if (!(error instanceof AuthenticationError)) logger.warn({ err: error }, 'handshake verification failed');
        next(refusal(error));
      },
    );
  });

  io.on('connection', (socket) => {
    const { userId, expiresAt } = socket.data as { userId: string; expiresAt?: Date };
    void socket.join(userRoom(userId));
    // Counters are public (anyone may read them), so any signed-in socket may watch any event;
    // a malformed request is ignored, and the oldest watch makes room past the bound.
    const watched: string[] = [];
    socket.on(WATCH_EVENT, (request: unknown) => {
      const parsed = watchRequest.safeParse(request);
      if (!parsed.success || watched.includes(parsed.data.eventId)) return;
      watched.push(parsed.data.eventId);
      void socket.join(eventRoom(parsed.data.eventId));
      if (watched.length > MAX_WATCHED_EVENTS) void socket.leave(eventRoom(watched.shift() ?? ''));
    });
    socket.on(UNWATCH_EVENT, (request: unknown) => {
      const parsed = watchRequest.safeParse(request);
      if (!parsed.success || !watched.includes(parsed.data.eventId)) return;
      watched.splice(watched.indexOf(parsed.data.eventId), 1);
      void socket.leave(eventRoom(parsed.data.eventId));
    });
    // The token was checked once, at the handshake; the session must not outlive it. The client
    // gets a fresh token and connects again (socket.io-client does not reconnect by itself after
    // a server-side disconnect).
    if (expiresAt !== undefined) {
      const timer = setTimeout(() => {
        socket.emit(SESSION_EXPIRED_EVENT, { reason: 'access token expired; connect again with a fresh one' });
        socket.disconnect(true);
      }, Math.min(Math.max(0, expiresAt.getTime() - Date.now()), MAX_TIMER_MS));
      socket.once('disconnect', () => clearTimeout(timer));
    }
  });

  // Only recipients with a socket here cost an emit: a fan-out reaches thousands of followers,
  // most of them offline.
  const pushLocally = (pushes: readonly Push[]): void => {
    const rooms = io.of('/').adapter.rooms;
    for (const { recipientId, notification } of pushes) {
      const room = userRoom(recipientId);
      if (!rooms.has(room)) continue;
      io.local.to(room).emit(NOTIFICATION_EVENT, notification);
      options.metrics?.socketioPushes.inc();
    }
  };
  const replicated = options.redisUrl !== undefined;
  if (replicated) {
    io.on(PUSH_BATCH_EVENT, (pushes: unknown) => {
      const parsed = pushBatch.safeParse(pushes);
      if (parsed.success) pushLocally(parsed.data);
      else logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'malformed push batch from another replica ignored');
    });
  }

  io.attach(options.httpServer);
  options.metrics?.socketioConnections.readFrom(() => io.engine.clientsCount);

  return {
    io,
    pushMany(pushes: readonly Push[]) {
      if (pushes.length === 0) return;
      // The last span of an event's trace (ADR 0036): a child of the consumer span handling it.
      const span = tracingEnabled()
        ? tracer().startSpan('socket.io push', {
            kind: SpanKind.PRODUCER,
            attributes: { 'messaging.system': 'socket.io', 'eventonight.push.recipients': pushes.length, 'eventonight.push.replicated': replicated },
          })
        : undefined;
      try {
        pushLocally(pushes);
        // One message to the other replicas for the whole batch, not one per recipient.
        if (replicated) io.serverSideEmit(PUSH_BATCH_EVENT, pushes);
      } finally {
        span?.end();
      }
    },
    eventActivity(eventId: string, kind: EventActivityKind) {
      io.to(eventRoom(eventId)).emit(EVENT_ACTIVITY_EVENT, { eventId, kind });
    },
    disconnectUser(userId: string) {
      // Through the adapter: the user's sockets on every replica.
      io.to(userRoom(userId)).emit(SESSION_EXPIRED_EVENT, { reason: ACCOUNT_DELETED_REASON });
      io.in(userRoom(userId)).disconnectSockets(true);
    },
    async close() {
      // Not io.close(): it would also close the HTTP server, which its owner drains itself.
      // Only the connections close, never the Socket.IO sessions: a client whose session the
      // server ends (a DISCONNECT packet, 'io server disconnect') does not reconnect by itself, so
      // a rolling update would leave every browser on this replica without pushes. A closed
      // transport ('transport close') makes the client reconnect, through the edge, to a replica
      // still running. (io.disconnectSockets() would also reach the other replicas' sockets
      // through the Redis adapter.)
      io.engine.close();
      await Promise.all(redisClients.map((client) => client.close().catch(() => undefined)));
    },
  };
}
