import { refuseParticipation } from '../domain/event-rules.js';
import { participationEvent } from '../domain/events.js';
import { relationId } from '../domain/keys.js';
import type { ParticipationState } from '../domain/relations.js';
import type { InteractionDeps } from './deps.js';
import { asLiveCaller, eventFor, visibleEvent } from './event-gate.js';
import { decideAndWrite, type Decision, type Outcome } from './write-once.js';

/** Marks the user as going, optionally because of a ticket order (remembered so it counts once). */
function join(
  eventId: string,
  userId: string,
  eventOwnerId: string,
  now: Date,
  orderId: string | null,
): (current: { state: ParticipationState } | null) => Decision<ParticipationState> {
  return (current) => {
    if (current === null) {
      const state: ParticipationState = {
        _id: relationId('participation', eventId, userId),
        eventId,
        userId,
        active: true,
        activatedAt: now,
        updatedAt: now,
        ticketOrderIds: orderId === null ? [] : [orderId],
      };
      return { kind: 'create', state, events: [participationEvent('interaction.participation.added', state, eventOwnerId)] };
    }
    const known = current.state.ticketOrderIds ?? [];
    if (orderId !== null && known.includes(orderId)) return { kind: 'none' };
    const ticketOrderIds = orderId === null ? known : [...known, orderId];
    if (current.state.active) {
      return orderId === null ? { kind: 'none' } : { kind: 'update', changes: { ticketOrderIds }, events: [] };
    }
    return {
      kind: 'update',
      changes: { active: true, activatedAt: now, updatedAt: now, ticketOrderIds },
      events: [participationEvent('interaction.participation.added', current.state, eventOwnerId)],
    };
  };
}

export async function participateCommand(deps: InteractionDeps, userId: string, eventId: string): Promise<Outcome> {
  const event = await asLiveCaller(deps, userId, () => eventFor(deps, eventId, refuseParticipation));
  return decideAndWrite(deps.participations, relationId('participation', eventId, userId), join(eventId, userId, event.organizerId, deps.clock(), null));
}

/**
 * A purchased ticket makes the buyer a participant. The order id is recorded in the same
 * document, so a redelivered purchase, or one arriving after the user left, changes nothing.
 */
export async function participateByTicket(
  deps: InteractionDeps,
  purchase: { eventId: string; buyerId: string; organizerId: string; orderId: string },
): Promise<Outcome> {
  const { eventId, buyerId, organizerId, orderId } = purchase;
  return decideAndWrite(deps.participations, relationId('participation', eventId, buyerId), join(eventId, buyerId, organizerId, deps.clock(), orderId));
}

export async function leaveCommand(deps: InteractionDeps, userId: string, eventId: string): Promise<Outcome> {
  const event = await asLiveCaller(deps, userId, () => visibleEvent(deps, eventId));
  const now = deps.clock();
  return decideAndWrite(deps.participations, relationId('participation', eventId, userId), (current) => {
    if (current === null || !current.state.active) return { kind: 'none' };
    return {
      kind: 'update',
      changes: { active: false, updatedAt: now },
      events: [participationEvent('interaction.participation.removed', current.state, event.organizerId)],
    };
  });
}

export async function isParticipant(deps: InteractionDeps, userId: string, eventId: string): Promise<boolean> {
  const found = await deps.participations.load(relationId('participation', eventId, userId));
  return found?.state.active === true;
}
