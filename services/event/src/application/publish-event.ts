import type { Principal } from '@eventonight/platform';
import { decidePublish } from '../domain/lifecycle.js';
import { snapshotOf } from '../domain/snapshot.js';
import { changeEvent, type ChangeOutcome } from './change-event.js';
import type { EventAppDeps } from './deps.js';

/**
 * Publishes, then (dual path) tells ticketing synchronously. The publish and its outbox entry
 * are saved first, so `event.published` goes out whatever ticketing does; the call itself is
 * bounded by the notifier's deadline and its failure only costs a log line.
 */
export async function publishEvent(
  deps: EventAppDeps,
  principal: Principal,
  eventId: string,
  expectedVersion: number | undefined,
): Promise<ChangeOutcome> {
  const outcome = await changeEvent(deps, principal, eventId, expectedVersion, (state, now) => decidePublish(state, now));
  if (deps.ticketing !== null) {
    try {
      await deps.ticketing.upsertEventTiers({
        event: snapshotOf(outcome.state),
        aggregateVersion: outcome.version,
        tiers: outcome.state.tiers,
      });
    } catch (error) {
      // The notifier promises not to throw; this guards the user's request if one ever does.
      deps.logger.warn({ err: error, eventId }, 'ticketing notification failed; event.published remains the fallback');
    }
  }
  return outcome;
}
