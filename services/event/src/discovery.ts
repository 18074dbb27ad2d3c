import type { AggregateStore, EventHandlers, RouteHost } from '@eventonight/platform';
import type { Db } from 'mongodb';
import type { EventAppDeps } from './application/deps.js';
import type { EventState } from './domain/event.js';
import { discoveryRoutes } from './http/discovery-routes.js';
import { discoveryHandlers } from './messaging/discovery-handlers.js';
import { DiscoveryCopies } from './persistence/discovery-copies.js';
import { DiscoveryReads } from './persistence/discovery-reads.js';
import { backfillGeoCells } from './persistence/geo-cells-backfill.js';

/** Wires discovery (ADR 0040) into the event service: its copies, indexes, routes and handlers. */
export async function wireDiscovery(db: Db, store: AggregateStore<EventState>, app: EventAppDeps) {
  const copies = new DiscoveryCopies(db);
  await copies.ensureIndexes();
  await store.ensureIndexes([{ key: { status: 1, geoCells: 1 }, name: 'status_geoCells' }]);
  // Events stored before near me get their cells; kept cells of the catalogue are dropped after.
  const filled = await backfillGeoCells(store.collection);
  if (filled > 0) {
    app.logger.info({ events: filled }, 'near me: geohash cells given to events stored before it');
    await app.catalogue.changed();
  }
  const deps = { app, copies, reads: new DiscoveryReads(store.collection) };
  return {
    routes: (host: RouteHost) => discoveryRoutes(host, deps),
    handlers: (base: EventHandlers): EventHandlers => ({ ...base, ...discoveryHandlers(copies, app.ledger, base) }),
  };
}
