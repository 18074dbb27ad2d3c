import { baseServiceConfig, httpUrl, nonEmptyString, port, positiveInt, secret } from '@eventonight/platform';
import type { z } from 'zod';

/** The base variables plus the Keycloak admin connection (see README.md). */
export const userServiceConfig = baseServiceConfig.extend({
  PORT: port({ allowEphemeral: true }).default(3001),
  KEYCLOAK_URL: httpUrl(),
  KEYCLOAK_REALM: nonEmptyString().default('eventonight'),
  KEYCLOAK_CLIENT_ID: nonEmptyString().default('user-service'),
  KEYCLOAK_CLIENT_SECRET: secret(),
  KEYCLOAK_TIMEOUT_MS: positiveInt(5_000),
  /** How often expired data exports (and their parts) are deleted. */
  USER_EXPORT_SWEEP_INTERVAL_MS: positiveInt(600_000),
});

export type UserServiceConfig = z.output<typeof userServiceConfig>;
