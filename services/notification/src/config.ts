import { z } from 'zod';
import { baseServiceConfigShape, nonEmptyString, port, positiveInt, secret, secretUrl } from '@eventonight/platform';

/**
 * The web app's origins when nothing else is said: through the local gateway and on the local
 * static server (scripts/web.sh). Both reach Socket.IO on their own origin (/api/notification/),
 * so these only matter to a page of one calling the service across origins.
 */
export const LOCAL_APP_ORIGINS: readonly string[] = ['http://app.localhost:8000', 'http://127.0.0.1:5173', 'http://localhost:5173'];

const ORIGINS_RULE = 'must be a comma-separated list of origins such as https://app.example.com (scheme, host, optional port; no path)';

/** `https://app.example.com[/]` → `https://app.example.com`; anything else (a path, a query, another scheme) → undefined. */
function originOf(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  return bare && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : undefined;
}

/** Comma-separated browser origins, each normalised to scheme://host[:port]. */
function origins() {
  return z
    .string({ error: ORIGINS_RULE })
    .transform((value, context) => {
      const list = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
      const parsed = list.map(originOf);
      if (list.length === 0 || parsed.some((origin) => origin === undefined)) {
        context.addIssue({ code: 'custom', message: ORIGINS_RULE });
        return z.NEVER;
      }
      return parsed as string[];
    })
    .default([...LOCAL_APP_ORIGINS]);
}

/** The notification service's environment (README lists each variable). */
export const notificationServiceConfig = z.object({
  ...baseServiceConfigShape,
  PORT: port({ allowEphemeral: true }).default(3006),
  /** Unset = a single replica: pushes reach only sockets connected to this process. */
  REDIS_URL: secretUrl(['redis', 'rediss']).optional(),
  /** The queue (and connection/log name); every replica shares it. Only tests change it. */
  SERVICE_NAME: nonEmptyString().default('notification'),
  /**
   * Most Socket.IO connections this process holds; further handshakes are refused (403) so
   * that, near its open-files limit, the process keeps files for MongoDB, RabbitMQ and Redis.
   * Unset = no cap. Set it a few hundred below `ulimit -n`.
   */
  SOCKET_MAX_CONNECTIONS: positiveInt().optional(),
  /**
   * The origins whose pages may read Socket.IO's long-polling answers (CORS, with credentials:
   * the sticky cookie). Production: the web app's (https://app.<DOMAIN>). Any other origin gets
   * no Access-Control-Allow-Origin; the handshake's token is what authenticates, not the origin.
   */
  SOCKET_CORS_ORIGINS: origins(),
  /** Followers read and notified per round of an `event.published` fan-out. */
  FANOUT_BATCH_SIZE: positiveInt(200),
  /**
   * The mail server, `smtp[s]://user:password@host:port`. Unset = no mail is sent (said at start);
   * in production its password must be a real one, like every secret. Locally: Mailpit.
   */
  SMTP_URL: secretUrl(['smtp', 'smtps']).optional(),
  /** The sender of every mail; its domain also names the Message-IDs. */
  MAIL_FROM: nonEmptyString().default('EventoNight <tickets@eventonight.localhost>'),
  /** Where a mail's links lead: the web app's origin. */
  APP_URL: nonEmptyString().default('http://app.localhost:8000'),
  /**
   * This service's API as mail clients reach it: the one-click unsubscribe URL of every optional
   * mail starts with it (`<MAIL_API_URL>/mail-unsubscribe?token=…`). Unset = `<APP_URL>/api/notification`,
   * the gateway's path on the web app's origin.
   */
  MAIL_API_URL: nonEmptyString().optional(),
  /**
   * Signs the unsubscribe links (HMAC-SHA256, ADR 0032): whoever knows it can stop anyone's mail.
   * A development default locally; production requires a real one. Changing it retires every link
   * in mails already sent.
   */
  MAIL_UNSUBSCRIBE_SECRET: secret({ devDefault: 'local-unsubscribe-links-only' }),
  /** How mail writes dates and money for members who chose no locale or zone of their own. */
  MAIL_LOCALE: nonEmptyString().default('en-GB'),
  MAIL_TIME_ZONE: nonEmptyString().default('Europe/Rome'),
  /** How often the sender looks for mail to send besides being woken by the consumer. */
  MAIL_POLL_INTERVAL_MS: positiveInt(2_000),
  /** How often the reminder job looks for events starting within a day. */
  REMINDER_INTERVAL_MS: positiveInt(60_000),
});

export type NotificationServiceConfig = z.output<typeof notificationServiceConfig>;
