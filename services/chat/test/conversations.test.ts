import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, newUser, startChat, unknownUser, type ChatHarness, type TestUser } from './helpers.js';

describe('chat: opening and listing conversations', { timeout: 90_000 }, () => {
  let chat: ChatHarness;
  let url: string;
  let ana: TestUser;
  let bob: TestUser;
  let eve: TestUser;

  before(async () => {
    chat = await startChat();
    url = chat.service.url;
    [ana, bob, eve] = await Promise.all([newUser(chat, 'ana'), newUser(chat, 'bob'), newUser(chat, 'eve')]);
  }, { timeout: 60_000 });
  after(async () => {
    await chat?.close();
  }, { timeout: 60_000 });

  it('opens a conversation (201), then returns the same one from either side (200)', async () => {
    const opened = await call(url, 'POST', '/conversations', { token: ana.token, body: { withUserId: bob.id } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const id = opened.body['conversationId'] as string;
    assert.equal(opened.headers.get('location'), `/conversations/${id}`);
    assert.deepEqual(opened.body['otherParticipant'], { userId: bob.id, displayName: bob.name, avatarMediaId: `avatar-${bob.id.slice(-6)}`, deleted: false });
    assert.equal(opened.body['unreadCount'], 0);
    assert.equal(opened.body['lastMessage'], null);
    assert.equal(opened.body['lastMessageAt'], null);

    const again = await call(url, 'POST', '/conversations', { token: ana.token, body: { withUserId: bob.id } });
    assert.equal(again.status, 200);
    assert.equal(again.body['conversationId'], id);
    const fromBob = await call(url, 'POST', '/conversations', { token: bob.token, body: { withUserId: ana.id } });
    assert.equal(fromBob.status, 200);
    assert.equal(fromBob.body['conversationId'], id);
    assert.equal((fromBob.body['otherParticipant'] as { displayName: string }).displayName, ana.name);
  });

  it('concurrent opens of the same pair converge on one conversation', async () => {
    const [x, y] = await Promise.all([newUser(chat, 'x'), newUser(chat, 'y')]);
    const replies = await Promise.all([
      call(url, 'POST', '/conversations', { token: x.token, body: { withUserId: y.id } }),
      call(url, 'POST', '/conversations', { token: y.token, body: { withUserId: x.id } }),
      call(url, 'POST', '/conversations', { token: x.token, body: { withUserId: y.id } }),
    ]);
    assert.deepEqual(replies.map((r) => r.status).sort(), [200, 200, 201]);
    assert.equal(new Set(replies.map((r) => r.body['conversationId'])).size, 1);
    const stored = await chat.service.db.collection('conversations').countDocuments({ participantIds: x.id });
    assert.equal(stored, 1);
  });

  it('refuses yourself (422), unknown users (404), bad bodies (400) and anonymous callers (401)', async () => {
    // Schema-valid, but a rule the schema cannot state: 422 unprocessable, naming the field.
    const self = await call(url, 'POST', '/conversations', { token: ana.token, body: { withUserId: ana.id } });
    assert.equal(self.status, 422);
    assert.equal(self.headers.get('content-type')?.startsWith('application/problem+json'), true);
    assert.equal(self.body['type'], 'https://eventonight.dev/problems/unprocessable');
    assert.deepEqual(self.body['errors'], [{ location: 'body', path: 'withUserId', message: 'must not be yourself' }]);
    // A user id is ASCII letters, digits, _ and - (what the schema's pattern says).
    for (const withUserId of ['has space', 'x'.repeat(129), '', 'ünïcode']) {
      const malformed = await call(url, 'POST', '/conversations', { token: ana.token, body: { withUserId } });
      assert.equal(malformed.status, 400, withUserId);
    }
    const ghost = await unknownUser(chat);
    const unknown = await call(url, 'POST', '/conversations', { token: ana.token, body: { withUserId: ghost.id } });
    assert.equal(unknown.status, 404);
    const extra = await call(url, 'POST', '/conversations', { token: ana.token, body: { withUserId: bob.id, topic: 'x' } });
    assert.equal(extra.status, 400);
    const missing = await call(url, 'POST', '/conversations', { token: ana.token, body: {} });
    assert.equal(missing.status, 400);
    const anonymous = await call(url, 'POST', '/conversations', { body: { withUserId: bob.id } });
    assert.equal(anonymous.status, 401);
    const anonymousList = await call(url, 'GET', '/conversations');
    assert.equal(anonymousList.status, 401);
  });

  it('lists my conversations newest first with names, previews and my unread count; outsiders see none of it', async () => {
    const [me, p1, p2, p3] = await Promise.all([newUser(chat, 'me'), newUser(chat, 'p1'), newUser(chat, 'p2'), newUser(chat, 'p3')]);
    const ids: string[] = [];
    for (const peer of [p1, p2, p3]) {
      const opened = await call(url, 'POST', '/conversations', { token: me.token, body: { withUserId: peer.id } });
      ids.push(opened.body['conversationId'] as string);
    }
    // p1 writes last, so its conversation comes first.
    const sent2 = await call(url, 'POST', `/conversations/${ids[1]}/messages`, { token: p2.token, body: { messageId: 'm-p2', text: 'hi from p2' } });
    assert.equal(sent2.status, 201);
    const sent1 = await call(url, 'POST', `/conversations/${ids[0]}/messages`, { token: p1.token, body: { messageId: 'm-p1', text: 'hi from p1' } });
    assert.equal(sent1.status, 201);

    const first = await call(url, 'GET', '/conversations?limit=2', { token: me.token });
    assert.equal(first.status, 200);
    const items = first.body['items'] as Array<Record<string, unknown>>;
    assert.deepEqual(items.map((c) => c['conversationId']), [ids[0], ids[1]]);
    const top = items[0] as Record<string, unknown>;
    assert.equal((top['otherParticipant'] as { displayName: string }).displayName, p1.name);
    assert.equal(top['unreadCount'], 1);
    assert.equal((top['lastMessage'] as { preview: string }).preview, 'hi from p1');
    assert.equal(top['lastMessageAt'], sent1.body['sentAt']);
    assert.equal('messages' in top, false);
    assert.equal(typeof first.body['nextCursor'], 'string');

    const second = await call(url, 'GET', `/conversations?limit=2&cursor=${first.body['nextCursor'] as string}`, { token: me.token });
    assert.equal(second.status, 200);
    assert.deepEqual((second.body['items'] as Array<Record<string, unknown>>).map((c) => c['conversationId']), [ids[2]]);
    assert.equal(second.body['nextCursor'], null);

    // p1 sees only the conversation with me, and with unread 0 (it sent the message).
    const p1List = await call(url, 'GET', '/conversations', { token: p1.token });
    const p1Items = p1List.body['items'] as Array<Record<string, unknown>>;
    assert.deepEqual(p1Items.map((c) => c['conversationId']), [ids[0]]);
    assert.equal(p1Items[0]?.['unreadCount'], 0);
    // An outsider lists nothing of it.
    const outsider = await call(url, 'GET', '/conversations', { token: eve.token });
    assert.equal((outsider.body['items'] as unknown[]).some((c) => ids.includes((c as { conversationId: string }).conversationId)), false);
  });

  it('rejects bad list queries with 400, and a cursor this API did not issue with 422', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'cursor=', `cursor=${'a'.repeat(601)}`, 'unknown=1']) {
      const reply = await call(url, 'GET', `/conversations?${query}`, { token: ana.token });
      assert.equal(reply.status, 400, query);
    }
    for (const query of ['cursor=not-a-cursor', 'cursor=%24%24']) {
      const reply = await call(url, 'GET', `/conversations?${query}`, { token: ana.token });
      assert.equal(reply.status, 422, query);
      assert.equal(reply.body['type'], 'https://eventonight.dev/problems/unprocessable');
    }
  });

  it('answers 404 to outsiders on read, write and mark-read, and changes nothing', async () => {
    const opened = await call(url, 'POST', '/conversations', { token: ana.token, body: { withUserId: bob.id } });
    const id = opened.body['conversationId'] as string;
    await call(url, 'POST', `/conversations/${id}/messages`, { token: ana.token, body: { messageId: 'secret-1', text: 'secret' } });
    const read = await call(url, 'GET', `/conversations/${id}/messages`, { token: eve.token });
    assert.equal(read.status, 404);
    const write = await call(url, 'POST', `/conversations/${id}/messages`, { token: eve.token, body: { messageId: 'intrude', text: 'hello' } });
    assert.equal(write.status, 404);
    const mark = await call(url, 'POST', `/conversations/${id}/read`, { token: eve.token });
    assert.equal(mark.status, 404);
    // Same answer as for a conversation that does not exist at all.
    const missing = await call(url, 'GET', '/conversations/c_doesnotexist/messages', { token: eve.token });
    assert.equal(missing.status, 404);
    assert.equal(read.body['detail'], missing.body['detail']);
    const stored = await chat.service.db.collection('messages').countDocuments({ conversationId: id });
    assert.equal(stored, 1);
    const bobView = await call(url, 'GET', `/conversations/${id}/messages`, { token: bob.token });
    assert.deepEqual((bobView.body['items'] as Array<{ text: string }>).map((m) => m.text), ['secret']);
  });

  it('rejects malformed conversation ids with 400', async () => {
    const reply = await call(url, 'GET', `/conversations/${encodeURIComponent('bad id!')}/messages`, { token: ana.token });
    assert.equal(reply.status, 400);
  });

  it('serves /health, /ready and an OpenAPI document listing every chat route', async () => {
    assert.equal((await call(url, 'GET', '/health')).status, 200);
    assert.equal((await call(url, 'GET', '/ready')).status, 200);
    const openapi = await call(url, 'GET', '/openapi.json');
    assert.equal(openapi.status, 200);
    const paths = Object.keys(openapi.body['paths'] as Record<string, unknown>);
    for (const path of ['/conversations', '/conversations/{conversationId}/messages', '/conversations/{conversationId}/read']) {
      assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
    }
    // Each status lists exactly the problem types the operation may answer, member-deleted among the send's 409s.
    const send = (openapi.body['paths'] as Record<string, Record<string, { responses: Record<string, unknown> }>>)[
      '/conversations/{conversationId}/messages'
    ]?.['post'];
    const conflict = JSON.stringify(send?.responses['409']);
    for (const type of ['conflict', 'member-deleted', 'version-conflict']) {
      assert.ok(conflict.includes(`"https://eventonight.dev/problems/${type}"`), `${type} in ${conflict}`);
    }
  });
});
