import type { DomainEvent } from '@eventonight/contracts';
import type { EventHandlers } from '@eventonight/platform';
import { deliver, fanOut, type DeliveryDeps, type SourceEvent } from '../application/deliver.js';
import {
  fanOutData,
  forChatMessage,
  forFollow,
  forLike,
  forParticipation,
  forRefund,
  forReview,
  forTicketPurchase,
} from '../domain/rules.js';

function sourceOf(event: DomainEvent): SourceEvent {
  return { id: event.id, occurredAt: new Date(event.occurredAt) };
}

/**
 * Every handler is idempotent: follower and participant copies are ordered by the source
 * aggregate's version (interaction keeps one aggregate per pair and toggles it, so versions only
 * grow; upsertIfNewer),
 * notifications are keyed by (recipient, event id) (insertOnce).
 */
export function notificationHandlers(deps: DeliveryDeps): EventHandlers {
  return {
    'interaction.follow.added': async (event) => {
      const { followerId, followeeId } = event.data;
      await deps.followers.record(followerId, followeeId, true, event.aggregateVersion);
      await deliver(deps, forFollow(event), sourceOf(event));
    },
    'interaction.follow.removed': async (event) => {
      const { followerId, followeeId } = event.data;
      await deps.followers.record(followerId, followeeId, false, event.aggregateVersion);
    },
    // Every change to a public counter also tells the pages watching that event (a redelivery
    // only makes them read the counters once more).
    'interaction.like.added': async (event) => {
      await deliver(deps, forLike(event), sourceOf(event));
      deps.pusher.eventActivity(event.data.eventId, 'likes');
    },
    'interaction.like.removed': async (event) => {
      deps.pusher.eventActivity(event.data.eventId, 'likes');
    },
    'interaction.review.added': async (event) => {
      await deliver(deps, forReview(event), sourceOf(event));
      deps.pusher.eventActivity(event.data.eventId, 'reviews');
    },
    'interaction.review.updated': async (event) => {
      deps.pusher.eventActivity(event.data.eventId, 'reviews');
    },
    'interaction.participation.added': async (event) => {
      await deps.participants.record(event.data.userId, event.data.eventId, true, event.aggregateVersion);
      await deliver(deps, forParticipation(event), sourceOf(event));
      deps.pusher.eventActivity(event.data.eventId, 'participants');
    },
    'interaction.participation.removed': async (event) => {
      await deps.participants.record(event.data.userId, event.data.eventId, false, event.aggregateVersion);
      deps.pusher.eventActivity(event.data.eventId, 'participants');
    },
    'chat.message.sent': async (event) => {
      await deliver(deps, forChatMessage(event), sourceOf(event));
    },
    'ticketing.ticket.purchased': async (event) => {
      await deliver(deps, forTicketPurchase(event), sourceOf(event));
    },
    'ticketing.order.refunded': async (event) => {
      await deliver(deps, forRefund(event), sourceOf(event));
    },
    'event.published': async (event) => {
      await fanOut(deps, deps.followers, event.data.organizerId, fanOutData(event), sourceOf(event));
    },
    // Participants (ticket buyers become participants) and the organizer's followers.
    'event.cancelled': async (event) => {
      await fanOut(deps, deps.participants, event.data.eventId, fanOutData(event), sourceOf(event));
      await fanOut(deps, deps.followers, event.data.organizerId, fanOutData(event), sourceOf(event));
    },
  };
}
