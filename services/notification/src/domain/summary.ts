import { ACTOR_NAME_FIELD } from './erasure.js';
import type { NotificationData, NotificationType } from './notification.js';

/**
 * A notification in words, as the web app says it (web/src/notifications/describe.ts): the
 * member's data export carries this line, so the archive reads without the app.
 */
export function summaryOf(type: NotificationType, data: NotificationData): string {
  const str = (key: string): string | null => (typeof data[key] === 'string' ? data[key] : null);
  const num = (key: string): number => (typeof data[key] === 'number' ? data[key] : 0);
  const tickets = (n: number): string => `${n} ticket${n === 1 ? '' : 's'}`;
  const someone = str(ACTOR_NAME_FIELD) ?? 'Someone';
  switch (type) {
    case 'follower.new':
      return `${someone} started following you.`;
    case 'event.published':
      return `New event from an organizer you follow: ${str('title') ?? 'an event'}.`;
    case 'event.cancelled':
      return `${str('title') ?? 'An event'} was cancelled.`;
    case 'event.changed':
      return `${str('title') ?? 'An event you are going to'} ${changeInWords(str)}.`;
    case 'event.reminder':
      return `Tomorrow: ${str('title') ?? 'an event you are going to'} starts at ${str('startsAt') ?? '?'}.`;
    case 'event.liked':
      return `${someone} liked your event.`;
    case 'event.reviewed':
      return `${someone} reviewed your event (${num('rating')}★).`;
    case 'event.participation':
      return `${someone} is going to your event.`;
    case 'chat.message':
      return `New message from ${str(ACTOR_NAME_FIELD) ?? 'a member'}: “${str('preview') ?? ''}”`;
    case 'ticket.purchased':
      return `Your ${tickets(num('quantity'))} are ready.`;
    case 'ticket.sold':
      return `You sold ${tickets(num('quantity'))}.`;
    case 'order.refunded':
      return `Your order of ${tickets(num('quantity'))} was refunded.`;
    case 'ticket.refunded':
      return `${tickets(num('quantity'))} of your event were refunded.`;
    case 'report.resolved':
      return reportOutcomeInWords(str('kind'), str('outcome'));
    case 'waitlist.offered':
      return `Your turn: ${tickets(num('quantity'))} for ${str('title') ?? 'an event'} are held for you until ${str('expiresAt') ?? '?'}.`;
    case 'ticket.transferred':
      return str('direction') === 'received' ? `You received a ticket for ${str('title') ?? 'an event'}.` : `You gave your ticket for ${str('title') ?? 'an event'} away.`;
  }
}

/** "moved to 2026-12-12T20:00:00.000Z at Hall, Lyon": ISO times, since the archive has no locale. */
function changeInWords(str: (key: string) => string | null): string {
  const parts: string[] = [];
  if (str('previousStartsAt') !== null) parts.push(`now starts at ${str('startsAt') ?? '?'} (was ${str('previousStartsAt') ?? '?'})`);
  if (str('venueName') !== null) parts.push(`now takes place at ${str('venueName') ?? ''}, ${str('venueAddress') ?? ''}, ${str('venueCity') ?? ''}`);
  return parts.length === 0 ? 'changed' : parts.join(' and ');
}

/** What a moderator decided about a report, for the reporter (web/src/notifications/describe.ts says the same). */
export function reportOutcomeInWords(kind: string | null, outcome: string | null): string {
  const what = kind === 'message' ? 'message' : kind === 'review' ? 'review' : kind === 'event' ? 'event' : kind === 'profile' ? 'profile' : 'item';
  if (outcome === 'hidden') return `Thank you for your report: a moderator removed the ${what} you reported.`;
  if (outcome === 'suspended') return 'Thank you for your report: a moderator suspended the account you reported.';
  return `Thank you for your report: a moderator reviewed the ${what} and found it within the rules.`;
}
