import { describe, expect, it } from 'vitest';
import { describeNotification } from '../src/notifications/describe';
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

  it('a notification without a target has no link', () => {
    expect(describeNotification(notification('follower.new', { followerId: 'u1' }))).toEqual({ text: 'You have a new follower.', link: null });
  });
});
