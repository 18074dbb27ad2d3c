import type { DomainEvent } from '@eventonight/contracts';
import type { NotificationDraft } from './notification.js';

/**
 * Who hears about what: pure functions from one domain event to the notifications it means.
 * Nobody is notified of their own action (an organizer liking their own event).
 */

type OnEvent = DomainEvent<'interaction.like.added' | 'interaction.participation.added'>;

function toOwner(event: OnEvent, type: 'event.liked' | 'event.participation'): NotificationDraft[] {
  const { eventId, userId, eventOwnerId } = event.data;
  if (userId === eventOwnerId) return [];
  return [{ recipientId: eventOwnerId, type, data: { eventId, userId } }];
}

export function forLike(event: DomainEvent<'interaction.like.added'>): NotificationDraft[] {
  return toOwner(event, 'event.liked');
}

export function forParticipation(event: DomainEvent<'interaction.participation.added'>): NotificationDraft[] {
  return toOwner(event, 'event.participation');
}

export function forReview(event: DomainEvent<'interaction.review.added'>): NotificationDraft[] {
  const { eventId, userId, eventOwnerId, reviewId, rating } = event.data;
  if (userId === eventOwnerId) return [];
  return [{ recipientId: eventOwnerId, type: 'event.reviewed', data: { eventId, userId, reviewId, rating } }];
}

export function forFollow(event: DomainEvent<'interaction.follow.added'>): NotificationDraft[] {
  const { followerId, followeeId } = event.data;
  if (followerId === followeeId) return [];
  return [{ recipientId: followeeId, type: 'follower.new', data: { followerId } }];
}

export function forChatMessage(event: DomainEvent<'chat.message.sent'>): NotificationDraft[] {
  const { conversationId, messageId, senderId, recipientId, preview } = event.data;
  if (senderId === recipientId) return [];
  return [{ recipientId, type: 'chat.message', data: { conversationId, messageId, senderId, preview } }];
}

export function forTicketPurchase(event: DomainEvent<'ticketing.ticket.purchased'>): NotificationDraft[] {
  const { orderId, eventId, tierId, buyerId, organizerId, quantity, ticketIds } = event.data;
  const drafts: NotificationDraft[] = [
    { recipientId: buyerId, type: 'ticket.purchased', data: { orderId, eventId, tierId, quantity, tickets: ticketIds.length } },
  ];
  if (organizerId !== buyerId) {
    drafts.push({ recipientId: organizerId, type: 'ticket.sold', data: { orderId, eventId, tierId, quantity, buyerId } });
  }
  return drafts;
}

/** The reporter learns what a moderator decided about what they reported (ADR 0041). */
export function forReportResolved(event: DomainEvent<'moderation.report.resolved'>): NotificationDraft[] {
  const { reportId, reporterId, kind, itemId, outcome } = event.data;
  return [{ recipientId: reporterId, type: 'report.resolved', data: { reportId, kind, itemId, outcome } }];
}

/** The buyer gets the money back; the organizer learns the seats and revenue are gone. */
export function forRefund(event: DomainEvent<'ticketing.order.refunded'>): NotificationDraft[] {
  const { orderId, eventId, buyerId, organizerId, quantity } = event.data;
  const drafts: NotificationDraft[] = [{ recipientId: buyerId, type: 'order.refunded', data: { orderId, eventId, quantity } }];
  if (organizerId !== undefined && organizerId !== buyerId) {
    drafts.push({ recipientId: organizerId, type: 'ticket.refunded', data: { orderId, eventId, quantity, buyerId } });
  }
  return drafts;
}

/** Issue 29: the first in line got seats held for them until `expiresAt`. */
export function forWaitlistOffer(event: DomainEvent<'ticketing.waitlist.offered'>): NotificationDraft[] {
  const { userId, eventId, tierId, quantity, expiresAt, eventTitle, tierName } = event.data;
  return [{ recipientId: userId, type: 'waitlist.offered', data: { eventId, tierId, quantity, expiresAt, title: eventTitle, tierName } }];
}

/** Issue 29: both ends of a ticket transfer hear of it. */
export function forTicketTransfer(event: DomainEvent<'ticketing.ticket.transferred'>): NotificationDraft[] {
  const { ticketId, eventId, fromId, toId, eventTitle } = event.data;
  return [
    { recipientId: toId, type: 'ticket.transferred', data: { ticketId, eventId, title: eventTitle, direction: 'received', userId: fromId } },
    { recipientId: fromId, type: 'ticket.transferred', data: { ticketId, eventId, title: eventTitle, direction: 'given', userId: toId } },
  ];
}

/** The same facts for every follower of the organizer; the recipient is filled in per follower. */
export function fanOutData(event: DomainEvent<'event.published' | 'event.cancelled'>): Omit<NotificationDraft, 'recipientId'> {
  const { eventId, organizerId, title, startsAt } = event.data;
  if (event.type === 'event.published') {
    return { type: 'event.published', data: { eventId, organizerId, title, startsAt } };
  }
  return { type: 'event.cancelled', data: { eventId, organizerId, title, startsAt, reason: event.data.reason } };
}

/**
 * A new time or place of a published event, for everyone going (ticket holders among them): the
 * new facts and the old ones, so the message can say "moved from … to …". Any other edit is no news.
 */
export function eventChangeData(event: DomainEvent<'event.updated'>): Omit<NotificationDraft, 'recipientId'> | null {
  const { eventId, organizerId, title, startsAt, endsAt, status, rescheduled, relocated } = event.data;
  if (status !== 'published' || (rescheduled === undefined && relocated === undefined)) return null;
  return {
    type: 'event.changed',
    data: {
      eventId,
      organizerId,
      title,
      startsAt,
      endsAt,
      previousStartsAt: rescheduled?.previousStartsAt ?? null,
      venueName: relocated?.current.name ?? null,
      venueAddress: relocated?.current.address ?? null,
      venueCity: relocated?.current.city ?? null,
      previousVenueName: relocated?.previous.name ?? null,
    },
  };
}
