import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  APPLIED_WINDOW,
  applyMessage,
  conversationIdFor,
  markRead,
  newConversation,
  previewOf,
  type ConversationState,
} from '../src/domain/conversation.js';

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
