import type { z } from 'zod';
import type { EventCopy, UserCopy } from '../domain/copies.js';
import type { FollowState, ParticipationState, ReviewState } from '../domain/relations.js';
import { encodeCursor, type Cursor } from '../persistence/cursor.js';
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

function nextCursor(next: Cursor | null): string | null {
  return next === null ? null : encodeCursor(next);
}

function authorOf(userId: string, user: UserCopy | null) {
  return user === null ? null : { userId, displayName: user.displayName ?? '', avatarMediaId: user.avatarMediaId ?? null };
}

export function toReviewList(page: {
  items: Array<{ item: ReviewState; user: UserCopy | null }>;
  next: Cursor | null;
}): z.input<typeof reviewList> {
  return {
    items: page.items.map(({ item, user }) => ({ ...toReviewView(item), author: authorOf(item.userId, user) })),
    nextCursor: nextCursor(page.next),
  };
}

export function toUserList(
  page: { items: Array<{ item: FollowState; user: UserCopy | null }>; next: Cursor | null },
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
  next: Cursor | null;
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
