import { problems } from '@eventonight/platform';
import { refuseReview } from '../domain/event-rules.js';
import { reviewEvent } from '../domain/events.js';
import { relationId } from '../domain/keys.js';
import type { ReviewState } from '../domain/relations.js';
import type { InteractionDeps } from './deps.js';
import { asLiveCaller, eventFor } from './event-gate.js';
import { isParticipant } from './participations.js';
import { decideAndWrite, type Outcome } from './write-once.js';
import { refuseUnsafeReview } from './safety.js';

export interface ReviewInput {
  rating: number;
  text: string;
}

/**
 * Writes the caller's one review of an event: the first PUT creates it, later ones edit it;
 * an identical PUT changes nothing. Only participants, and only once the event has started.
 */
export async function putReviewCommand(
  deps: InteractionDeps,
  userId: string,
  eventId: string,
  input: ReviewInput,
): Promise<{ outcome: Outcome; review: ReviewState }> {
  await refuseUnsafeReview(deps, userId);
  const now = deps.clock();
  const event = await asLiveCaller(deps, userId, () => eventFor(deps, eventId, (copy) => refuseReview(copy, now)));
  if (!(await isParticipant(deps, userId, eventId))) {
    throw problems.forbidden('Only participants of the event can review it.');
  }
  const id = relationId('review', eventId, userId);
  let review: ReviewState | undefined;
  const outcome = await decideAndWrite(deps.reviews, id, (current) => {
    if (current === null) {
      review = { _id: id, eventId, userId, rating: input.rating, text: input.text, createdAt: now, updatedAt: now };
      return { kind: 'create', state: review, events: [reviewEvent('interaction.review.added', review, event.organizerId)] };
    }
    if (current.state.rating === input.rating && current.state.text === input.text) {
      review = current.state;
      return { kind: 'none' };
    }
    review = { ...current.state, rating: input.rating, text: input.text, updatedAt: now };
    return {
      kind: 'update',
      changes: { rating: input.rating, text: input.text, updatedAt: now },
      events: [reviewEvent('interaction.review.updated', review, event.organizerId)],
    };
  });
  if (review === undefined) throw new Error('review decision did not run');
  return { outcome, review };
}
