import { ticketingInternal } from '@eventonight/contracts';
import { correlationIdOrNew, type Logger } from '@eventonight/platform';
import type { AccessTokenSource, TicketingNotifier, UpsertEventTiersBody } from '../application/ports.js';

export interface TicketingClientOptions {
  /** e.g. http://ticketing:3005 (a path prefix is kept). */
  baseUrl: string;
  /** Deadline for the whole call, token included. */
  timeoutMs: number;
  tokenSource: AccessTokenSource;
  logger: Logger;
  fetch?: typeof fetch;
}

/** The dual path's HTTP call (contracts: ticketingInternal.upsertEventTiers); failures are logged, never thrown. */
export function httpTicketingNotifier(options: TicketingClientOptions): TicketingNotifier {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const contract = ticketingInternal.upsertEventTiers;

  return {
    async upsertEventTiers(body: UpsertEventTiersBody) {
      const eventId = body.event.eventId;
      const signal = AbortSignal.timeout(options.timeoutMs);
      const startedAt = Date.now();
      try {
        const payload = contract.body.parse(body);
        const token = await options.tokenSource(signal);
        const response = await doFetch(`${base}${contract.path.replace(':eventId', encodeURIComponent(eventId))}`, {
          method: contract.method,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'x-correlation-id': correlationIdOrNew(),
          },
          body: JSON.stringify(payload),
          signal,
        });
        await response.body?.cancel();
        if (!response.ok) {
          options.logger.warn({ eventId, status: response.status }, 'ticketing refused the tiers; event.published remains the fallback');
          return 'failed';
        }
        options.logger.debug({ eventId, ms: Date.now() - startedAt }, 'ticketing has the tiers');
        return 'delivered';
      } catch (error) {
        const timedOut = signal.aborted;
        options.logger.warn(
          { eventId, err: error, timedOut, ms: Date.now() - startedAt },
          'ticketing not reachable in time; event.published remains the fallback',
        );
        return 'failed';
      }
    },
  };
}
