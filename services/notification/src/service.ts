import {
  BusConnection,
  EventConsumer,
  connectMongo,
  createHttpApp,
  createJwtVerifier,
  createLogger,
  startHttpServer,
  type Logger,
} from '@eventonight/platform';
import type { Db } from 'mongodb';
import type { Server as SocketServer } from 'socket.io';
import type { DeliveryDeps } from './application/deliver.js';
import type { Clock } from './application/ports.js';
import type { NotificationServiceConfig } from './config.js';
import { notificationRoutes } from './http/routes.js';
import { notificationHandlers } from './messaging/handlers.js';
import { AudienceRepository, FOLLOWERS_COLLECTION, PARTICIPANTS_COLLECTION } from './persistence/audience.js';
import { NotificationRepository } from './persistence/notifications.js';
import { PreferencesRepository } from './persistence/preferences.js';
import { startRealtime } from './realtime/socket-server.js';

export interface NotificationServiceOptions {
  /** Overrides SERVICE_NAME (the queue's name too): tests give each run its own. */
  name?: string;
  clock?: Clock;
  /** False = a socket-only replica that consumes no events (tests prove cross-replica pushes with it). */
  consume?: boolean;
}

export interface RunningNotificationService {
  name: string;
  url: string;
  port: number;
  db: Db;
  logger: Logger;
  io: SocketServer;
  close(): Promise<void>;
}

/**
 * The platform's composition (logger → MongoDB → AMQP → consumer → HTTP) written out here,
 * because Socket.IO must attach to the node http.Server that `startService` keeps to itself.
 * No outbox relay: this service publishes no events. HTTP and sockets come up before the
 * consumer, so the first pushes have somewhere to go; shutdown runs in reverse.
 */
export async function startNotificationService(
  config: NotificationServiceConfig,
  options: NotificationServiceOptions = {},
): Promise<RunningNotificationService> {
  const name = options.name ?? config.SERVICE_NAME;
  const logger = createLogger({ service: name, level: config.LOG_LEVEL });
  const mongo = await connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB, appName: name, logger });
  const bus = new BusConnection({ url: config.AMQP_URL, name, logger });
  const verifier = createJwtVerifier({ jwksUrl: config.JWKS_URL, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });

  const notifications = new NotificationRepository(mongo.db);
  const preferences = new PreferencesRepository(mongo.db);
  const followers = new AudienceRepository(mongo.db, FOLLOWERS_COLLECTION);
  const participants = new AudienceRepository(mongo.db, PARTICIPANTS_COLLECTION);
  await notifications.ensureIndexes();
  await followers.ensureIndexes();
  await participants.ensureIndexes();
  const clock = options.clock ?? (() => new Date());

  const http = createHttpApp({
    service: name,
    logger,
    verifier,
    bodyLimit: config.HTTP_BODY_LIMIT,
    readiness: [
      { name: 'mongodb', check: () => mongo.ping() },
      {
        name: 'rabbitmq',
        check: async () => {
          if (!bus.connected) throw new Error('not connected');
        },
      },
    ],
  });
  notificationRoutes(http, { notifications, preferences, clock });
  const server = await startHttpServer(http.app, { port: config.PORT, logger, graceMs: config.SHUTDOWN_GRACE_MS });
  const realtime = await startRealtime({
    httpServer: server.server,
    verifier,
    logger: logger.child({ component: 'realtime' }),
    ...(config.REDIS_URL === undefined ? {} : { redisUrl: config.REDIS_URL }),
  });

  const deps: DeliveryDeps = {
    notifications,
    preferences,
    followers,
    participants,
    pusher: realtime,
    fanOutBatchSize: config.FANOUT_BATCH_SIZE,
    logger,
  };
  const consumer =
    options.consume === false ? null : new EventConsumer(bus, { service: name, handlers: notificationHandlers(deps), logger });
  await consumer?.start();
  await bus.start();
  logger.info({ port: server.port, redis: config.REDIS_URL !== undefined }, `${name} service listening`);

  return {
    name,
    url: server.url,
    port: server.port,
    db: mongo.db,
    logger,
    io: realtime.io,
    async close() {
      await consumer?.stop();
      await realtime.close();
      await server.close();
      await bus.close();
      await mongo.close();
    },
  };
}
