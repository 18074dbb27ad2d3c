import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTOR_FIELDS, actorIdsOf, anonymised, withoutErased } from '../src/domain/erasure.js';
import type { NotificationDraft } from '../src/domain/notification.js';
import { summaryOf } from '../src/domain/summary.js';

const gone = new Set(['alice']);

describe('notification domain: what a notification keeps of an erased person', () => {
  it('names every actor field the rules write', () => {
    assert.deepEqual([...ACTOR_FIELDS].sort(), ['buyerId', 'followerId', 'organizerId', 'senderId', 'userId']);
    assert.deepEqual(actorIdsOf({ eventId: 'e', userId: 'alice', buyerId: null }), ['alice']);
  });

  it('anonymises: the id and what is derived from it become null, the actor "Deleted member", the rest stays', () => {
    assert.deepEqual(anonymised('event.reviewed', { eventId: 'e', userId: 'alice', reviewId: 'review:e:alice', rating: 4 }, gone), {
      eventId: 'e',
      userId: null,
      reviewId: null,
      rating: 4,
      actorName: 'Deleted member',
    });
    const untouched = { eventId: 'e', userId: 'bob' };
    assert.equal(anonymised('event.liked', untouched, gone), untouched);
  });

  it('a late event: nothing to an erased recipient, social news of an erased actor withdrawn, the rest anonymised', () => {
    const drafts: NotificationDraft[] = [
      { recipientId: 'alice', type: 'ticket.purchased', data: { orderId: 'o', quantity: 1 } },
      { recipientId: 'carol', type: 'ticket.sold', data: { orderId: 'o', quantity: 1, buyerId: 'alice' } },
      { recipientId: 'carol', type: 'event.liked', data: { eventId: 'e', userId: 'alice' } },
      { recipientId: 'bob', type: 'chat.message', data: { senderId: 'alice', preview: 'hi' } },
      { recipientId: 'bob', type: 'follower.new', data: { followerId: 'dave' } },
    ];
    assert.deepEqual(withoutErased(drafts, gone), [
      { recipientId: 'carol', type: 'ticket.sold', data: { orderId: 'o', quantity: 1, buyerId: null, actorName: 'Deleted member' } },
      { recipientId: 'bob', type: 'follower.new', data: { followerId: 'dave' } },
    ]);
    assert.deepEqual(withoutErased(drafts, new Set()), drafts);
  });

  it('says each notification in words for the export, "Deleted member" where the actor was erased', () => {
    assert.equal(summaryOf('follower.new', { followerId: null, actorName: 'Deleted member' }), 'Deleted member started following you.');
    assert.equal(summaryOf('event.liked', { userId: 'bob' }), 'Someone liked your event.');
    assert.equal(summaryOf('ticket.sold', { quantity: 2 }), 'You sold 2 tickets.');
    assert.equal(summaryOf('event.cancelled', { title: 'Jazz night' }), 'Jazz night was cancelled.');
  });
});
