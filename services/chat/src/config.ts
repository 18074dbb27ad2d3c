import { z } from 'zod';
import { baseServiceConfigShape, port, positiveInt, secretUrl } from '@eventonight/platform';

/** The chat service's environment (README lists each variable). */
export const chatServiceConfig = z.object({
  ...baseServiceConfigShape,
  PORT: port({ allowEphemeral: true }).default(3004),
  CHAT_REPAIR_INTERVAL_MS: positiveInt(30_000),
  CHAT_REPAIR_GRACE_MS: positiveInt(10_000),
  /** The rate limit's shared counters (ADR 0041); unset: messages are not limited. */
  REDIS_URL: secretUrl(['redis', 'rediss']).optional(),
  CHAT_MESSAGES_PER_MINUTE: positiveInt(30),
});

export type ChatServiceConfig = z.output<typeof chatServiceConfig>;
