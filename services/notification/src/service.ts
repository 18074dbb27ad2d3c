import { EXPORT_PARTS_COLLECTION, ErasureLedger, startService, type ExportPartState, type RunningService } from '@eventonight/platform';
import type { Server as SocketServer } from 'socket.io';
import type { ErasureDeps } from './application/erase-user.js';
import type { Clock, EventActivityKind, Push, Pusher } from './application/ports.js';
import type { NotificationServiceConfig } from './config.js';
import { notificationRoutes } from './http/routes.js';
import { notificationHandlers } from './messaging/handlers.js';
import { AudienceRepository, FOLLOWERS_COLLECTION, PARTICIPANTS_COLLECTION } from './persistence/audience.js';
import { NotificationRepository } from './persistence/notifications.js';
import { PreferencesRepository } from './persistence/preferences.js';
import { startRealtime, type RealtimeServer } from './realtime/socket-server.js';

export interface NotificationServiceOptions {
  /** Overrides SERVICE_NAME (the queue's name too): tests give each run its own. */
  name?: string;
  clock?: Clock;
  /** False = a socket-only replica that consumes no events (tests prove cross-replica pushes with it). */
  consume?: boolean;
}

export interface RunningNotificationService extends RunningService {
  io: SocketServer;
}

/**
 * Handlers are wired before Socket.IO exists (it attaches to the listening HTTP server), so
 * they push through this stand-in; consuming starts only after the attachment, so no push is
 * ever dropped for lack of a server.
 */
class PusherOnceAttached implements Pusher {
  target: RealtimeServer | undefined;

  pushMany(pushes: readonly Push[]): void {
    this.target?.pushMany(pushes);
  }

  eventActivity(eventId: string, kind: EventActivityKind): void {
    this.target?.eventActivity(eventId, kind);
  }

  disconnectUser(userId: string): void {
    this.target?.disconnectUser(userId);
  }
}

/** The platform's service composition, plus Socket.IO attached to its HTTP server. */
export async function startNotificationService(
  config: NotificationServiceConfig,
  options: NotificationServiceOptions = {},
): Promise<RunningNotificationService> {
  const pusher = new PusherOnceAttached();
  const running = await startService<NotificationServiceConfig>(
    {
      name: options.name ?? config.SERVICE_NAME,
      // Publishes only its part of a member's data export, through that aggregate's outbox.
      aggregateCollections: [EXPORT_PARTS_COLLECTION],
      async setup({ db, logger, verifier, store }) {
        const notifications = new NotificationRepository(db);
        const preferences = new PreferencesRepository(db);
        const followers = new AudienceRepository(db, FOLLOWERS_COLLECTION);
        const participants = new AudienceRepository(db, PARTICIPANTS_COLLECTION);
        await notifications.ensureIndexes();
        await followers.ensureIndexes();
        await participants.ensureIndexes();
        const ledger = new ErasureLedger(db);
        const deps: ErasureDeps = {
          notifications,
          preferences,
          followers,
          participants,
          pusher,
          ledger,
          exportParts: store<ExportPartState>(EXPORT_PARTS_COLLECTION),
          fanOutBatchSize: config.FANOUT_BATCH_SIZE,
          logger,
        };
        return {
          routes: (host) => notificationRoutes(host, { notifications, preferences, ledger, clock: options.clock ?? (() => new Date()) }),
          handlers: notificationHandlers(deps),
          attach: async (httpServer) => {
            pusher.target = await startRealtime({
              httpServer,
              verifier,
              logger: logger.child({ component: 'realtime' }),
              corsOrigins: config.SOCKET_CORS_ORIGINS,
              isErased: (userId) => ledger.isErased(userId),
              ...(config.REDIS_URL === undefined ? {} : { redisUrl: config.REDIS_URL }),
              ...(config.SOCKET_MAX_CONNECTIONS === undefined ? {} : { maxConnections: config.SOCKET_MAX_CONNECTIONS }),
            });
            return pusher.target;
          },
        };
      },
    },
    config,
    { consume: options.consume !== false },
  );
  if (pusher.target === undefined) throw new Error('Socket.IO was not attached');
  return { ...running, io: pusher.target.io };
}

