import { randomUUID } from 'node:crypto';
import { EXPORT_PARTS_COLLECTION, ErasureLedger, SafetyCopies, withClientSpans, type ExportPartState, type ServiceDefinition } from '@eventonight/platform';
import type { EventAppDeps } from './application/deps.js';
import type { AccessTokenSource, Clock } from './application/ports.js';
import type { EventServiceConfig } from './config.js';
import type { EventState } from './domain/event.js';
import { wireDiscovery } from './discovery.js';
import { eventRoutes } from './http/routes.js';
import { completionJob } from './jobs/completion-job.js';
import { privacyHandlers } from './messaging/privacy-handlers.js';
import { safetyHandlers } from './messaging/safety-handlers.js';
import { clientCredentialsTokenSource } from './outbound/keycloak-token-source.js';
import { httpTicketingNotifier } from './outbound/ticketing-client.js';
import { EVENTS_COLLECTION, eventIndexes } from './persistence/event-collection.js';
import { EventReads } from './persistence/event-reads.js';
import { RedisCatalogueCache, noCatalogueCache } from './outbound/redis-catalogue-cache.js';

/** Seams for tests; production uses none of them (config decides). */
export interface EventServiceOverrides {
  clock?: Clock;
  /** Replaces Keycloak client credentials for the dual-path call. */
  tokenSource?: AccessTokenSource;
}

function tokenSourceFrom(config: EventServiceConfig): AccessTokenSource {
  const { KEYCLOAK_TOKEN_URL, EVENT_SERVICE_CLIENT_ID, EVENT_SERVICE_CLIENT_SECRET } = config;
  if (KEYCLOAK_TOKEN_URL === undefined || EVENT_SERVICE_CLIENT_SECRET === undefined) {
    throw new Error('the dual path needs KEYCLOAK_TOKEN_URL and EVENT_SERVICE_CLIENT_SECRET');
  }
  return clientCredentialsTokenSource({
    tokenUrl: KEYCLOAK_TOKEN_URL,
    clientId: EVENT_SERVICE_CLIENT_ID,
    clientSecret: EVENT_SERVICE_CLIENT_SECRET,
  });
}

export function eventService(overrides: EventServiceOverrides = {}): ServiceDefinition<EventServiceConfig> {
  return {
    name: 'event',
    aggregateCollections: [EVENTS_COLLECTION, EXPORT_PARTS_COLLECTION],
    async setup({ config, db, logger, store: storeOf, jobLease, metrics }) {
      const store = storeOf<EventState>(EVENTS_COLLECTION);
      await store.ensureIndexes(eventIndexes);
      const ticketingUrl = config.TICKETING_INTERNAL_URL;
      const cache =
        config.REDIS_URL === undefined
          ? null
          : // A client span per cache call while tracing (ADR 0036).
            withClientSpans(
              new RedisCatalogueCache({
                url: config.REDIS_URL,
                namespace: config.MONGO_DB,
                ttlSeconds: config.CATALOGUE_CACHE_TTL_SEC,
                logger: logger.child({ component: 'catalogue-cache' }),
                onLookup: metrics.cacheLookup('catalogue'),
              }),
              'redis',
              ['read', 'readJson', 'changed'],
            );
      const deps: EventAppDeps = {
        store,
        reads: new EventReads(store.collection),
        clock: overrides.clock ?? (() => new Date()),
        newId: randomUUID,
        ticketing:
          ticketingUrl === undefined
            ? null
            : httpTicketingNotifier({
                baseUrl: ticketingUrl,
                timeoutMs: config.TICKETING_TIMEOUT_MS,
                tokenSource: overrides.tokenSource ?? tokenSourceFrom(config),
                logger: logger.child({ component: 'ticketing-client' }),
              }),
        catalogue: cache ?? noCatalogueCache,
        logger,
        ledger: new ErasureLedger(db),
        exportParts: storeOf<ExportPartState>(EXPORT_PARTS_COLLECTION),
        appUrl: config.APP_URL,
        // Hiding or restoring an event moves the catalogue's generation at once (ADR 0016, 0041).
        safety: new SafetyCopies(db, ['event'], { onHiddenChanged: () => (cache ?? noCatalogueCache).changed() }),
      };
      await deps.safety.ensureIndexes();
      logger.info({ dualPath: ticketingUrl !== undefined, catalogueCache: cache !== null }, 'event service wired');
      const discovery = await wireDiscovery(db, store, deps);
      return {
        routes: (host) => (eventRoutes(host, deps), discovery.routes(host)),
        // Consumed since ADR 0027: erasure and data export; since ADR 0039 ticketing.tier.changed; since ADR 0040 discovery's copies; since ADR 0041 blocks and hidden items.
        handlers: discovery.handlers({ ...privacyHandlers(deps), ...safetyHandlers(deps.safety) }),
        jobs: [
          completionJob(deps, config.EVENT_COMPLETION_INTERVAL_MS, jobLease('complete-ended-events', config.EVENT_COMPLETION_INTERVAL_MS)),
          // The cache's connection lives as long as the jobs: made after start-up, closed at shutdown.
          ...(cache === null ? [] : [{ name: 'catalogue-cache', start: () => cache.start(), stop: () => cache.stop() }]),
        ],
      };
    },
  };
}
