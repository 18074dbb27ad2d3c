import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildEvent, type DomainEvent } from '@eventonight/contracts';
import { waitFor, type EventTap } from '@eventonight/testing';
import { call, newUser, openTap, startChat, userDeletedEvent, type ChatHarness, type TestUser } from './helpers.js';

function exportRequested(userId: string, exportId: string = randomUUID()): DomainEvent<'user.export.requested'> {
  return buildEvent({
    type: 'user.export.requested',
    source: 'user',
    aggregateId: userId,
    aggregateVersion: 1,
    correlationId: `corr-${randomUUID()}`,
    data: { exportId, userId },
  });
}

describe('chat: a member\'s data export (user.export.requested → chat.export.part)', { timeout: 120_000 }, () => {
  let chat: ChatHarness;
  let tap: EventTap;
  let url: string;

  before(async () => {
    tap = await openTap(['chat.export.part']);
    chat = await startChat();
    url = chat.service.url;
  }, { timeout: 60_000 });
  after(async () => {
    await tap?.close();
    await chat?.close();
  }, { timeout: 60_000 });

  const open = async (from: TestUser, to: TestUser): Promise<string> =>
    (await call(url, 'POST', '/conversations', { token: from.token, body: { withUserId: to.id } })).body['conversationId'] as string;
  const send = async (from: TestUser, id: string, messageId: string, text: string): Promise<string> => {
    const sent = await call(url, 'POST', `/conversations/${id}/messages`, { token: from.token, body: { messageId, text } });
    assert.equal(sent.status, 201);
    return sent.body['sentAt'] as string;
  };

  it('answers once with the conversations (other person by name, or "Deleted member") and every message sent and received', async () => {
    const [me, friend, leaving] = await Promise.all([newUser(chat, 'me'), newUser(chat, 'friend'), newUser(chat, 'leaving')]);
    const withFriend = await open(me, friend);
    const withLeaving = await open(leaving, me);
    const t1 = await send(me, withFriend, 'e-1', 'hi friend');
    const t2 = await send(friend, withFriend, 'e-2', 'hi you');
    const t3 = await send(leaving, withLeaving, 'e-3', 'I am off');
    await chat.publish(userDeletedEvent(leaving.id, 2));
    await waitFor(async () => ((await chat.service.db.collection('conversations').countDocuments({ participantIds: leaving.id })) === 0 ? true : undefined), {
      what: 'erasure',
    });
    const [moved] = (await call(url, 'GET', '/conversations', { token: me.token })).body['items'] as Array<Record<string, unknown>>;
    const movedId = (moved?.['otherParticipant'] as { deleted: boolean }).deleted ? (moved?.['conversationId'] as string) : withLeaving;

    const request = exportRequested(me.id);
    await chat.publish(request);
    const part = await tap.waitFor('chat.export.part', (e) => e.data.exportId === request.data.exportId);
    assert.equal(part.source, chat.name);
    assert.equal(part.data.userId, me.id);
    const { conversations, messages } = part.data.sections;
    assert.deepEqual(
      [...(conversations ?? [])].sort((a, b) => String(a['with_member']).localeCompare(String(b['with_member']))),
      [
        { conversation_id: movedId, with_member: 'Deleted member', started_at: (conversations ?? []).find((c) => c['conversation_id'] === movedId)?.['started_at'], last_message_at: t3, your_unread_messages: 1, you_last_read_at: null },
        { conversation_id: withFriend, with_member: friend.name, started_at: (conversations ?? []).find((c) => c['conversation_id'] === withFriend)?.['started_at'], last_message_at: t2, your_unread_messages: 1, you_last_read_at: null },
      ].sort((a, b) => String(a.with_member).localeCompare(String(b.with_member))),
    );
    for (const row of conversations ?? []) assert.match(String(row['started_at']), /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(
      (messages ?? []).map((m) => [m['conversation_id'], m['with_member'], m['direction'], m['text'], m['sent_at'], m['message_id']]).sort(),
      [
        [withFriend, friend.name, 'sent', 'hi friend', t1, 'e-1'],
        [withFriend, friend.name, 'received', 'hi you', t2, 'e-2'],
        [movedId, 'Deleted member', 'received', 'I am off', t3, 'e-3'],
      ].sort(),
    );
    // The other people appear by name only: neither their ids nor the erased person's anything.
    const payload = JSON.stringify(part.data.sections);
    for (const needle of [friend.id, leaving.id, leaving.name]) assert.ok(!payload.includes(needle), needle);

    // A redelivered request publishes nothing more; the stored answer keeps no copy of the rows.
    await chat.publish(request);
    await newUser(chat, 'marker');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(tap.ofType('chat.export.part').filter((e) => e.data.exportId === request.data.exportId).length, 1);
    const stored = await waitFor(async () => {
      const document = await chat.service.db.collection('export_parts').findOne({ _id: request.data.exportId as never });
      return document !== null && document['outboxPending'] === false ? document : undefined;
    }, { what: 'the part leaving the outbox' });
    assert.ok(!JSON.stringify(stored).includes('hi friend'));

    // When the member deletes the account, the record of the export goes too.
    await chat.publish(userDeletedEvent(me.id, 2));
    await waitFor(async () => ((await chat.service.db.collection('export_parts').countDocuments({ userId: me.id })) === 0 ? true : undefined), {
      what: 'export parts forgotten',
    });
  });

  it('an export request for an erased member gets no answer', async () => {
    const gone = await newUser(chat, 'gone');
    await chat.publish(userDeletedEvent(gone.id, 2));
    await waitFor(async () => ((await chat.service.db.collection('users').countDocuments({ _id: gone.id as never })) === 0 ? true : undefined), {
      what: 'erasure',
    });
    const request = exportRequested(gone.id);
    await chat.publish(request);
    const control = exportRequested((await newUser(chat, 'control')).id);
    await chat.publish(control);
    await tap.waitFor('chat.export.part', (e) => e.data.exportId === control.data.exportId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(tap.ofType('chat.export.part').filter((e) => e.data.exportId === request.data.exportId).length, 0);
    assert.equal(await chat.service.db.collection('export_parts').countDocuments({ userId: gone.id }), 0);
  });
});
