import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventCopy } from '../src/domain/copies.js';
import { isVisible, refuseLike, refuseParticipation, refuseReview } from '../src/domain/event-rules.js';
import { followEvent, likeEvent, participationEvent, reviewEvent } from '../src/domain/events.js';
import { relationId } from '../src/domain/keys.js';

/** Pure relation rules: which event accepts which interaction, relation ids, published facts. */

const at = (hour: number) => new Date(Date.UTC(2026, 6, 10, hour));

function copy(status: EventCopy['status']): EventCopy {
  return { _id: 'e1', sourceVersion: 2, organizerId: 'org', title: 'Night', startsAt: at(20), endsAt: at(23), status };
}

describe('interaction rules: what an event accepts', () => {
  it('drafts and unknown events are invisible', () => {
    assert.equal(isVisible(null), false);
    assert.equal(isVisible(copy('draft')), false);
    for (const status of ['published', 'cancelled', 'completed'] as const) assert.equal(isVisible(copy(status)), true);
  });

  it('likes: published and completed yes; cancelled refused; draft or missing not found', () => {
    assert.equal(refuseLike(copy('published')), null);
    assert.equal(refuseLike(copy('completed')), null);
    assert.equal(refuseLike(copy('cancelled')), 'cancelled');
    assert.equal(refuseLike(copy('draft')), 'not-found');
    assert.equal(refuseLike(null), 'not-found');
  });

  it('participation: only while published', () => {
    assert.equal(refuseParticipation(copy('published')), null);
    assert.equal(refuseParticipation(copy('completed')), 'over');
    assert.equal(refuseParticipation(copy('cancelled')), 'cancelled');
    assert.equal(refuseParticipation(copy('draft')), 'not-found');
    assert.equal(refuseParticipation(null), 'not-found');
  });

  it('reviews: once the event has started (at the start instant), or completed', () => {
    assert.equal(refuseReview(copy('published'), at(19)), 'not-started');
    assert.equal(refuseReview(copy('published'), at(20)), null);
    assert.equal(refuseReview(copy('published'), at(21)), null);
    assert.equal(refuseReview(copy('completed'), at(23)), null);
    assert.equal(refuseReview(copy('cancelled'), at(23)), 'cancelled');
    assert.equal(refuseReview(copy('draft'), at(23)), 'not-found');
    assert.equal(refuseReview(null, at(23)), 'not-found');
  });
});

describe('interaction relation ids', () => {
  it('kind:object:subject, the same for the same pair whatever the call', () => {
    assert.equal(relationId('like', 'e1', 'u1'), 'like:e1:u1');
    assert.equal(relationId('follow', 'b', 'a'), 'follow:b:a');
    assert.notEqual(relationId('like', 'e1', 'u1'), relationId('participation', 'e1', 'u1'));
  });

  it('ids up to 128 characters stay readable; longer ones are hashed, still per pair', () => {
    const object = 'e'.repeat(128 - 'like::u1'.length);
    assert.equal(relationId('like', object, 'u1'), `like:${object}:u1`, 'exactly 128: plain');
    const long = relationId('like', `${object}x`, 'u1');
    assert.match(long, /^like:h:[A-Za-z0-9_-]{43}$/);
    assert.equal(relationId('like', `${object}x`, 'u1'), long);
    assert.notEqual(relationId('like', `${object}x`, 'u2'), long);
    assert.notEqual(relationId('like', `${object}xu`, '1'), relationId('like', `${object}x`, 'u1'), 'the two parts stay apart');
  });
});

describe('interaction published facts', () => {
  const since = at(1);
  const toggle = { active: true, activatedAt: since, updatedAt: since };

  it('likes and participations carry the event, the user and the owner', () => {
    assert.deepEqual(likeEvent('interaction.like.added', { _id: 'l', eventId: 'e1', userId: 'u1', ...toggle }, 'org'), {
      type: 'interaction.like.added',
      data: { eventId: 'e1', userId: 'u1', eventOwnerId: 'org' },
    });
    assert.deepEqual(
      participationEvent('interaction.participation.removed', { _id: 'p', eventId: 'e1', userId: 'u1', ticketOrderIds: [], ...toggle }, 'org'),
      { type: 'interaction.participation.removed', data: { eventId: 'e1', userId: 'u1', eventOwnerId: 'org' } },
    );
  });

  it('follows carry both sides; reviews carry the review', () => {
    assert.deepEqual(followEvent('interaction.follow.added', { _id: 'f', followerId: 'a', followeeId: 'b', ...toggle }), {
      type: 'interaction.follow.added',
      data: { followerId: 'a', followeeId: 'b' },
    });
    const review = { _id: 'r1', eventId: 'e1', userId: 'u1', rating: 5, text: 'great', createdAt: since, updatedAt: since };
    assert.deepEqual(reviewEvent('interaction.review.updated', review, 'org'), {
      type: 'interaction.review.updated',
      data: { reviewId: 'r1', eventId: 'e1', userId: 'u1', eventOwnerId: 'org', rating: 5, text: 'great' },
    });
  });
});
