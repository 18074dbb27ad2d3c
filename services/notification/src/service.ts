import { EXPORT_PARTS_COLLECTION, ErasureLedger, startService, type ExportPartState, type RunningService } from '@eventonight/platform';
import type { Server as SocketServer } from 'socket.io';
import type { ErasureDeps } from './application/erase-user.js';
import type { Clock, EventActivityKind, Push, Pusher } from './application/ports.js';
import type { NotificationServiceConfig } from './config.js';
import type { MailQueueDeps } from './application/mail-queue.js';
import { notificationRoutes } from './http/routes.js';
import { mailJob } from './jobs/mail-job.js';
import { reminderJob } from './jobs/reminder-job.js';
import { ScheduleRepository } from './persistence/schedules.js';
import { smtpSender, type MailSender } from './outbound/smtp-sender.js';
import { ContactRepository } from './persistence/contacts.js';
import { MailRepository } from './persistence/mails.js';
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
  /** Replaces the SMTP sender (tests of a refusing server); the default speaks SMTP to SMTP_URL. */
  mailSender?: MailSender;
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

/** "EventoNight <tickets@eventonight.example>" → "eventonight.example" (the Message-IDs' domain). */
function mailDomainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'eventonight.localhost';
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
      async setup({ db, logger, verifier, store, jobLease, metrics }) {
        const notifications = new NotificationRepository(db);
        const preferences = new PreferencesRepository(db, { onLookup: metrics.cacheLookup('delivery-preferences') });
        const followers = new AudienceRepository(db, FOLLOWERS_COLLECTION);
        const participants = new AudienceRepository(db, PARTICIPANTS_COLLECTION);
        await notifications.ensureIndexes();
        await followers.ensureIndexes();
        await participants.ensureIndexes();
        const contacts = new ContactRepository(db);
        const mails = new MailRepository(db);
        await mails.ensureIndexes();
        const schedules = new ScheduleRepository(db);
        await schedules.ensureIndexes();
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
          contacts,
          mails,
        };
        const clock = options.clock ?? (() => new Date());
        const sender = options.mailSender ?? (config.SMTP_URL === undefined ? undefined : smtpSender({ url: config.SMTP_URL, from: config.MAIL_FROM, domain: mailDomainOf(config.MAIL_FROM) }));
        if (sender === undefined) logger.warn('SMTP_URL is not set: no mail is sent (addresses are kept, so mail starts once it is set)');
        const sending =
          sender === undefined
            ? undefined
            : mailJob({ mails, sender, clock, logger: logger.child({ component: 'mail' }) }, config.MAIL_POLL_INTERVAL_MS, jobLease('send-mails', config.MAIL_POLL_INTERVAL_MS));
        const appUrl = config.APP_URL.replace(/\/+$/, '');
        const links = { appUrl, apiUrl: (config.MAIL_API_URL ?? `${appUrl}/api/notification`).replace(/\/+$/, '') };
        const mail: MailQueueDeps | null =
          sending === undefined
            ? null
            : {
                ...deps,
                format: { locale: config.MAIL_LOCALE, timeZone: config.MAIL_TIME_ZONE },
                links,
                unsubscribeSecret: config.MAIL_UNSUBSCRIBE_SECRET,
                clock,
                wakeSender: () => sending.wake(),
              };
        return {
          routes: (host) =>
            notificationRoutes(host, {
              notifications,
              preferences,
              ledger,
              clock,
              unsubscribeSecret: config.MAIL_UNSUBSCRIBE_SECRET,
              platformFormat: { locale: config.MAIL_LOCALE, timeZone: config.MAIL_TIME_ZONE },
            }),
          handlers: notificationHandlers(deps, mail, schedules),
          jobs: [
            reminderJob({ schedules, delivery: deps, mail, clock }, config.REMINDER_INTERVAL_MS, jobLease('event-reminders', config.REMINDER_INTERVAL_MS), logger.child({ component: 'reminders' })),
            ...(sending === undefined ? [] : [{ name: sending.name, start: () => sending.start(), stop: async () => { await sending.stop(); sender?.close(); } }]),
          ],
          attach: async (httpServer) => {
            pusher.target = await startRealtime({
              httpServer,
              verifier,
              logger: logger.child({ component: 'realtime' }),
              corsOrigins: config.SOCKET_CORS_ORIGINS,
              isErased: (userId) => ledger.isErased(userId),
              metrics,
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

