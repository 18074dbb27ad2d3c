import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor, type EventTap } from '@eventonight/testing';
import { call, newUser, openTap, startChat, type ChatHarness, type TestUser } from './helpers.js';

type Message = { messageId: string; text: string; senderId: string; sentAt: string; conversationId: string };

describe('chat: sending, reading, paging messages', { timeout: 120_000 }, () => {
  let chat: ChatHarness;
  let tap: EventTap;
  let url: string;

  before(async () => {
    tap = await openTap(['chat.message.sent']);
    chat = await startChat();
    url = chat.service.url;
  }, { timeout: 60_000 });
  after(async () => {
    await tap?.close();
    await chat?.close();
  }, { timeout: 60_000 });

  async function pair(): Promise<{ a: TestUser; b: TestUser; id: string }> {
    const [a, b] = await Promise.all([newUser(chat, 'a'), newUser(chat, 'b')]);
    const opened = await call(url, 'POST', '/conversations', { token: a.token, body: { withUserId: b.id } });
    assert.equal(opened.status, 201);
    return { a, b, id: opened.body['conversationId'] as string };
  }

  const send = (token: string, id: string, messageId: string, text: string) =>
    call(url, 'POST', `/conversations/${id}/messages`, { token, body: { messageId, text } });

  it('sends a message (201) and publishes chat.message.sent with the right payload', async () => {
    const { a, b, id } = await pair();
    const long = `${'x'.repeat(200)} tail`;
    const sent = await send(a.token, id, 'msg-1', long);
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assert.equal(sent.body['text'], long);
    assert.equal(sent.body['senderId'], a.id);
    const event = await tap.waitFor('chat.message.sent', (e) => e.data.conversationId === id);
    assert.equal(event.source, chat.name);
    assert.equal(event.aggregateId, id);
    assert.equal(event.data.messageId, 'msg-1');
    assert.equal(event.data.senderId, a.id);
    assert.equal(event.data.recipientId, b.id);
    assert.equal(event.data.sentAt, sent.body['sentAt']);
    assert.ok(event.data.preview.length <= 140);
    assert.ok(long.startsWith(event.data.preview.slice(0, -1)));
  });

  it('is idempotent on messageId: a retry returns the same message, stores no duplicate, publishes no second event', async () => {
    const { a, id } = await pair();
    const first = await send(a.token, id, 'retry-1', 'hello');
    const second = await send(a.token, id, 'retry-1', 'hello');
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    assert.deepEqual(second.body, first.body);
    const reused = await send(a.token, id, 'retry-1', 'something else');
    assert.equal(reused.status, 409);

    const concurrent = await Promise.all(Array.from({ length: 5 }, () => send(a.token, id, 'race-1', 'at once')));
    assert.deepEqual(concurrent.map((r) => r.status).sort(), [200, 200, 200, 200, 201]);
    assert.equal(new Set(concurrent.map((r) => r.body['sentAt'])).size, 1);

    const stored = await chat.service.db.collection('messages').countDocuments({ conversationId: id });
    assert.equal(stored, 2);
    await tap.waitFor('chat.message.sent', (e) => e.data.messageId === 'race-1' && e.data.conversationId === id);
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for any duplicate to arrive
    const events = tap.ofType('chat.message.sent').filter((e) => e.data.conversationId === id);
    assert.deepEqual(events.map((e) => e.data.messageId).sort(), ['race-1', 'retry-1']);
    const listed = await call(url, 'GET', `/conversations/${id}/messages`, { token: a.token });
    assert.equal((listed.body['items'] as unknown[]).length, 2);
  });

  it('the other participant may not reuse my messageId (409), and nothing changes', async () => {
    const { a, b, id } = await pair();
    assert.equal((await send(a.token, id, 'shared-id', 'mine')).status, 201);
    await tap.waitFor('chat.message.sent', (e) => e.data.conversationId === id && e.data.messageId === 'shared-id');
    const messages = chat.service.db.collection('messages');
    const conversations = chat.service.db.collection('conversations');
    const storedBefore = await messages.find({ conversationId: id }).toArray();
    // The event reaches the tap before the relay empties the conversation's outbox: read the
    // document once the relay is done with it, so only the refused send could change it.
    const conversationBefore = await waitFor(
      async () => (await conversations.findOne({ _id: id as never, outboxPending: false })) ?? undefined,
      { what: 'the relay to confirm the first send' },
    );
    const listBefore = await call(url, 'GET', '/conversations', { token: b.token });

    // Same text too: only the sender differs, which makes it another message.
    const theirs = await send(b.token, id, 'shared-id', 'mine');
    assert.equal(theirs.status, 409);
    assert.equal(theirs.headers.get('content-type')?.startsWith('application/problem+json'), true);

    assert.deepEqual(await messages.find({ conversationId: id }).toArray(), storedBefore, 'the stored message is still mine, alone');
    assert.deepEqual(await conversations.findOne({ _id: id as never }), conversationBefore, 'preview, unread counts, version unchanged');
    const listAfter = await call(url, 'GET', '/conversations', { token: b.token });
    assert.deepEqual(listAfter.body, listBefore.body, "b's list (preview, unread) unchanged");
    const mine = (listAfter.body['items'] as Array<{ conversationId: string; unreadCount: number; lastMessage: { senderId: string } | null }>).find(
      (item) => item.conversationId === id,
    );
    assert.equal(mine?.unreadCount, 1, 'b still has exactly my one message unread');
    assert.equal(mine?.lastMessage?.senderId, a.id);
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for a wrong event to arrive
    const events = tap.ofType('chat.message.sent').filter((e) => e.data.conversationId === id);
    assert.deepEqual(events.map((e) => e.data.senderId), [a.id], 'no event for the refused message');
  });

  it('validates the message body (400) and stores nothing', async () => {
    const { a, id } = await pair();
    const bad = [
      { messageId: 'v1', text: '' },
      { messageId: 'v2', text: '   ' },
      { messageId: 'v3', text: 'x'.repeat(4001) },
      { messageId: 'has space', text: 'hi' },
      { messageId: 'x'.repeat(129), text: 'hi' },
      { text: 'no id' },
      { messageId: 'v4' },
      { messageId: 'v5', text: 'hi', extra: true },
    ];
    for (const body of bad) {
      const reply = await call(url, 'POST', `/conversations/${id}/messages`, { token: a.token, body });
      assert.equal(reply.status, 400, JSON.stringify(body).slice(0, 80));
    }
    const longest = await send(a.token, id, 'v-max', 'y'.repeat(4000));
    assert.equal(longest.status, 201);
    const stored = await chat.service.db.collection('messages').countDocuments({ conversationId: id });
    assert.equal(stored, 1);
  });

  it('counts the text in characters as its JSON Schema does (an emoji is one), and refuses blank ones of any white space', async () => {
    const { a, id } = await pair();
    const emoji = await send(a.token, id, 'e-max', '😀'.repeat(4000));
    assert.equal(emoji.status, 201);
    assert.equal(emoji.body['text'], '😀'.repeat(4000));
    for (const [messageId, text] of [['e-over', '😀'.repeat(4001)], ['e-blank', '\u00a0\u3000\ufeff\t']]) {
      const reply = await send(a.token, id, messageId as string, text as string);
      assert.equal(reply.status, 400, messageId);
    }
    const trimmed = await send(a.token, id, 'e-trim', '\u00a0 hi \u3000');
    assert.equal(trimmed.status, 201);
    assert.equal(trimmed.body['text'], 'hi');
  });

  it('pages messages backwards in time with the before cursor', async () => {
    const { a, b, id } = await pair();
    for (let i = 1; i <= 5; i += 1) {
      const sent = await send(i % 2 === 0 ? b.token : a.token, id, `p-${i}`, `message ${i}`);
      assert.equal(sent.status, 201);
    }
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const query: string = before === null ? '?limit=2' : `?limit=2&before=${before}`;
      const page = await call(url, 'GET', `/conversations/${id}/messages${query}`, { token: b.token });
      assert.equal(page.status, 200);
      seen.push(...(page.body['items'] as Message[]).map((m) => m.text));
      before = page.body['nextCursor'] as string | null;
      pages += 1;
    } while (before !== null && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(seen, ['message 5', 'message 4', 'message 3', 'message 2', 'message 1']);
    for (const query of ['?limit=0', '?limit=101', '?before=', '?cursor=x']) {
      const reply = await call(url, 'GET', `/conversations/${id}/messages${query}`, { token: a.token });
      assert.equal(reply.status, 400, query);
    }
    // Schema-valid, but not a cursor this API issued: 422.
    const garbage = await call(url, 'GET', `/conversations/${id}/messages?before=garbage`, { token: a.token });
    assert.equal(garbage.status, 422);
  });

  it('counts unread messages per participant and mark-read resets mine only', async () => {
    const { a, b, id } = await pair();
    await send(a.token, id, 'u-1', 'one');
    await send(a.token, id, 'u-2', 'two');
    await send(b.token, id, 'u-3', 'three');
    const unreadOf = async (user: TestUser) => {
      const list = await call(url, 'GET', '/conversations', { token: user.token });
      const mine = (list.body['items'] as Array<Record<string, unknown>>).find((c) => c['conversationId'] === id);
      return mine?.['unreadCount'];
    };
    assert.equal(await unreadOf(b), 2);
    assert.equal(await unreadOf(a), 1);

    const read = await call(url, 'POST', `/conversations/${id}/read`, { token: b.token });
    assert.equal(read.status, 200);
    assert.equal(read.body['unreadCount'], 0);
    assert.equal(typeof read.body['lastReadAt'], 'string');
    assert.equal(await unreadOf(b), 0);
    assert.equal(await unreadOf(a), 1);
    const again = await call(url, 'POST', `/conversations/${id}/read`, { token: b.token });
    assert.equal(again.status, 200);
    assert.equal(again.body['unreadCount'], 0);

    await send(a.token, id, 'u-4', 'four');
    assert.equal(await unreadOf(b), 1);
    const missing = await call(url, 'POST', '/conversations/c_nope/read', { token: b.token });
    assert.equal(missing.status, 404);
  });

  it('repairs a send that crashed between the message insert and the conversation update, on retry', async () => {
    const { a, b, id } = await pair();
    // The state a crash right after step 1 leaves: the message stored, the conversation unaware of it.
    const sentAt = new Date();
    await chat.service.db.collection('messages').insertOne({
      _id: `${id}:crashed-1` as never,
      conversationId: id,
      messageId: 'crashed-1',
      senderId: a.id,
      text: 'half sent',
      sentAt,
      applied: false,
    });
    const retry = await send(a.token, id, 'crashed-1', 'half sent');
    assert.equal(retry.status, 200);
    assert.equal(retry.body['sentAt'], sentAt.toISOString());
    const event = await tap.waitFor('chat.message.sent', (e) => e.data.messageId === 'crashed-1' && e.data.conversationId === id);
    assert.equal(event.data.recipientId, b.id);
    const list = await call(url, 'GET', '/conversations', { token: b.token });
    const conversation = (list.body['items'] as Array<Record<string, unknown>>).find((c) => c['conversationId'] === id);
    assert.equal(conversation?.['unreadCount'], 1);
    assert.equal((conversation?.['lastMessage'] as { preview: string }).preview, 'half sent');
    // A second retry finds everything done: no second event.
    const third = await send(a.token, id, 'crashed-1', 'half sent');
    assert.equal(third.status, 200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(tap.ofType('chat.message.sent').filter((e) => e.data.messageId === 'crashed-1' && e.data.conversationId === id).length, 1);
  });

  it('a retry whose conversation update happened but whose applied flag did not is not counted twice', async () => {
    const { a, b, id } = await pair();
    await send(a.token, id, 'flag-1', 'counted');
    await chat.service.db.collection('messages').updateOne({ _id: `${id}:flag-1` as never }, { $set: { applied: false } });
    const retry = await send(a.token, id, 'flag-1', 'counted');
    assert.equal(retry.status, 200);
    const list = await call(url, 'GET', '/conversations', { token: b.token });
    const conversation = (list.body['items'] as Array<Record<string, unknown>>).find((c) => c['conversationId'] === id);
    assert.equal(conversation?.['unreadCount'], 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(tap.ofType('chat.message.sent').filter((e) => e.data.messageId === 'flag-1' && e.data.conversationId === id).length, 1);
  });
});

