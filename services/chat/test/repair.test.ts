import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor, type EventTap } from '@eventonight/testing';
import { call, newUser, openTap, startChat, type ChatHarness } from './helpers.js';

describe('chat: the repair job finishes sends nobody retried', { timeout: 60_000 }, () => {
  let chat: ChatHarness;
  let tap: EventTap;

  before(async () => {
    tap = await openTap(['chat.message.sent']);
    chat = await startChat({ extra: { CHAT_REPAIR_INTERVAL_MS: '200', CHAT_REPAIR_GRACE_MS: '1000' } });
  }, { timeout: 60_000 });
  after(async () => {
    await tap?.close();
    await chat?.close();
  }, { timeout: 60_000 });

  it('counts an orphaned message once it is older than the grace period', async () => {
    const [a, b] = await Promise.all([newUser(chat, 'a'), newUser(chat, 'b')]);
    const opened = await call(chat.service.url, 'POST', '/conversations', { token: a.token, body: { withUserId: b.id } });
    const id = opened.body['conversationId'] as string;
    await chat.service.db.collection('messages').insertOne({
      _id: `${id}:orphan` as never,
      conversationId: id,
      messageId: 'orphan',
      senderId: b.id,
      text: 'left behind',
      sentAt: new Date(),
      applied: false,
    });
    const event = await tap.waitFor('chat.message.sent', (e) => e.data.messageId === 'orphan' && e.data.conversationId === id);
    assert.equal(event.data.recipientId, a.id);
    await waitFor(
      async () => ((await chat.service.db.collection('messages').findOne({ _id: `${id}:orphan` as never }))?.['applied'] === true ? true : undefined),
      { timeoutMs: 10_000, what: 'applied flag' },
    );
    const list = await call(chat.service.url, 'GET', '/conversations', { token: a.token });
    const conversation = (list.body['items'] as Array<Record<string, unknown>>).find((c) => c['conversationId'] === id);
    assert.equal(conversation?.['unreadCount'], 1);
  });
});
