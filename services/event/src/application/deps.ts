import type { AggregateStore, ErasureLedger, ExportPartState, Logger, SafetyCopies } from '@eventonight/platform';
import type { EventState } from '../domain/event.js';
import type { EventReads } from '../persistence/event-reads.js';
import type { CatalogueCache, Clock, TicketingNotifier } from './ports.js';

/** Everything the commands and queries use, built once in service.ts. */
export interface EventAppDeps {
  store: AggregateStore<EventState>;
  reads: EventReads;
  clock: Clock;
  newId: () => string;
  /** Null when the dual path is off (TICKETING_INTERNAL_URL unset). */
  ticketing: TicketingNotifier | null;
  /** The public list's and page's cache; told about every write. */
  catalogue: CatalogueCache;
  logger: Logger;
  /** Erased accounts (ADR 0027): their still-valid tokens are refused. */
  ledger: ErasureLedger;
  /** This service's answers to data-export requests. */
  exportParts: AggregateStore<ExportPartState>;
  /** The web app's origin (APP_URL), for links to an event's page. */
  appUrl: string;
  /** Which events a moderator hid (ADR 0041). */
  safety: SafetyCopies;
}

export interface VersionedEvent {
  state: EventState;
  version: number;
}
