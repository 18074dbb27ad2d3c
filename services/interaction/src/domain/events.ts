import type { PendingEvent } from '@eventonight/platform';
import type { FollowState, LikeState, ParticipationState, ReviewState } from './relations.js';

/** The facts this service publishes, built from the aggregate and the event's owner. */

export function likeEvent(type: 'interaction.like.added' | 'interaction.like.removed', like: LikeState, eventOwnerId: string): PendingEvent {
  return { type, data: { eventId: like.eventId, userId: like.userId, eventOwnerId } };
}

export function participationEvent(
  type: 'interaction.participation.added' | 'interaction.participation.removed',
  participation: ParticipationState,
  eventOwnerId: string,
): PendingEvent {
  return { type, data: { eventId: participation.eventId, userId: participation.userId, eventOwnerId } };
}

export function followEvent(type: 'interaction.follow.added' | 'interaction.follow.removed', follow: FollowState): PendingEvent {
  return { type, data: { followerId: follow.followerId, followeeId: follow.followeeId } };
}

export function reviewEvent(
  type: 'interaction.review.added' | 'interaction.review.updated',
  review: ReviewState,
  eventOwnerId: string,
): PendingEvent {
  return {
    type,
    data: {
      reviewId: review._id,
      eventId: review.eventId,
      userId: review.userId,
      eventOwnerId,
      rating: review.rating,
      text: review.text,
    },
  };
}
