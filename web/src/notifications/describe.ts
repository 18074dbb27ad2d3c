import type { NotificationView } from './notification-store';

/** What a notification says, and where it leads. Its data carries ids and a few facts. */
export function describeNotification(notification: NotificationView): { text: string; link: string | null } {
  const data = notification.data;
  const str = (key: string): string | null => (typeof data[key] === 'string' ? (data[key] as string) : null);
  const num = (key: string): number => (typeof data[key] === 'number' ? (data[key] as number) : 0);
  const eventLink = str('eventId') === null ? null : `/events/${str('eventId')}`;
  const orderLink = str('orderId') === null ? null : `/orders/${str('orderId')}`;
  const tickets = (n: number): string => `${n} ticket${n === 1 ? '' : 's'}`;
  switch (notification.type) {
    case 'follower.new':
      return { text: 'You have a new follower.', link: null };
    case 'event.published':
      return { text: `New event from an organizer you follow: ${str('title') ?? 'see what is on'}.`, link: eventLink };
    case 'event.cancelled':
      return { text: `${str('title') ?? 'An event'} was cancelled.`, link: eventLink };
    case 'event.liked':
      return { text: 'Someone liked your event.', link: eventLink };
    case 'event.reviewed':
      return { text: `Your event got a new review (${num('rating')}★).`, link: eventLink };
    case 'event.participation':
      return { text: 'Someone is going to your event.', link: eventLink };
    case 'chat.message':
      return { text: `New message: “${str('preview') ?? ''}”`, link: null };
    case 'ticket.purchased':
      return { text: `Your ${tickets(num('quantity'))} are ready.`, link: orderLink };
    case 'ticket.sold':
      return { text: `You sold ${tickets(num('quantity'))}.`, link: eventLink };
    case 'order.refunded':
      return { text: `Your order of ${tickets(num('quantity'))} was refunded.`, link: orderLink };
    case 'ticket.refunded':
      return { text: `${tickets(num('quantity'))} of your event were refunded.`, link: eventLink };
  }
}
