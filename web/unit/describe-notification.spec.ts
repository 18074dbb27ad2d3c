import { describe, expect, it } from 'vitest';
import { describeNotification } from '../src/notifications/describe';
import { formatDateTime } from '../src/ui/format';
import type { NotificationView } from '../src/notifications/notification-store';

const notification = (type: NotificationView['type'], data: NotificationView['data']): NotificationView => ({
  id: 'n1',
  type,
  data,
  read: false,
  readAt: null,
  createdAt: '2026-12-01T00:00:00Z',
});

describe('what a notification says and where it leads', () => {
  it('leads to the event or the order it is about', () => {
    expect(describeNotification(notification('event.liked', { eventId: 'e1', userId: 'u' }))).toEqual({ text: 'Someone liked your event.', link: '/events/e1' });
    expect(describeNotification(notification('ticket.purchased', { orderId: 'o1', eventId: 'e1', quantity: 2 }))).toEqual({ text: 'Your 2 tickets are ready.', link: '/orders/o1' });
  });

  it('uses the facts it carries', () => {
    expect(describeNotification(notification('event.reviewed', { eventId: 'e1', rating: 4 })).text).toBe('Your event got a new review (4★).');
    expect(describeNotification(notification('event.published', { eventId: 'e2', title: 'Jazz Night' })).text).toBe('New event from an organizer you follow: Jazz Night.');
    expect(describeNotification(notification('ticket.sold', { eventId: 'e1', quantity: 1 })).text).toBe('You sold 1 ticket.');
  });

  it('a moved event says the new time and place, and what it was', () => {
    const startsAt = '2026-12-12T20:00:00.000Z';
    const previousStartsAt = '2026-12-11T20:00:00.000Z';
    const both = { eventId: 'e1', title: 'Jazz Night', startsAt, previousStartsAt, venueName: 'The Dock', venueAddress: '2 Quay', venueCity: 'Lyon' };
    expect(describeNotification(notification('event.changed', both))).toEqual({
      text: `Jazz Night moved to ${formatDateTime(startsAt)} (was ${formatDateTime(previousStartsAt)}) and to The Dock, 2 Quay, Lyon.`,
      link: '/events/e1',
    });
    const placeOnly = { ...both, previousStartsAt: null };
    expect(describeNotification(notification('event.changed', placeOnly)).text).toBe('Jazz Night moved to The Dock, 2 Quay, Lyon.');
  });

  it('a reminder says when, and leads to the event', () => {
    const startsAt = '2026-12-12T20:00:00.000Z';
    expect(describeNotification(notification('event.reminder', { eventId: 'e1', title: 'Jazz Night', startsAt }))).toEqual({
      text: `Tomorrow: Jazz Night, ${formatDateTime(startsAt)}. Your tickets are in My tickets.`,
      link: '/events/e1',
    });
  });

  it('a notification without a target has no link', () => {
    expect(describeNotification(notification('follower.new', { followerId: 'u1' }))).toEqual({ text: 'You have a new follower.', link: null });
  });

  it('a notification of someone who deleted their account names "Deleted member" and leads to no person', () => {
    const deleted = { actorName: 'Deleted member' };
    expect(describeNotification(notification('follower.new', { followerId: null, ...deleted }))).toEqual({ text: 'Deleted member followed you.', link: null });
    expect(describeNotification(notification('event.liked', { eventId: 'e1', userId: null, ...deleted }))).toEqual({ text: 'Deleted member liked your event.', link: '/events/e1' });
    expect(describeNotification(notification('event.reviewed', { eventId: 'e1', userId: null, reviewId: null, rating: 5, ...deleted })).text).toBe('Deleted member reviewed your event (5★).');
    expect(describeNotification(notification('event.participation', { eventId: 'e1', userId: null, ...deleted })).text).toBe('Deleted member was going to your event.');
    expect(describeNotification(notification('chat.message', { conversationId: 'c-old', messageId: 'm', senderId: null, preview: 'See you', ...deleted }))).toEqual({
      text: 'New message from Deleted member: “See you”',
      link: null,
    });
    expect(describeNotification(notification('ticket.sold', { orderId: 'o', eventId: 'e1', quantity: 2, buyerId: null, ...deleted }))).toEqual({ text: 'You sold 2 tickets to Deleted member.', link: '/events/e1' });
    expect(describeNotification(notification('ticket.refunded', { orderId: 'o', eventId: 'e1', quantity: 1, buyerId: null, ...deleted })).text).toBe('1 ticket of your event was refunded to Deleted member.');
    expect(describeNotification(notification('event.published', { eventId: 'e2', organizerId: null, title: 'Jazz Night', ...deleted })).text).toBe('New event from Deleted member: Jazz Night.');
  });

  it('without a deleted actor the sentences stay as they were; no null id becomes a link', () => {
    expect(describeNotification(notification('follower.new', { followerId: 'u1' })).text).toBe('You have a new follower.');
    expect(describeNotification(notification('ticket.refunded', { eventId: 'e1', quantity: 3, buyerId: 'b' })).text).toBe('3 tickets of your event were refunded.');
    expect(describeNotification(notification('event.liked', { eventId: null, userId: null, actorName: 'Deleted member' })).link).toBeNull();
    expect(describeNotification(notification('ticket.purchased', { orderId: null, eventId: 'e1', quantity: 1 })).link).toBeNull();
  });
});
