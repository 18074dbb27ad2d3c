import type { z } from 'zod';
import type { EventCopy, UserCopy } from '../domain/copies.js';
import type { FollowState, ParticipationState, ReviewState } from '../domain/relations.js';
import { encodeTimeCursor, type TimeCursor } from '@eventonight/platform';
import type { participationList, reviewList, reviewView, userList } from './schemas.js';

/** Stored documents → response bodies (dates as ISO strings, cursors opaque). */

export function toReviewView(review: ReviewState): z.input<typeof reviewView> {
  return {
    reviewId: review._id,
    eventId: review.eventId,
    userId: review.userId,
    rating: review.rating,
    text: review.text,
    createdAt: review.createdAt.toISOString(),
    updatedAt: review.updatedAt.toISOString(),
  };
}

function nextCursor(next: TimeCursor | null): string | null {
  return next === null ? null : encodeTimeCursor(next);
}

function authorOf(userId: string, user: UserCopy | null) {
  return user === null ? null : { userId, displayName: user.displayName ?? '', avatarMediaId: user.avatarMediaId ?? null };
}

export function toReviewList(page: {
  items: Array<{ item: ReviewState; user: UserCopy | null }>;
  next: TimeCursor | null;
}): z.input<typeof reviewList> {
  return {
    items: page.items.map(({ item, user }) => ({ ...toReviewView(item), author: authorOf(item.userId, user) })),
    nextCursor: nextCursor(page.next),
  };
}

export function toUserList(
  page: { items: Array<{ item: FollowState; user: UserCopy | null }>; next: TimeCursor | null },
  userIdOf: (follow: FollowState) => string,
): z.input<typeof userList> {
  return {
    items: page.items.map(({ item, user }) => ({
      userId: userIdOf(item),
      displayName: user?.displayName ?? null,
      avatarMediaId: user?.avatarMediaId ?? null,
      since: item.activatedAt.toISOString(),
    })),
    nextCursor: nextCursor(page.next),
  };
}

export function toParticipationList(page: {
  items: Array<{ participation: ParticipationState; event: EventCopy | null }>;
  next: TimeCursor | null;
}): z.input<typeof participationList> {
  return {
    items: page.items.map(({ participation, event }) => ({
      eventId: participation.eventId,
      since: participation.activatedAt.toISOString(),
      event:
        event === null
          ? null
          : {
              title: event.title,
              organizerId: event.organizerId,
              startsAt: event.startsAt.toISOString(),
              endsAt: event.endsAt.toISOString(),
              status: event.status,
            },
    })),
    nextCursor: nextCursor(page.next),
  };
}
