import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  APPLIED_WINDOW,
  PREVIEW_MAX,
  applyMessage,
  conversationIdFor,
  isParticipant,
  markRead,
  newConversation,
  otherParticipant,
  participantOf,
  previewOf,
  type ConversationState,
} from '../src/domain/conversation.js';
import { isSameMessage, messageKey, type MessageDocument } from '../src/domain/message.js';

const t = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

function withChanges(state: ConversationState, changes: Partial<ConversationState> | null): ConversationState {
  assert.ok(changes !== null);
  return { ...state, ...changes };
}

describe('chat domain rules (pure)', () => {
  it('derives one id per pair, whatever the order', () => {
    assert.equal(conversationIdFor('a', 'b'), conversationIdFor('b', 'a'));
    assert.notEqual(conversationIdFor('a', 'b'), conversationIdFor('a', 'c'));
    assert.match(conversationIdFor('x', 'y'), /^c_[A-Za-z0-9_-]{32}$/);
  });

  it('cuts previews to 140 UTF-16 units without splitting a surrogate pair', () => {
    assert.equal(previewOf('short'), 'short');
    assert.equal(previewOf('x'.repeat(140)), 'x'.repeat(140));
    const cut = previewOf(`${'x'.repeat(138)}😀😀😀`);
    assert.ok(cut.length <= 140);
    assert.ok(cut.endsWith('…'));
    assert.ok(!/[\uD800-\uDBFF]…$/.test(cut), 'no lone high surrogate before the ellipsis');
  });

  it('counts a message once, for the recipient only', () => {
    let state = newConversation('a', 'b', t(0));
    const message = { messageId: 'm1', senderId: 'a', text: 'hi', sentAt: t(1) };
    state = withChanges(state, applyMessage(state, message));
    assert.equal(applyMessage(state, message), null);
    assert.deepEqual(state.participants.map((p) => p.unreadCount), [0, 1]);
    assert.equal(state.lastMessage?.messageId, 'm1');
    assert.deepEqual(state.lastActivityAt, t(1));
  });

  it('a late (repaired) message neither replaces a newer preview nor adds unread for someone who read past it', () => {
    let state = newConversation('a', 'b', t(0));
    state = withChanges(state, applyMessage(state, { messageId: 'new', senderId: 'a', text: 'newer', sentAt: t(5) }));
    state = withChanges(state, markRead(state, 'b', t(6)));
    state = withChanges(state, applyMessage(state, { messageId: 'old', senderId: 'a', text: 'older', sentAt: t(3) }));
    assert.equal(state.lastMessage?.messageId, 'new');
    assert.deepEqual(state.participants.map((p) => p.unreadCount), [0, 0]);
    assert.deepEqual(state.lastActivityAt, t(5));
  });

  it('keeps a bounded window of counted ids', () => {
    let state = newConversation('a', 'b', t(0));
    for (let i = 0; i < APPLIED_WINDOW + 5; i += 1) {
      state = withChanges(state, applyMessage(state, { messageId: `m${i}`, senderId: 'b', text: 'x', sentAt: t(i + 1) }));
    }
    assert.equal(state.appliedMessageIds.length, APPLIED_WINDOW);
    assert.equal(state.appliedMessageIds.at(-1), `m${APPLIED_WINDOW + 4}`);
  });

  it('mark-read is a no-op when nothing is unread', () => {
    let state = newConversation('a', 'b', t(0));
    state = withChanges(state, applyMessage(state, { messageId: 'm', senderId: 'a', text: 'x', sentAt: t(1) }));
    state = withChanges(state, markRead(state, 'b', t(2)));
    assert.equal(markRead(state, 'b', t(3)), null);
  });
});

describe('chat conversation rules: participants, previews, counting, reading', () => {
  it('a new conversation: sorted pair, nothing unread, never read, no message, active since creation', () => {
    assert.deepEqual(newConversation('b', 'a', t(0)), {
      _id: conversationIdFor('a', 'b'),
      participantIds: ['a', 'b'],
      participants: [
        { userId: 'a', unreadCount: 0, lastReadAt: null },
        { userId: 'b', unreadCount: 0, lastReadAt: null },
      ],
      createdAt: t(0),
      lastMessage: null,
      lastActivityAt: t(0),
      appliedMessageIds: [],
    });
  });

  it('the id keeps the two ids apart (no ambiguity from concatenation)', () => {
    assert.notEqual(conversationIdFor('ab', 'c'), conversationIdFor('a', 'bc'));
  });

  it('participants: membership, the other side, and a blank state for an outsider', () => {
    const state = newConversation('a', 'b', t(0));
    assert.equal(isParticipant(state, 'a'), true);
    assert.equal(isParticipant(state, 'c'), false);
    assert.equal(otherParticipant(state, 'a'), 'b');
    assert.equal(otherParticipant(state, 'b'), 'a');
    const self = newConversation('a', 'a', t(0));
    assert.equal(otherParticipant(self, 'a'), 'a', 'a note to oneself');
    assert.deepEqual(participantOf(state, 'c'), { userId: 'c', unreadCount: 0, lastReadAt: null });
    const counted = withChanges(state, applyMessage(state, { messageId: 'm', senderId: 'a', text: 'x', sentAt: t(1) }));
    assert.equal(participantOf(counted, 'b').unreadCount, 1);
  });

  it('a preview one unit over the limit is cut to the limit with an ellipsis', () => {
    const cut = previewOf('y'.repeat(PREVIEW_MAX + 1));
    assert.equal(cut, `${'y'.repeat(PREVIEW_MAX - 1)}…`);
    assert.equal(cut.length, PREVIEW_MAX);
    // The cut falls right after a high surrogate: the whole pair goes.
    const pair = previewOf(`${'x'.repeat(PREVIEW_MAX - 2)}😀tail`);
    assert.equal(pair, `${'x'.repeat(PREVIEW_MAX - 2)}…`);
    // The cut falls right after a complete pair: it stays.
    const kept = previewOf(`${'x'.repeat(PREVIEW_MAX - 3)}😀tail`);
    assert.equal(kept, `${'x'.repeat(PREVIEW_MAX - 3)}😀…`);
  });

  it('the lowest and highest high surrogates are both recognised at the cut', () => {
    const head = 'x'.repeat(PREVIEW_MAX - 2);
    assert.equal(previewOf(`${head}\uD800\uDC00tail`), `${head}…`, 'U+10000');
    assert.equal(previewOf(`${head}\uDBFF\uDFFFtail`), `${head}…`, 'U+10FFFF');
    assert.equal(previewOf(`${head}\uD7FFtail`), `${head}\uD7FF…`, 'not a surrogate: kept');
    assert.equal(previewOf(`${head}\uDC00tail`), `${head}\uDC00…`, 'a low surrogate alone: kept');
  });

  it('a counted message sets the preview, sender and time; one at the same instant as the last also replaces it', () => {
    let state = newConversation('a', 'b', t(0));
    state = withChanges(state, applyMessage(state, { messageId: 'm1', senderId: 'a', text: 'first', sentAt: t(5) }));
    assert.deepEqual(state.lastMessage, { messageId: 'm1', senderId: 'a', preview: 'first', sentAt: t(5) });
    state = withChanges(state, applyMessage(state, { messageId: 'm2', senderId: 'b', text: 'second', sentAt: t(5) }));
    assert.deepEqual(state.lastMessage, { messageId: 'm2', senderId: 'b', preview: 'second', sentAt: t(5) });
    assert.deepEqual(state.appliedMessageIds, ['m1', 'm2']);
    assert.deepEqual(state.participants.map((p) => p.unreadCount), [1, 1]);
  });

  it('a message sent exactly when the reader last read counts as read', () => {
    let state = newConversation('a', 'b', t(0));
    state = withChanges(state, applyMessage(state, { messageId: 'm1', senderId: 'a', text: 'x', sentAt: t(5) }));
    state = withChanges(state, markRead(state, 'b', t(7)));
    state = withChanges(state, applyMessage(state, { messageId: 'late', senderId: 'a', text: 'x', sentAt: t(7) }));
    assert.equal(participantOf(state, 'b').unreadCount, 0);
    state = withChanges(state, applyMessage(state, { messageId: 'next', senderId: 'a', text: 'x', sentAt: t(8) }));
    assert.equal(participantOf(state, 'b').unreadCount, 1);
  });

  it('mark-read clears the count, reads up to now or the last message if later, and leaves the other side', () => {
    let state = newConversation('a', 'b', t(0));
    state = withChanges(state, applyMessage(state, { messageId: 'm1', senderId: 'a', text: 'x', sentAt: t(9) }));
    state = withChanges(state, applyMessage(state, { messageId: 'm2', senderId: 'b', text: 'y', sentAt: t(9) }));
    const read = markRead(state, 'b', t(4));
    assert.deepEqual(read?.participants, [
      { userId: 'a', unreadCount: 1, lastReadAt: null },
      { userId: 'b', unreadCount: 0, lastReadAt: t(9) },
    ]);
    assert.deepEqual(markRead(state, 'a', t(20))?.participants[0], { userId: 'a', unreadCount: 0, lastReadAt: t(20) });
  });

  it('mark-read on an empty conversation records the first read once, then is a no-op', () => {
    let state = newConversation('a', 'b', t(0));
    state = withChanges(state, markRead(state, 'a', t(3)));
    assert.deepEqual(participantOf(state, 'a'), { userId: 'a', unreadCount: 0, lastReadAt: t(3) });
    assert.equal(markRead(state, 'a', t(4)), null);
  });

  it('mark-read is not a no-op while a message newer than the last read is there, even with nothing counted', () => {
    let state = newConversation('a', 'b', t(0));
    state = withChanges(state, markRead(state, 'b', t(1)));
    // The reader's own message is newer than their last read but adds no unread.
    state = withChanges(state, applyMessage(state, { messageId: 'own', senderId: 'b', text: 'x', sentAt: t(5) }));
    assert.deepEqual(markRead(state, 'b', t(6))?.participants[1], { userId: 'b', unreadCount: 0, lastReadAt: t(6) });
    state = withChanges(state, markRead(state, 'b', t(5)));
    assert.equal(markRead(state, 'b', t(6)), null, 'read exactly up to the last message');
  });
});

describe('chat mark-read on a stored state', () => {
  it('unread messages are cleared even when the last read looks recent (counts win over times)', () => {
    const state = newConversation('a', 'b', t(0));
    const stale: ConversationState = {
      ...state,
      lastMessage: { messageId: 'm', senderId: 'a', preview: 'x', sentAt: t(5) },
      participants: [
        { userId: 'a', unreadCount: 0, lastReadAt: null },
        { userId: 'b', unreadCount: 2, lastReadAt: t(9) },
      ],
    };
    assert.deepEqual(markRead(stale, 'b', t(10))?.participants[1], { userId: 'b', unreadCount: 0, lastReadAt: t(10) });
  });
});

describe('chat messages', () => {
  const stored: MessageDocument = { _id: 'c:m', conversationId: 'c', messageId: 'm', senderId: 'a', text: 'hi', sentAt: t(1), applied: true };

  it('a message is keyed by conversation and message id', () => {
    assert.equal(messageKey('c1', 'm1'), 'c1:m1');
  });

  it('a retry is the same message only with the same sender and the same text', () => {
    assert.equal(isSameMessage(stored, 'a', 'hi'), true);
    assert.equal(isSameMessage(stored, 'b', 'hi'), false);
    assert.equal(isSameMessage(stored, 'a', 'hi!'), false);
  });
});
