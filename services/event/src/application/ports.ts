import type { z } from 'zod';
import type { ticketingInternal } from '@eventonight/contracts';

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
