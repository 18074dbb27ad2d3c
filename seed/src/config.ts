import { z } from 'zod';
import { httpUrl, nonEmptyString, secret } from '@eventonight/platform';

/** Where the seed finds the services and Keycloak (README lists each variable). */
export const seedConfig = z.object({
  USER_URL: httpUrl().default('http://127.0.0.1:3001'),
  EVENT_URL: httpUrl().default('http://127.0.0.1:3002'),
  INTERACTION_URL: httpUrl().default('http://127.0.0.1:3003'),
  KEYCLOAK_URL: httpUrl().default('http://localhost:8080'),
  KEYCLOAK_REALM: nonEmptyString().default('eventonight'),
  KEYCLOAK_CLIENT_ID: nonEmptyString().default('eventonight-test'),
  /** The demo accounts' password. Production has no default: the operator chooses it (SEED_PASSWORD_FILE works too). */
  SEED_PASSWORD: secret({ minLength: 8, devDefault: 'Demo-night-2024!' }),
});

export type SeedConfig = z.output<typeof seedConfig>;

/** docker-compose's seed profile names the URLs `<NAME>_SERVICE_URL`; those are read when `<NAME>_URL` is unset. */
export function seedEnv(env: Readonly<Record<string, string | undefined>> = process.env): Record<string, string | undefined> {
  const withAliases: Record<string, string | undefined> = { ...env };
  for (const name of ['USER', 'EVENT', 'INTERACTION']) {
    if ((withAliases[`${name}_URL`] ?? '') === '') withAliases[`${name}_URL`] = env[`${name}_SERVICE_URL`];
  }
  return withAliases;
}
