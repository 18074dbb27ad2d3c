import { z } from 'zod';
import { baseServiceConfigShape, port, positiveInt, secretUrl } from '@eventonight/platform';

/** The interaction service's environment (README lists each variable). */
export const interactionServiceConfig = z.object({
  ...baseServiceConfigShape,
  PORT: port({ allowEphemeral: true }).default(3003),
  /** The rate limit's shared counters (ADR 0041); unset: reviews are not limited. */
  REDIS_URL: secretUrl(['redis', 'rediss']).optional(),
  INTERACTION_REVIEWS_PER_MINUTE: positiveInt(5),
});

export type InteractionServiceConfig = z.output<typeof interactionServiceConfig>;
