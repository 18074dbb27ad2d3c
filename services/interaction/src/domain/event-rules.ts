import type { EventCopy } from './copies.js';

/** Why an event refuses an interaction; the application layer maps each to a problem. */
export type EventRefusal = 'not-found' | 'cancelled' | 'over' | 'not-started';

/** Drafts are private to their organizer: to everybody else they do not exist. */
export function isVisible(event: EventCopy | null): event is EventCopy {
  return event !== null && event.status !== 'draft';
}

/** Liking: any visible event that is not cancelled (a completed one can still be liked). */
export function refuseLike(event: EventCopy | null): EventRefusal | null {
  if (!isVisible(event)) return 'not-found';
  if (event.status === 'cancelled') return 'cancelled';
  return null;
}

/** Going: only while the event is published (not cancelled, not over). */
export function refuseParticipation(event: EventCopy | null): EventRefusal | null {
  const refusal = refuseLike(event);
  if (refusal !== null) return refusal;
  return event?.status === 'completed' ? 'over' : null;
}

/** Reviewing: once the event has started (published and under way, or completed). */
export function refuseReview(event: EventCopy | null, now: Date): EventRefusal | null {
  const refusal = refuseLike(event);
  if (refusal !== null) return refusal;
  return event !== null && event.startsAt.getTime() > now.getTime() ? 'not-started' : null;
}
