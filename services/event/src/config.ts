import { z } from 'zod';
import { appUrl, baseServiceConfigShape, httpUrl, nonEmptyString, port, positiveInt, secret, secretUrl } from '@eventonight/platform';

/**
 * The event service's environment (README lists each variable). The dual path is on when
 * TICKETING_INTERNAL_URL is set, and then needs the Keycloak client credentials to call it.
 */
export const eventServiceConfig = z
  .object({
    ...baseServiceConfigShape,
    PORT: port({ allowEphemeral: true }).default(3002),
    EVENT_COMPLETION_INTERVAL_MS: positiveInt(60_000),
    TICKETING_INTERNAL_URL: httpUrl().optional(),
    TICKETING_TIMEOUT_MS: positiveInt(2_000),
    KEYCLOAK_TOKEN_URL: httpUrl().optional(),
    EVENT_SERVICE_CLIENT_ID: nonEmptyString().default('event-service'),
    EVENT_SERVICE_CLIENT_SECRET: secret().optional(),
    /** The catalogue cache (docs/adr/0016); unset, every read goes to the database. */
    REDIS_URL: secretUrl(['redis', 'rediss']).optional(),
    CATALOGUE_CACHE_TTL_SEC: positiveInt(60),
    /** The web app's origin: an event's calendar file links to its page there. */
    APP_URL: appUrl(),
  })
  .superRefine((config, ctx) => {
    if (config.TICKETING_INTERNAL_URL === undefined) return;
    for (const name of ['KEYCLOAK_TOKEN_URL', 'EVENT_SERVICE_CLIENT_SECRET'] as const) {
      if (config[name] === undefined) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when TICKETING_INTERNAL_URL is set' });
      }
    }
  });

export type EventServiceConfig = z.output<typeof eventServiceConfig>;
