import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@eventonight/testing';
import { call, newUser, startChat, userDeletedEvent, userEvent, waitForCopy, type ChatHarness } from './helpers.js';

describe('chat: local copies of users from user.* events', { timeout: 90_000 }, () => {
  let chat: ChatHarness;
  let url: string;

  before(async () => {
    chat = await startChat();
    url = chat.service.url;
  }, { timeout: 60_000 });
  after(async () => {
    await chat?.close();
  }, { timeout: 60_000 });

  async function otherNameSeenBy(token: string, conversationId: string): Promise<unknown> {
    const list = await call(url, 'GET', '/conversations', { token });
    const found = (list.body['items'] as Array<Record<string, unknown>>).find((c) => c['conversationId'] === conversationId);
    return found?.['otherParticipant'];
  }

  it('keeps the newer user.updated when an older one arrives after it, and lists show it', async () => {
    const me = await newUser(chat, 'me');
    const friend = await newUser(chat, 'friend');
    const opened = await call(url, 'POST', '/conversations', { token: me.token, body: { withUserId: friend.id } });
    const id = opened.body['conversationId'] as string;

    await chat.publish(userEvent('user.updated', friend.id, 3, 'Newest Name', 'avatar-new'));
    await waitForCopy(chat, friend.id, (copy) => copy.sourceVersion === 3);
    await chat.publish(userEvent('user.updated', friend.id, 2, 'Older Name', 'avatar-old'));
    // A marker event published after the stale one: once it is applied, the stale one was handled too.
    const marker = await newUser(chat, 'marker');
    assert.ok(marker.id);
    assert.deepEqual(await otherNameSeenBy(me.token, id), {
      userId: friend.id,
      displayName: 'Newest Name',
      avatarMediaId: 'avatar-new',
      deleted: false,
    });
  });

  it('a redelivered user.created is harmless and never rolls back a newer update', async () => {
    const userId = `redo-${randomUUID()}`;
    const created = userEvent('user.created', userId, 1, 'First');
    await chat.publish(created);
    await waitForCopy(chat, userId, (copy) => copy.sourceVersion === 1);
    await chat.publish(created);
    await chat.publish(userEvent('user.updated', userId, 2, 'Second'));
    await waitForCopy(chat, userId, (copy) => copy.sourceVersion === 2);
    await chat.publish(created);
    await newUser(chat, 'marker');
    const copies = await chat.service.db.collection('users').find({ _id: userId as never }).toArray();
    assert.equal(copies.length, 1);
    assert.equal(copies[0]?.['displayName'], 'Second');
  });

  it('after user.deleted, nobody can open a conversation with the user, and sending to them is refused', async () => {
    const me = await newUser(chat, 'me');
    const leaving = await newUser(chat, 'leaving');
    const opened = await call(url, 'POST', '/conversations', { token: me.token, body: { withUserId: leaving.id } });
    const id = opened.body['conversationId'] as string;
    const before = await call(url, 'POST', `/conversations/${id}/messages`, { token: me.token, body: { messageId: 'd-1', text: 'bye' } });
    assert.equal(before.status, 201);

    await chat.publish(userDeletedEvent(leaving.id, 5));
    // Erased (ADR 0027): no copy left, and the conversation moved to a new id that is not derived from the pair.
    const users = chat.service.db.collection('users');
    const conversations = chat.service.db.collection('conversations');
    await waitFor(
      async () => ((await users.countDocuments({ _id: leaving.id as never })) + (await conversations.countDocuments({ participantIds: leaving.id })) === 0 ? true : undefined),
      { timeoutMs: 15_000, what: 'erasure' },
    );
    // A late update cannot resurrect the account.
    await chat.publish(userEvent('user.updated', leaving.id, 4, 'Zombie'));
    await newUser(chat, 'marker');

    const reopen = await call(url, 'POST', '/conversations', { token: me.token, body: { withUserId: leaving.id } });
    assert.equal(reopen.status, 404);
    const list = await call(url, 'GET', '/conversations', { token: me.token });
    const [moved] = list.body['items'] as Array<Record<string, unknown>>;
    const newId = moved?.['conversationId'] as string;
    assert.notEqual(newId, id);
    const refused = await call(url, 'POST', `/conversations/${newId}/messages`, { token: me.token, body: { messageId: 'd-2', text: 'hello?' } });
    assert.equal(refused.status, 409);
    const replay = await call(url, 'POST', `/conversations/${newId}/messages`, { token: me.token, body: { messageId: 'd-1', text: 'bye' } });
    assert.equal(replay.status, 200);
    assert.deepEqual(await otherNameSeenBy(me.token, newId), { userId: 'deleted-member', displayName: 'Deleted member', avatarMediaId: null, deleted: true });
    assert.equal(await users.countDocuments({ _id: leaving.id as never }), 0);
  });
});
