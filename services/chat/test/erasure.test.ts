import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { MongoClient, type Db } from 'mongodb';
import { AggregateStore, ErasureLedger, EXPORT_PARTS_COLLECTION, createLogger, SafetyCopies, type ExportPartState } from '@eventonight/platform';
import { infra, waitFor } from '@eventonight/testing';
import type { ChatDeps } from '../src/application/deps.js';
import { eraseUser } from '../src/application/erase-user.js';
import { conversationIdFor, type ConversationState } from '../src/domain/conversation.js';
import { ConversationReads } from '../src/persistence/conversation-reads.js';
import { Messages } from '../src/persistence/messages.js';
import { userCopies } from '../src/persistence/user-copies.js';
import { call, newUser, startChat, userDeletedEvent, userEvent, type ChatHarness, type TestUser } from './helpers.js';

type Item = Record<string, unknown>;

/** Every document of every collection of the service's database that mentions one of `needles`. */
async function tracesOf(db: Db, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    for (const document of await db.collection(name).find({}).toArray()) {
      const text = JSON.stringify(document);
      for (const needle of needles) if (text.includes(needle)) found.push(`${name}: ${needle} in ${text.slice(0, 300)}`);
    }
  }
  return found;
}

describe('chat: erasure of a deleted account (user.deleted)', { timeout: 180_000 }, () => {
  let chat: ChatHarness;
  let url: string;

  before(async () => {
    chat = await startChat();
    url = chat.service.url;
  }, { timeout: 60_000 });
  after(async () => {
    await chat?.close();
  }, { timeout: 60_000 });

  const open = async (from: TestUser, to: TestUser): Promise<string> => {
    const opened = await call(url, 'POST', '/conversations', { token: from.token, body: { withUserId: to.id } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    return opened.body['conversationId'] as string;
  };
  const send = (from: TestUser, id: string, messageId: string, text: string) =>
    call(url, 'POST', `/conversations/${id}/messages`, { token: from.token, body: { messageId, text } });
  const listOf = async (user: TestUser): Promise<Item[]> => {
    const list = await call(url, 'GET', '/conversations', { token: user.token });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    return list.body['items'] as Item[];
  };
  const needlesOf = (user: TestUser): string[] => [user.id, user.name, `avatar-${user.id.slice(-6)}`];
  const waitUntilGone = (needles: readonly string[], what: string) =>
    waitFor(async () => ((await tracesOf(chat.service.db, needles)).length === 0 ? true : undefined), { timeoutMs: 20_000, what });

  it('keeps the conversation for the other person under a new id with "Deleted member", and leaves no trace of the id, name or avatar', async () => {
    const [me, leaving, friend] = await Promise.all([newUser(chat, 'me'), newUser(chat, 'leaving'), newUser(chat, 'friend')]);
    const withMe = await open(me, leaving);
    const withFriend = await open(leaving, friend);
    assert.equal((await send(me, withMe, 'm-1', 'hello leaving')).status, 201);
    assert.equal((await send(leaving, withMe, 'm-2', 'hi, it is me')).status, 201);
    assert.equal((await send(leaving, withMe, 'm-3', 'the last word')).status, 201);
    assert.equal((await call(url, 'POST', `/conversations/${withMe}/read`, { token: leaving.token })).status, 200);
    assert.equal((await send(friend, withFriend, 'f-1', 'hey')).status, 201);
    assert.equal((await send(leaving, withFriend, 'f-2', 'bye friend')).status, 201);
    assert.equal(withMe, conversationIdFor(me.id, leaving.id));

    await chat.publish(userDeletedEvent(leaving.id, 7));
    // The old ids are digests of the pair: they may not stay either.
    await waitUntilGone([...needlesOf(leaving), withMe, withFriend], 'no trace of the erased user');
    assert.equal(await new ErasureLedger(chat.service.db).isErased(leaving.id), true);

    // Me: the conversation is still there, under a new id, with "Deleted member" and every message.
    const [mine] = (await listOf(me)).filter((c) => (c['otherParticipant'] as Item)['deleted'] === true);
    assert.ok(mine, 'the conversation is kept for me');
    const newId = mine['conversationId'] as string;
    assert.notEqual(newId, withMe);
    assert.match(newId, /^c_[A-Za-z0-9_-]{32}$/);
    assert.deepEqual(mine['otherParticipant'], { userId: 'deleted-member', displayName: 'Deleted member', avatarMediaId: null, deleted: true });
    assert.deepEqual(mine['participantIds'], ['deleted-member', me.id].sort());
    assert.equal((mine['lastMessage'] as Item)['senderId'], 'deleted-member');
    assert.equal((mine['lastMessage'] as Item)['preview'], 'the last word');
    assert.equal(mine['unreadCount'], 2);
    const messages = await call(url, 'GET', `/conversations/${newId}/messages`, { token: me.token });
    assert.equal(messages.status, 200);
    assert.deepEqual(
      (messages.body['items'] as Item[]).map((m) => [m['messageId'], m['senderId'], m['text'], m['conversationId']]),
      [
        ['m-3', 'deleted-member', 'the last word', newId],
        ['m-2', 'deleted-member', 'hi, it is me', newId],
        ['m-1', me.id, 'hello leaving', newId],
      ],
    );
    // The other member keeps theirs as well; the old ids answer 404.
    assert.equal((await listOf(friend)).filter((c) => (c['otherParticipant'] as Item)['displayName'] === 'Deleted member').length, 1);
    assert.equal((await call(url, 'GET', `/conversations/${withMe}/messages`, { token: me.token })).status, 404);

    // A new message to a deleted member is refused with its own problem type; a replay still answers.
    const refused = await send(me, newId, 'm-4', 'are you there?');
    assert.equal(refused.status, 409);
    assert.equal(refused.body['type'], 'https://eventonight.dev/problems/member-deleted');
    assert.equal(refused.body['detail'], 'This member has deleted their account.');
    assert.equal((await send(me, newId, 'm-1', 'hello leaving')).status, 200);
    // Nobody opens a conversation with the erased user again.
    assert.equal((await call(url, 'POST', '/conversations', { token: me.token, body: { withUserId: leaving.id } })).status, 404);
  });

  it('the deleted account\'s still-valid token gets 401 account-deleted on every route', async () => {
    const [other, gone] = await Promise.all([newUser(chat, 'other'), newUser(chat, 'gone')]);
    const id = await open(gone, other);
    await chat.publish(userDeletedEvent(gone.id, 2));
    await waitUntilGone([gone.id], 'erasure');
    const replies = await Promise.all([
      call(url, 'GET', '/conversations', { token: gone.token }),
      call(url, 'POST', '/conversations', { token: gone.token, body: { withUserId: other.id } }),
      call(url, 'GET', `/conversations/${id}/messages`, { token: gone.token }),
      call(url, 'POST', `/conversations/${id}/messages`, { token: gone.token, body: { messageId: 'x', text: 'still here' } }),
      call(url, 'POST', `/conversations/${id}/read`, { token: gone.token }),
    ]);
    for (const reply of replies) {
      assert.equal(reply.status, 401, JSON.stringify(reply.body));
      assert.equal(reply.body['type'], 'https://eventonight.dev/problems/account-deleted');
    }
    assert.deepEqual(await tracesOf(chat.service.db, [gone.id]), [], 'the refused calls wrote nothing');
  });

  it('a late user.updated or user.created, and a replayed user.deleted, bring nothing back and change nothing', async () => {
    const [me, leaving] = await Promise.all([newUser(chat, 'me'), newUser(chat, 'late')]);
    await open(me, leaving);
    await chat.publish(userDeletedEvent(leaving.id, 3));
    await waitUntilGone(needlesOf(leaving), 'erasure');
    const before = await chat.service.db.collection('conversations').find({ participantIds: me.id }).toArray();

    const stillClean = async (): Promise<void> => {
      for (let i = 0; i < 10; i += 1) {
        assert.deepEqual(await tracesOf(chat.service.db, [leaving.id, 'Back From The Dead', 'Reborn', 'avatar-zombie']), []);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await chat.publish(userEvent('user.updated', leaving.id, 9, 'Back From The Dead', 'avatar-zombie'));
    await chat.publish(userEvent('user.created', leaving.id, 1, 'Reborn'));
    await newUser(chat, 'marker'); // published after the late ones: by then they were taken
    await stillClean();

    await chat.publish(userDeletedEvent(leaving.id, 3)); // replayed
    await newUser(chat, 'marker');
    await stillClean();
    assert.deepEqual(await chat.service.db.collection('conversations').find({ participantIds: me.id }).toArray(), before);
    assert.equal(await new ErasureLedger(chat.service.db).isErased(leaving.id), true);
  });

  it('when both participants are erased, the conversation and its messages are deleted', async () => {
    const [a, b, keeper] = await Promise.all([newUser(chat, 'a'), newUser(chat, 'b'), newUser(chat, 'keeper')]);
    const id = await open(a, b);
    const kept = await open(keeper, a);
    assert.equal((await send(a, id, 'ab-1', 'from a')).status, 201);
    assert.equal((await send(b, id, 'ab-2', 'from b')).status, 201);
    assert.equal((await send(keeper, kept, 'k-1', 'for a')).status, 201);
    await chat.publish(userDeletedEvent(a.id, 2));
    await waitUntilGone(needlesOf(a), 'a erased');
    const anonymised = await chat.service.db.collection('conversations').findOne({ participantIds: b.id });
    assert.ok(anonymised);
    assert.equal(await chat.service.db.collection('messages').countDocuments({ conversationId: anonymised['_id'] }), 2);

    await chat.publish(userDeletedEvent(b.id, 2));
    await waitUntilGone(needlesOf(b), 'b erased');
    assert.equal(await chat.service.db.collection('conversations').countDocuments({ _id: anonymised['_id'] }), 0);
    assert.equal(await chat.service.db.collection('messages').countDocuments({ conversationId: anonymised['_id'] }), 0);
    assert.equal(await chat.service.db.collection('messages').countDocuments({ text: { $in: ['from a', 'from b'] } }), 0);
    // keeper's conversation with a is not touched by b's erasure.
    const [left] = await listOf(keeper);
    assert.equal((left?.['otherParticipant'] as Item)['displayName'], 'Deleted member');
    const keptMessages = await call(url, 'GET', `/conversations/${left?.['conversationId'] as string}/messages`, { token: keeper.token });
    assert.deepEqual((keptMessages.body['items'] as Item[]).map((m) => m['text']), ['for a']);
  });
});

describe('chat: erasing a large conversation, and after a crash midway', { timeout: 180_000 }, () => {
  let client: MongoClient;
  let db: Db;
  const commands: Array<{ name: string; collection: unknown }> = [];

  before(async () => {
    client = new MongoClient(infra.mongoUrl, { retryWrites: false, monitorCommands: true });
    client.on('commandStarted', (event) => commands.push({ name: event.commandName, collection: event.command[event.commandName] }));
    await client.connect();
    db = client.db(`chat_erase_${randomUUID().slice(0, 8)}`);
  });
  after(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
  });

  function depsOn(messages: Messages = new Messages(db)): ChatDeps {
    const conversations = new AggregateStore<ConversationState>(db, 'conversations', { source: 'chat' });
    return {
      conversations,
      reads: new ConversationReads(conversations.collection),
      messages,
      users: userCopies(db),
      ledger: new ErasureLedger(db),
      exportParts: new AggregateStore<ExportPartState>(db, EXPORT_PARTS_COLLECTION, { source: 'chat' }),
      clock: () => new Date(),
      logger: createLogger({ service: 'chat-test', level: 'silent' }),
      safety: new SafetyCopies(db, ['message']),
      limiter: null,
    };
  }

  /** A conversation of `a` and `b` with `count` messages, alternating senders, written directly. */
  async function seed(a: string, b: string, count: number): Promise<string> {
    const id = conversationIdFor(a, b);
    const now = Date.now();
    await db.collection('conversations').insertOne({
      _id: id as never,
      participantIds: [a, b].sort(),
      participants: [a, b].sort().map((userId) => ({ userId, unreadCount: 3, lastReadAt: new Date(now) })),
      createdAt: new Date(now - count * 1000),
      lastMessage: { messageId: `m-${count - 1}`, senderId: (count - 1) % 2 === 0 ? a : b, preview: 'last', sentAt: new Date(now) },
      lastActivityAt: new Date(now),
      appliedMessageIds: [],
      version: 5,
      outbox: [],
      outboxPending: false,
      outboxTicket: '~',
    });
    const messages = Array.from({ length: count }, (_, i) => ({
      _id: `${id}:m-${i}` as never,
      conversationId: id,
      messageId: `m-${i}`,
      senderId: i % 2 === 0 ? a : b,
      text: `message ${i}`,
      sentAt: new Date(now - (count - i) * 1000),
      applied: true,
    }));
    for (let i = 0; i < messages.length; i += 1000) await db.collection('messages').insertMany(messages.slice(i, i + 1000));
    return id;
  }

  it('moves 3,000 messages with a handful of batched writes, not one write per message', async () => {
    const [a, b] = [`a-${randomUUID()}`, `b-${randomUUID()}`];
    const oldId = await seed(a, b, 3_000);
    commands.length = 0;
    const summary = await eraseUser(depsOn(), a);
    assert.deepEqual(summary, { anonymised: 1, deleted: 0 });
    const writes = commands.filter((c) => c.collection === 'messages' && ['insert', 'update', 'delete'].includes(c.name));
    assert.ok(writes.length <= 16, `${writes.length} writes to messages: ${JSON.stringify(writes.slice(0, 20))}`);
    const moved = await db.collection('messages').find({}).toArray();
    assert.equal(moved.length, 3_000);
    const newIds = new Set(moved.map((m) => m['conversationId']));
    assert.equal(newIds.size, 1);
    assert.notEqual([...newIds][0], oldId);
    assert.equal(moved.filter((m) => m['senderId'] === 'deleted-member').length, 1_500);
    assert.equal(moved.filter((m) => m['senderId'] === b).length, 1_500);
    assert.ok(moved.every((m) => String(m['_id']) === `${String(m['conversationId'])}:${String(m['messageId'])}`));
    assert.deepEqual(await tracesOf(db, [a, oldId]), []);
  });

  it('a crash midway is finished by the next delivery: same new id, every message exactly once', async () => {
    const [a, b] = [`a-${randomUUID()}`, `b-${randomUUID()}`];
    const oldId = await seed(a, b, 1_200);
    // The first delivery dies after moving one batch (between an insertMany and its deleteMany).
    class CrashingMessages extends Messages {
      private calls = 0;
      override async moveBatch(fromId: string, toId: string, erased: ReadonlySet<string>, batch: number): Promise<number> {
        this.calls += 1;
        if (this.calls === 2) {
          await this.collection.insertMany(
            (await this.collection.find({ conversationId: fromId }).limit(10).toArray()).map((m) => ({
              ...m,
              _id: `${toId}:${m.messageId}`,
              conversationId: toId,
              senderId: erased.has(m.senderId) ? 'deleted-member' : m.senderId,
            })),
          );
          throw new Error('crash');
        }
        return super.moveBatch(fromId, toId, erased, batch);
      }
    }
    await assert.rejects(eraseUser(depsOn(new CrashingMessages(db)), a), /crash/);
    const claimed = (await db.collection('conversations').findOne({ _id: oldId as never }))?.['rekeyedTo'] as string;
    assert.ok(claimed, 'the old document names its new id');
    assert.ok((await db.collection('messages').countDocuments({ conversationId: oldId })) > 0, 'the crash left messages behind');

    const summary = await eraseUser(depsOn(), a); // the redelivery
    assert.deepEqual(summary, { anonymised: 1, deleted: 0 });
    assert.equal(await db.collection('conversations').countDocuments({ _id: oldId as never }), 0);
    const moved = await db.collection('messages').find({ conversationId: claimed }).toArray();
    assert.equal(moved.length, 1_200);
    assert.equal(new Set(moved.map((m) => m['messageId'])).size, 1_200);
    const kept = await db.collection('conversations').findOne({ _id: claimed as never });
    assert.deepEqual(kept?.['participantIds'], ['deleted-member', b].sort());
    assert.deepEqual(await tracesOf(db, [a, oldId]), []);
    // And a third delivery changes nothing.
    assert.deepEqual(await eraseUser(depsOn(), a), { anonymised: 0, deleted: 0 });
  });
});
