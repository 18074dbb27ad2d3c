import { refuseLike } from '../domain/event-rules.js';
import { likeEvent } from '../domain/events.js';
import { relationId } from '../domain/keys.js';
import type { InteractionDeps } from './deps.js';
import { asLiveCaller, eventFor, visibleEvent } from './event-gate.js';
import { decideAndWrite, type Outcome } from './write-once.js';

/** Likes an event; liking again changes nothing and publishes nothing. */
export async function likeEventCommand(deps: InteractionDeps, userId: string, eventId: string): Promise<Outcome> {
  const event = await asLiveCaller(deps, userId, () => eventFor(deps, eventId, refuseLike));
  const id = relationId('like', eventId, userId);
  const now = deps.clock();
  return decideAndWrite(deps.likes, id, (current) => {
    if (current === null) {
      const state = { _id: id, eventId, userId, active: true, activatedAt: now, updatedAt: now };
      return { kind: 'create', state, events: [likeEvent('interaction.like.added', state, event.organizerId)] };
    }
    if (current.state.active) return { kind: 'none' };
    return {
      kind: 'update',
      changes: { active: true, activatedAt: now, updatedAt: now },
      events: [likeEvent('interaction.like.added', current.state, event.organizerId)],
    };
  });
}

/** Removes a like; removing one that is not there is a no-op (DELETE is idempotent). */
export async function unlikeEventCommand(deps: InteractionDeps, userId: string, eventId: string): Promise<Outcome> {
  const event = await asLiveCaller(deps, userId, () => visibleEvent(deps, eventId));
  const now = deps.clock();
  return decideAndWrite(deps.likes, relationId('like', eventId, userId), (current) => {
    if (current === null || !current.state.active) return { kind: 'none' };
    return {
      kind: 'update',
      changes: { active: false, updatedAt: now },
      events: [likeEvent('interaction.like.removed', current.state, event.organizerId)],
    };
  });
}
