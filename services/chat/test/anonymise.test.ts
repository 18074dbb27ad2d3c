import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DELETED_MEMBER,
  anonymisedConversation,
  conversationIdFor,
  isParticipant,
  newConversation,
  otherParticipant,
  randomConversationId,
  type ConversationState,
} from '../src/domain/conversation.js';

describe('chat domain: replacing an erased participant', () => {
  const at = new Date('2026-03-01T10:00:00Z');
  const read = new Date('2026-03-01T11:00:00Z');
  const base: ConversationState = {
    ...newConversation('ana', 'bob', at),
    participants: [
      { userId: 'ana', unreadCount: 0, lastReadAt: read },
      { userId: 'bob', unreadCount: 4, lastReadAt: read },
    ],
    lastMessage: { messageId: 'm-9', senderId: 'bob', preview: 'see you', sentAt: read },
    appliedMessageIds: ['m-8', 'm-9'],
    rekeyedTo: 'c_whatever',
  };

  it('replaces the id everywhere, drops their read state, keeps the other side and the preview', () => {
    const copy = anonymisedConversation(base, new Set(['bob']), 'c_new');
    assert.equal(copy._id, 'c_new');
    assert.deepEqual(copy.participantIds, [DELETED_MEMBER, 'ana'].sort());
    assert.deepEqual(copy.participants, [
      { userId: 'ana', unreadCount: 0, lastReadAt: read },
      { userId: DELETED_MEMBER, unreadCount: 0, lastReadAt: null },
    ]);
    assert.deepEqual(copy.lastMessage, { messageId: 'm-9', senderId: DELETED_MEMBER, preview: 'see you', sentAt: read });
    assert.equal('rekeyedTo' in copy, false);
    assert.ok(!JSON.stringify(copy).includes('bob'));
    assert.equal(otherParticipant(copy, 'ana'), DELETED_MEMBER);
  });

  it('the marker is nobody: it takes part in nothing, whatever a token says', () => {
    const copy = anonymisedConversation(base, new Set(['bob']), 'c_new');
    assert.equal(isParticipant(copy, DELETED_MEMBER), false);
    assert.equal(isParticipant(copy, 'ana'), true);
    assert.equal(isParticipant(copy, 'bob'), false);
  });

  it('new ids are random, in the shape of pair ids, and never a pair id', () => {
    const ids = new Set(Array.from({ length: 100 }, () => randomConversationId()));
    assert.equal(ids.size, 100);
    for (const id of ids) assert.match(id, /^c_[A-Za-z0-9_-]{32}$/);
    assert.match(conversationIdFor('ana', 'bob'), /^c_[A-Za-z0-9_-]{32}$/);
    assert.equal(ids.has(conversationIdFor('ana', DELETED_MEMBER)), false);
  });
});
