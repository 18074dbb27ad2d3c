import { ErasureLedger, type ServiceDefinition } from '@eventonight/platform';
import type { UserDeps } from './application/deps.js';
import type { UserServiceConfig } from './config.js';
import { userRoutes } from './http/routes.js';
import { safetyRoutes } from './http/safety-routes.js';
import { KeycloakAccounts } from './identity/keycloak-accounts.js';
import { exportSweepJob } from './jobs/export-sweep.js';
import { userHandlers } from './messaging/handlers.js';
import { EXPORTS, openExportStore, ReceivedParts } from './persistence/exports.js';
import { openProfileStore, PROFILES } from './persistence/profiles.js';
import { openSafetyStores, SAFETY_AGGREGATES } from './persistence/safety.js';

/** Seams for tests; production uses none of them. */
export interface UserServiceOverrides {
  clock?: () => Date;
}

/**
 * The user service: profiles (aggregate `profiles`) over Keycloak accounts, and members' data
 * exports (aggregate `exports`, parts in `export_parts_received`). It consumes its own
 * `user.deleted` and `user.export.requested`, and the other services' export parts.
 */
export function createUserService(overrides: UserServiceOverrides = {}): ServiceDefinition<UserServiceConfig> {
  return {
    name: 'user',
    version: '0.1.0',
    aggregateCollections: [PROFILES, EXPORTS, ...SAFETY_AGGREGATES],
    async setup(context) {
      const { config, logger, db, jobLease } = context;
      const parts = new ReceivedParts(db);
      await parts.ensureIndexes();
      const deps: UserDeps = {
        store: await openProfileStore(context),
        ledger: new ErasureLedger(db),
        exports: await openExportStore(context),
        parts,
        safety: await openSafetyStores(context),
        clock: overrides.clock ?? (() => new Date()),
        logger,
        identity: new KeycloakAccounts({
          url: config.KEYCLOAK_URL,
          realm: config.KEYCLOAK_REALM,
          clientId: config.KEYCLOAK_CLIENT_ID,
          clientSecret: config.KEYCLOAK_CLIENT_SECRET,
          timeoutMs: config.KEYCLOAK_TIMEOUT_MS,
          logger,
        }),
      };
      const interval = config.USER_EXPORT_SWEEP_INTERVAL_MS;
      return {
        routes: (host) => {
          userRoutes(host, deps);
          safetyRoutes(host, { ...deps, ...deps.safety });
        },
        handlers: userHandlers(deps),
        jobs: [exportSweepJob(deps, interval, jobLease('sweep-exports', interval))],
      };
    },
  };
}

export const userService: ServiceDefinition<UserServiceConfig> = createUserService();
