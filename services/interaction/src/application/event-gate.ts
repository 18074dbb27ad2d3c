import { problemOf, problems, type Problem } from '@eventonight/platform';
import type { EventCopy } from '../domain/copies.js';
import { isVisible, type EventRefusal } from '../domain/event-rules.js';
import type { InteractionDeps } from './deps.js';
import { eventCancelled, eventNotStarted, eventOver } from './problem-kinds.js';

const detailOf: Record<EventRefusal, () => Problem> = {
  'not-found': () => problems.notFound('The event does not exist.'),
  cancelled: () => problemOf(eventCancelled, 'The event was cancelled.', { extensions: { reason: 'event-cancelled' } }),
  over: () => problemOf(eventOver, 'The event is over.', { extensions: { reason: 'event-over' } }),
  'not-started': () =>
    problemOf(eventNotStarted, 'An event can be reviewed only once it has started.', { extensions: { reason: 'event-not-started' } }),
};

export function refusalProblem(refusal: EventRefusal): Problem {
  return detailOf[refusal]();
}

/** Loads the local copy of an event and applies `rule`; a refusal becomes its problem. */
export async function eventFor(
  deps: InteractionDeps,
  eventId: string,
  rule: (event: EventCopy | null) => EventRefusal | null,
): Promise<EventCopy> {
  const event = await deps.copies.event(eventId);
  const refusal = rule(event);
  if (refusal !== null || event === null) throw refusalProblem(refusal ?? 'not-found');
  return event;
}

/** For reads and removals: any event a client may know about (not a draft, not unknown). */
export function visibleEvent(deps: InteractionDeps, eventId: string): Promise<EventCopy> {
  return eventFor(deps, eventId, (event) => (isVisible(event) ? null : 'not-found'));
}

/**
 * A deleted account's access token stays valid until it expires: every command and every read of
 * the caller's own data refuses it (401 account-deleted, ADR 0027). `lookup` (the event copy, the
 * other user) runs alongside the ledger's one indexed count, so the like path waits for one round
 * trip, not two; the refusal wins over whatever the lookup answered.
 */
export async function asLiveCaller<T>(deps: InteractionDeps, callerId: string, lookup: () => Promise<T>): Promise<T> {
  const [refusal, found] = await Promise.allSettled([deps.ledger.refuseErased(callerId), lookup()]);
  if (refusal.status === 'rejected') throw refusal.reason;
  if (found.status === 'rejected') throw found.reason;
  return found.value;
}
