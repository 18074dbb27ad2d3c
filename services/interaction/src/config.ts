import { z } from 'zod';
import { baseServiceConfigShape, port } from '@eventonight/platform';

/** The interaction service's environment (README lists each variable). */
export const interactionServiceConfig = z.object({
  ...baseServiceConfigShape,
  PORT: port({ allowEphemeral: true }).default(3003),
});

export type InteractionServiceConfig = z.output<typeof interactionServiceConfig>;
