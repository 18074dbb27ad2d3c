import { formatDateTime } from '../ui/format';
import type { NotificationView } from './notification-store';

/**
 * What a notification says, and where it leads. Its data carries ids and a few facts; once the
 * person who did it deleted their account, their id is null and `actorName` says "Deleted member"
 * (ADR 0027), which the sentence then names. No link ever leads to a person (never to a null id).
 */
export function describeNotification(notification: NotificationView): { text: string; link: string | null } {
  const data = notification.data;
  const str = (key: string): string | null => (typeof data[key] === 'string' && data[key] !== '' ? (data[key] as string) : null);
  const num = (key: string): number => (typeof data[key] === 'number' ? (data[key] as number) : 0);
  const eventLink = str('eventId') === null ? null : `/events/${str('eventId')}`;
  const orderLink = str('orderId') === null ? null : `/orders/${str('orderId')}`;
  const tickets = (n: number): string => `${n} ticket${n === 1 ? '' : 's'}`;
  /** Who did it, when the service names them: only someone whose account was deleted. */
  const actor = str('actorName');
  switch (notification.type) {
    case 'follower.new':
      return { text: actor === null ? 'You have a new follower.' : `${actor} followed you.`, link: null };
    case 'event.published':
      return { text: `New event from ${actor ?? 'an organizer you follow'}: ${str('title') ?? 'see what is on'}.`, link: eventLink };
    case 'event.cancelled':
      return { text: `${str('title') ?? 'An event'} was cancelled.`, link: eventLink };
    case 'event.changed':
      return { text: `${str('title') ?? 'An event you are going to'} ${changeInWords(str)}.`, link: eventLink };
    case 'event.reminder': {
      const startsAt = str('startsAt');
      return { text: `Tomorrow: ${str('title') ?? 'an event you are going to'}${startsAt === null ? '' : `, ${formatDateTime(startsAt)}`}. Your tickets are in My tickets.`, link: eventLink };
    }
    case 'event.liked':
      return { text: `${actor ?? 'Someone'} liked your event.`, link: eventLink };
    case 'event.reviewed':
      return { text: actor === null ? `Your event got a new review (${num('rating')}★).` : `${actor} reviewed your event (${num('rating')}★).`, link: eventLink };
    case 'event.participation':
      return { text: actor === null ? 'Someone is going to your event.' : `${actor} was going to your event.`, link: eventLink };
    case 'chat.message':
      // No link: a conversation with a deleted member moved to a new id, the one here is gone.
      return { text: `New message${actor === null ? '' : ` from ${actor}`}: “${str('preview') ?? ''}”`, link: null };
    case 'ticket.purchased':
      return { text: `Your ${tickets(num('quantity'))} are ready.`, link: orderLink };
    case 'ticket.sold':
      return { text: `You sold ${tickets(num('quantity'))}${actor === null ? '' : ` to ${actor}`}.`, link: eventLink };
    case 'order.refunded':
      return { text: `Your order of ${tickets(num('quantity'))} was refunded.`, link: orderLink };
    case 'ticket.refunded':
      return { text: `${tickets(num('quantity'))} of your event ${num('quantity') === 1 ? 'was' : 'were'} refunded${actor === null ? '' : ` to ${actor}`}.`, link: eventLink };
    case 'report.resolved':
      return { text: reportOutcomeInWords(str('kind'), str('outcome')), link: '/reports' };
    case 'waitlist.offered': {
      const until = str('expiresAt');
      return {
        text: `Your turn: ${tickets(num('quantity'))} for ${str('title') ?? 'an event'} are held for you${until === null ? '' : ` until ${formatDateTime(until)}`}. Buy them on the event page.`,
        link: eventLink,
      };
    }
    case 'ticket.transferred':
      return {
        text: str('direction') === 'received' ? `You received a ticket for ${str('title') ?? 'an event'}; it is in My tickets.` : `You gave your ticket for ${str('title') ?? 'an event'} away; its old code no longer gets in.`,
        link: str('direction') === 'received' ? '/tickets' : eventLink,
      };
  }
}

/** "moved to Sat 12 Dec, 21:00 (was Fri 11 Dec, 21:00) and to The Dock, 2 Quay, Lyon". */
function changeInWords(str: (key: string) => string | null): string {
  const parts: string[] = [];
  const startsAt = str('startsAt');
  const previous = str('previousStartsAt');
  if (startsAt !== null && previous !== null) parts.push(`moved to ${formatDateTime(startsAt)} (was ${formatDateTime(previous)})`);
  const venue = str('venueName');
  if (venue !== null) parts.push(`${parts.length === 0 ? 'moved' : 'and'} to ${[venue, str('venueAddress'), str('venueCity')].filter((part) => part !== null).join(', ')}`);
  return parts.length === 0 ? 'changed' : parts.join(' ');
}

/** What a moderator decided about a report, for the reporter (ADR 0041; the notification service's summary says the same). */
export function reportOutcomeInWords(kind: string | null, outcome: string | null): string {
  const what = kind === 'message' ? 'message' : kind === 'review' ? 'review' : kind === 'event' ? 'event' : kind === 'profile' ? 'profile' : 'item';
  if (outcome === 'hidden') return `Thank you for your report: a moderator removed the ${what} you reported.`;
  if (outcome === 'suspended') return 'Thank you for your report: a moderator suspended the account you reported.';
  return `Thank you for your report: a moderator reviewed the ${what} and found it within the rules.`;
}
