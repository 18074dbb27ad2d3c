import type { z } from 'zod';
import type { ticketingInternal } from '@eventonight/contracts';
import type { JsonText } from '@eventonight/platform';

/** What the application needs from the outside world, as plain functions and interfaces (injectable in tests). */

/** The current time. Production: `() => new Date()`; tests may shift it to make an event end. */
export type Clock = () => Date;

/**
 * A bearer token for calling other services as this service. Production: Keycloak client
 * credentials; tests: a token minted by the test issuer. Honors `signal` (the call's deadline).
 */
export type AccessTokenSource = (signal: AbortSignal) => Promise<string>;

export type UpsertEventTiersBody = z.infer<typeof ticketingInternal.upsertEventTiers.body>;

/**
 * The synchronous half of the dual path: tells ticketing about a published event's tiers at once.
 * Best effort by contract: it resolves (never rejects) within its own deadline, whatever ticketing does.
 */
export interface TicketingNotifier {
  upsertEventTiers(body: UpsertEventTiersBody): Promise<'delivered' | 'failed'>;
}

/** What a load hands to the catalogue cache: the value, and whether it may be shared. */
export interface Cacheable<T> {
  value: T;
  /** False for what only its owner may see (a draft): served, never stored. */
  share: boolean;
}

/**
 * The catalogue's read cache (docs/adr/0016): the public lists and event pages, and each
 * organization's own list under a key of its own. Every key lives in the current generation
 * of the catalogue; every write to an event (a new draft included) moves the generation on, so
 * the next read of any key reloads. A cache that cannot be reached is skipped: reads go to the
 * database.
 */
export interface CatalogueCache {
  read<T>(key: string, schema: z.ZodType<T>, load: () => Promise<Cacheable<T>>): Promise<{ value: T; hit: boolean }>;
  /**
   * As `read`, for an answer sent as it is: a hit is the kept text, neither parsed nor checked
   * again (it was parsed by `schema` when kept, under a key carrying the schema's fingerprint).
   */
  readJson<T>(key: string, schema: z.ZodType<T>, load: () => Promise<Cacheable<T>>): Promise<{ body: JsonText<T>; hit: boolean }>;
  /** Called after every write to an event, a new draft included, before the writer is answered (read-your-writes). */
  changed(): Promise<void>;
}
