import type { ServiceDefinition } from '@eventonight/platform';
import type { UserServiceConfig } from './config.js';
import { userRoutes } from './http/routes.js';
import { KeycloakAccounts } from './identity/keycloak-accounts.js';
import { openProfileStore, PROFILES } from './persistence/profiles.js';

/** The user service: profiles (aggregate `profiles`) over Keycloak accounts. It consumes no events. */
export const userService: ServiceDefinition<UserServiceConfig> = {
  name: 'user',
  version: '0.1.0',
  aggregateCollections: [PROFILES],
  async setup(context) {
    const { config, logger } = context;
    const store = await openProfileStore(context);
    const identity = new KeycloakAccounts({
      url: config.KEYCLOAK_URL,
      realm: config.KEYCLOAK_REALM,
      clientId: config.KEYCLOAK_CLIENT_ID,
      clientSecret: config.KEYCLOAK_CLIENT_SECRET,
      timeoutMs: config.KEYCLOAK_TIMEOUT_MS,
      logger,
    });
    return { routes: (host) => userRoutes(host, { store, identity }) };
  },
};
