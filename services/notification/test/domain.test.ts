import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildEvent, type EventData, type EventType } from '@eventonight/contracts';
import { NOTIFICATION_TYPES, newNotification, notificationId } from '../src/domain/notification.js';
import {
  eventChangeData,
  fanOutData,
  forChatMessage,
  forFollow,
  forLike,
  forParticipation,
  forRefund,
  forReview,
  forTicketPurchase,
} from '../src/domain/rules.js';

/** Pure routing rules: which domain event notifies whom, with what. No broker, no database. */

function event<T extends EventType>(type: T, data: EventData<T>) {
  return buildEvent({ type, source: 'test', aggregateId: 'agg-1', aggregateVersion: 1, correlationId: 'corr-1', data });
}

const money = { amountMinor: 5_000, currency: 'eur' };
const snapshot = {
  eventId: 'e1',
  organizerId: 'org',
  title: 'Night',
  category: 'music' as const,
  startsAt: '2026-07-10T20:00:00.000Z',
  endsAt: '2026-07-10T23:00:00.000Z',
  city: 'Lyon',
  coverMediaId: null,
};

describe('notification routing: reactions go to the event owner, never to oneself', () => {
  it('a like notifies the owner with who liked what', () => {
    assert.deepEqual(forLike(event('interaction.like.added', { eventId: 'e1', userId: 'fan', eventOwnerId: 'org' })), [
      { recipientId: 'org', type: 'event.liked', data: { eventId: 'e1', userId: 'fan' } },
    ]);
    assert.deepEqual(forLike(event('interaction.like.added', { eventId: 'e1', userId: 'org', eventOwnerId: 'org' })), []);
  });

  it('a participation notifies the owner', () => {
    assert.deepEqual(forParticipation(event('interaction.participation.added', { eventId: 'e1', userId: 'fan', eventOwnerId: 'org' })), [
      { recipientId: 'org', type: 'event.participation', data: { eventId: 'e1', userId: 'fan' } },
    ]);
    assert.deepEqual(forParticipation(event('interaction.participation.added', { eventId: 'e1', userId: 'org', eventOwnerId: 'org' })), []);
  });

  it('a review notifies the owner with the rating, not the text', () => {
    const data = { eventId: 'e1', userId: 'fan', eventOwnerId: 'org', reviewId: 'r1', rating: 4, text: 'great' };
    assert.deepEqual(forReview(event('interaction.review.added', data)), [
      { recipientId: 'org', type: 'event.reviewed', data: { eventId: 'e1', userId: 'fan', reviewId: 'r1', rating: 4 } },
    ]);
    assert.deepEqual(forReview(event('interaction.review.added', { ...data, userId: 'org' })), []);
  });

  it('a follow notifies the followee', () => {
    assert.deepEqual(forFollow(event('interaction.follow.added', { followerId: 'a', followeeId: 'b' })), [
      { recipientId: 'b', type: 'follower.new', data: { followerId: 'a' } },
    ]);
    assert.deepEqual(forFollow(event('interaction.follow.added', { followerId: 'a', followeeId: 'a' })), []);
  });

  it('a chat message notifies its recipient with the preview', () => {
    const data = { conversationId: 'c1', messageId: 'm1', senderId: 'a', recipientId: 'b', preview: 'hi', sentAt: '2026-07-01T10:00:00.000Z' };
    assert.deepEqual(forChatMessage(event('chat.message.sent', data)), [
      { recipientId: 'b', type: 'chat.message', data: { conversationId: 'c1', messageId: 'm1', senderId: 'a', preview: 'hi' } },
    ]);
    assert.deepEqual(forChatMessage(event('chat.message.sent', { ...data, recipientId: 'a' })), []);
  });
});

describe('notification routing: purchases and refunds', () => {
  const order = { orderId: 'o1', eventId: 'e1', tierId: 'ga', buyerId: 'fan', quantity: 2 };

  it('a purchase tells the buyer (tickets) and the organizer (sold)', () => {
    const purchased = event('ticketing.ticket.purchased', { ...order, organizerId: 'org', ticketIds: ['t1', 't2'], total: money });
    assert.deepEqual(forTicketPurchase(purchased), [
      { recipientId: 'fan', type: 'ticket.purchased', data: { orderId: 'o1', eventId: 'e1', tierId: 'ga', quantity: 2, tickets: 2 } },
      { recipientId: 'org', type: 'ticket.sold', data: { orderId: 'o1', eventId: 'e1', tierId: 'ga', quantity: 2, buyerId: 'fan' } },
    ]);
  });

  it('an organizer buying their own tickets gets only the buyer notification', () => {
    const purchased = event('ticketing.ticket.purchased', { ...order, buyerId: 'org', organizerId: 'org', ticketIds: ['t1'], total: money });
    assert.deepEqual(
      forTicketPurchase(purchased).map((draft) => [draft.recipientId, draft.type]),
      [['org', 'ticket.purchased']],
    );
  });

  it('a refund tells the buyer, and the organizer when known and not the buyer', () => {
    assert.deepEqual(forRefund(event('ticketing.order.refunded', { ...order, refunded: money, organizerId: 'org' })), [
      { recipientId: 'fan', type: 'order.refunded', data: { orderId: 'o1', eventId: 'e1', quantity: 2 } },
      { recipientId: 'org', type: 'ticket.refunded', data: { orderId: 'o1', eventId: 'e1', quantity: 2, buyerId: 'fan' } },
    ]);
    const older = event('ticketing.order.refunded', { ...order, refunded: money });
    assert.deepEqual(forRefund(older).map((draft) => draft.recipientId), ['fan'], 'a v1 refund without organizer');
    const own = event('ticketing.order.refunded', { ...order, buyerId: 'org', refunded: money, organizerId: 'org' });
    assert.deepEqual(forRefund(own).map((draft) => draft.recipientId), ['org']);
  });
});

describe('notification routing: follower fan-out', () => {
  it('publication: the same facts for every follower', () => {
    assert.deepEqual(fanOutData(event('event.published', { ...snapshot, status: 'published', tiers: [] })), {
      type: 'event.published',
      data: { eventId: 'e1', organizerId: 'org', title: 'Night', startsAt: snapshot.startsAt },
    });
  });

  it('cancellation: with the reason', () => {
    assert.deepEqual(fanOutData(event('event.cancelled', { ...snapshot, status: 'cancelled', reason: 'storm' })), {
      type: 'event.cancelled',
      data: { eventId: 'e1', organizerId: 'org', title: 'Night', startsAt: snapshot.startsAt, reason: 'storm' },
    });
  });
});

describe('notification routing: a published event moved', () => {
  const moved = { previous: { name: 'Hall', address: '1 Street', city: 'Lyon' }, current: { name: 'Dock', address: '2 Quay', city: 'Lyon' } };

  it('a new time and a new place: the new facts and the old ones', () => {
    const change = eventChangeData(event('event.updated', { ...snapshot, status: 'published', rescheduled: { previousStartsAt: '2026-07-09T20:00:00.000Z', previousEndsAt: '2026-07-09T23:00:00.000Z' }, relocated: moved }));
    assert.deepEqual(change, {
      type: 'event.changed',
      data: {
        eventId: 'e1', organizerId: 'org', title: 'Night', startsAt: snapshot.startsAt, endsAt: snapshot.endsAt, previousStartsAt: '2026-07-09T20:00:00.000Z',
        venueName: 'Dock', venueAddress: '2 Quay', venueCity: 'Lyon', previousVenueName: 'Hall',
      },
    });
  });

  it('another edit, or an edit of a draft, is no news', () => {
    assert.equal(eventChangeData(event('event.updated', { ...snapshot, status: 'published' })), null);
    assert.equal(eventChangeData(event('event.updated', { ...snapshot, status: 'draft', relocated: moved })), null);
  });
});

describe('notification documents', () => {
  it('one id per (recipient, source event): a redelivery maps to the same document', () => {
    const id = notificationId('u1', 'evt-1');
    assert.match(id, /^[A-Za-z0-9_-]{32}$/);
    assert.equal(notificationId('u1', 'evt-1'), id);
    assert.notEqual(notificationId('u2', 'evt-1'), id);
    assert.notEqual(notificationId('u1', 'evt-2'), id);
    assert.notEqual(notificationId('u1x', 'evt-1'), notificationId('u1', 'xevt-1'));
  });

  it('a new notification is unread, dated by its source event', () => {
    const occurredAt = new Date('2026-07-01T10:00:00.000Z');
    assert.deepEqual(newNotification({ recipientId: 'u1', type: 'follower.new', data: { followerId: 'a' } }, { id: 'evt-1', occurredAt }), {
      _id: notificationId('u1', 'evt-1'),
      recipientId: 'u1',
      type: 'follower.new',
      data: { followerId: 'a' },
      sourceEventId: 'evt-1',
      createdAt: occurredAt,
      read: false,
      readAt: null,
    });
  });

  it('every type a rule produces is a type users can mute', () => {
    const produced = ['follower.new', 'event.published', 'event.cancelled', 'event.changed', 'event.reminder', 'event.liked', 'event.reviewed', 'event.participation', 'chat.message', 'ticket.purchased', 'ticket.sold', 'order.refunded', 'ticket.refunded'];
    assert.deepEqual([...NOTIFICATION_TYPES].sort(), produced.sort());
  });
});
