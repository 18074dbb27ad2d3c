import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildEvent, type EventData, type EventType } from '@eventonight/contracts';
import { isKnownTimeZone, isOptionalMailKind, mailFormatFor, mailSettingsOf, NO_MAIL_SETTINGS, wantsMail, withMailOff } from '../src/domain/mail-preferences.js';
import { NOTIFICATION_TYPES, newNotification, notificationId } from '../src/domain/notification.js';
import { signUnsubscribeToken, UNSUBSCRIBE_TOKEN_PATTERN, verifyUnsubscribeToken } from '../src/domain/unsubscribe-token.js';
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
    const produced = ['follower.new', 'event.published', 'event.cancelled', 'event.changed', 'event.reminder', 'event.liked', 'event.reviewed', 'event.participation', 'chat.message', 'ticket.purchased', 'ticket.sold', 'order.refunded', 'ticket.refunded', 'report.resolved', 'waitlist.offered', 'ticket.transferred'];
    assert.deepEqual([...NOTIFICATION_TYPES].sort(), produced.sort());
  });
});

describe('mail preferences (ADR 0032)', () => {
  it('only news about an event may be stopped; tickets and refunds are always mailed', () => {
    assert.deepEqual(['order.confirmation', 'event.reminder', 'event.changed', 'event.cancelled', 'order.refunded'].filter((kind) => isOptionalMailKind(kind as never)), ['event.reminder', 'event.changed', 'event.cancelled']);
    const stopped = { off: ['event.reminder' as const, 'event.changed' as const], locale: null, timeZone: null };
    assert.equal(wantsMail(stopped, 'event.reminder'), false);
    assert.equal(wantsMail(stopped, 'event.cancelled'), true);
    assert.equal(wantsMail(stopped, 'order.confirmation'), true);
    assert.equal(wantsMail({ ...stopped, off: ['event.cancelled'] }, 'order.refunded'), true);
  });

  it('a document from before mail switches keeps what muting meant; one with switches follows them, not the live alerts', () => {
    assert.deepEqual(mailSettingsOf(null), NO_MAIL_SETTINGS);
    assert.deepEqual(mailSettingsOf({ muted: ['event.changed', 'chat.message', 'event.reminder'] }).off, ['event.changed', 'event.reminder']);
    assert.deepEqual(mailSettingsOf({ muted: ['event.changed'], mailOff: [] }).off, []);
    assert.deepEqual(mailSettingsOf({ muted: [], mailOff: ['event.cancelled'], locale: 'it-IT', timeZone: 'Asia/Tokyo' }), { off: ['event.cancelled'], locale: 'it-IT', timeZone: 'Asia/Tokyo' });
    assert.deepEqual(mailSettingsOf({ muted: [] }), { off: [], locale: null, timeZone: null });
  });

  it("the member's locale and zone win; the platform's fill what they did not choose", () => {
    const platform = { locale: 'en-GB', timeZone: 'Europe/Rome' };
    assert.deepEqual(mailFormatFor(NO_MAIL_SETTINGS, platform), platform);
    assert.deepEqual(mailFormatFor({ off: [], locale: 'it-IT', timeZone: null }, platform), { locale: 'it-IT', timeZone: 'Europe/Rome' });
    assert.deepEqual(mailFormatFor({ off: [], locale: null, timeZone: 'Asia/Tokyo' }, platform), { locale: 'en-GB', timeZone: 'Asia/Tokyo' });
  });

  it('stopping a mail adds it once, sorted, and leaves the rest', () => {
    const settings = { off: ['event.reminder' as const], locale: 'de-DE' as const, timeZone: 'Europe/Berlin' };
    assert.deepEqual(withMailOff(settings, 'event.changed'), { off: ['event.changed', 'event.reminder'], locale: 'de-DE', timeZone: 'Europe/Berlin' });
    assert.equal(withMailOff(settings, 'event.reminder'), settings);
  });

  it('time zones: IANA names Intl knows; anything else is refused', () => {
    for (const zone of ['Europe/Rome', 'Asia/Tokyo', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5']) assert.equal(isKnownTimeZone(zone), true, zone);
    for (const zone of ['Mars/Olympus', 'Europe/Rome/', '', 'Europe Rome', '../etc/passwd', 'x'.repeat(80)]) assert.equal(isKnownTimeZone(zone), false, zone);
  });
});

describe('unsubscribe tokens (ADR 0032)', () => {
  const secret = 'a-test-secret-of-some-length';
  const claim = { memberId: 'member-1f2e', kind: 'event.reminder' as const };

  it('a signed token names its member and kind, and has the documented form', () => {
    const token = signUnsubscribeToken(secret, claim);
    assert.match(token, UNSUBSCRIBE_TOKEN_PATTERN);
    assert.deepEqual(verifyUnsubscribeToken(secret, token), claim);
    assert.deepEqual(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, { memberId: 'a:b\nc', kind: 'event.changed' })), { memberId: 'a:b\nc', kind: 'event.changed' });
  });

  it('forged, altered, cut or re-signed tokens are nobody’s', () => {
    const token = signUnsubscribeToken(secret, claim);
    const [payload = '', signature = ''] = token.split('.');
    const otherPayload = Buffer.from('event.reminder\nmember-other').toString('base64url');
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    for (const bad of [
      `${otherPayload}.${signature}`, // another member, same signature
      `${Buffer.from('event.changed\nmember-1f2e').toString('base64url')}.${signature}`, // another kind
      `${payload}.${flip(signature, 0)}`,
      `${payload}.${flip(signature, signature.length - 1)}`, // the last character's unused bits too
      `${flip(payload, 2)}.${signature}`,
      signUnsubscribeToken('another-secret-entirely', claim),
      signUnsubscribeToken(secret, claim).slice(0, -1),
      `${payload}.`,
      '',
    ]) {
      assert.equal(verifyUnsubscribeToken(secret, bad), null, bad);
    }
  });

  it('a well-signed token of a kind that cannot be stopped, or without a member, is refused', () => {
    assert.equal(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, { memberId: 'm', kind: 'order.confirmation' as never })), null);
    assert.equal(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, { memberId: '', kind: 'event.changed' })), null);
  });
});

describe('report outcomes (ADR 0041)', () => {
  it('the reporter, and only the reporter, is told what a moderator decided', async () => {
    const { buildEvent } = await import('@eventonight/contracts');
    const { forReportResolved } = await import('../src/domain/rules.js');
    const { summaryOf } = await import('../src/domain/summary.js');
    const event = buildEvent({
      type: 'moderation.report.resolved',
      source: 'user',
      aggregateId: 'report:r1',
      aggregateVersion: 2,
      correlationId: 'c',
      data: { reportId: 'report:r1', reporterId: 'reporter-1', kind: 'review', itemId: 'review:e:u', outcome: 'hidden' },
    });
    const drafts = forReportResolved(event);
    assert.deepEqual(drafts, [{ recipientId: 'reporter-1', type: 'report.resolved', data: { reportId: 'report:r1', kind: 'review', itemId: 'review:e:u', outcome: 'hidden' } }]);
    assert.equal(summaryOf('report.resolved', drafts[0]!.data), 'Thank you for your report: a moderator removed the review you reported.');
  });
});
