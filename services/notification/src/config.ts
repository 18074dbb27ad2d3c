import { z } from 'zod';
import { baseServiceConfigShape, nonEmptyString, port, positiveInt, secretUrl } from '@eventonight/platform';

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
  /** Followers read and notified per round of an `event.published` fan-out. */
  FANOUT_BATCH_SIZE: positiveInt(200),
});

export type NotificationServiceConfig = z.output<typeof notificationServiceConfig>;
