import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildEvent, type DomainEvent } from '@eventonight/contracts';
import { infra, waitFor } from '@eventonight/testing';
import { call, newUser, startChat, type ChatHarness } from './helpers.js';

function blockEvent(blockerId: string, blockedId: string, blocked: boolean, version: number): DomainEvent {
  return buildEvent({
    type: 'user.block.changed',
    source: 'user',
    aggregateId: `block:${blockerId}:${blockedId}`,
    aggregateVersion: version,
    correlationId: `corr-${randomUUID()}`,
    data: { blockerId, blockedId, blocked },
  });
}

function safetyEvent(type: 'moderation.item.visibility.changed' | 'user.suspension.changed', id: string, data: Record<string, unknown>, version = 1): DomainEvent {
  return buildEvent({ type, source: 'user', aggregateId: id, aggregateVersion: version, correlationId: `corr-${randomUUID()}`, data } as Parameters<typeof buildEvent>[0]);
}

describe('chat: blocks, hidden messages, suspension and the message rate limit (ADR 0041)', { timeout: 120_000 }, () => {
  let chat: ChatHarness;
  let url: string;
  const PER_MINUTE = 4;

  before(async () => {
    chat = await startChat({ extra: { REDIS_URL: infra.redisUrl, CHAT_MESSAGES_PER_MINUTE: String(PER_MINUTE) } });
    url = chat.service.url;
  }, { timeout: 60_000 });
  after(async () => {
    await chat?.close();
  }, { timeout: 60_000 });

  async function blockCopy(blockerId: string, blockedId: string, blocked: boolean): Promise<void> {
    await waitFor(
      async () => {
        const copy = await chat.service.db.collection('safety_blocks').findOne({ blockerId, blockedId, blocked });
        return copy === null ? undefined : true;
      },
      { timeoutMs: 15_000, what: 'block copy' },
    );
  }

  it('a block closes the conversation both ways, refuses messages and new opens with a sentence; unblocking reopens it', async () => {
    const me = await newUser(chat, 'me');
    const them = await newUser(chat, 'them');
    const opened = await call(url, 'POST', '/conversations', { token: me.token, body: { withUserId: them.id } });
    assert.equal(opened.status, 201);
    const id = opened.body['conversationId'] as string;
    assert.equal(opened.body['closed'], false);
    assert.equal((await call(url, 'POST', `/conversations/${id}/messages`, { token: me.token, body: { messageId: 'm1', text: 'hello' } })).status, 201);

    await chat.publish(blockEvent(them.id, me.id, true, 1));
    await blockCopy(them.id, me.id, true);

    for (const [sender, other] of [
      [me, them],
      [them, me],
    ] as const) {
      const refused = await call(url, 'POST', `/conversations/${id}/messages`, { token: sender.token, body: { messageId: randomUUID(), text: 'again' } });
      assert.equal(refused.status, 409);
      assert.equal(refused.body['type'], 'https://eventonight.dev/problems/blocked');
      assert.match(refused.body['detail'] as string, /blocked/);
      const reopen = await call(url, 'POST', '/conversations', { token: sender.token, body: { withUserId: other.id } });
      assert.equal(reopen.status, 409);
    }
    const list = await call(url, 'GET', '/conversations', { token: me.token });
    const mine = (list.body['items'] as Array<Record<string, unknown>>).find((c) => c['conversationId'] === id);
    assert.equal(mine?.['closed'], true);
    // The history stays readable.
    assert.equal(((await call(url, 'GET', `/conversations/${id}/messages`, { token: me.token })).body['items'] as unknown[]).length, 1);

    // An older redelivery never undoes the newer unblock.
    await chat.publish(blockEvent(them.id, me.id, false, 2));
    await blockCopy(them.id, me.id, false);
    await chat.publish(blockEvent(them.id, me.id, true, 1));
    const marker = await newUser(chat, 'marker');
    assert.ok(marker.id);
    assert.equal((await call(url, 'POST', `/conversations/${id}/messages`, { token: them.token, body: { messageId: 'm2', text: 'ok again' } })).status, 201);
    const reread = await call(url, 'GET', '/conversations', { token: me.token });
    assert.equal((reread.body['items'] as Array<Record<string, unknown>>).find((c) => c['conversationId'] === id)?.['closed'], false);
  });

  it('a hidden message leaves the thread for both members at once; a restore brings it back', async () => {
    const me = await newUser(chat, 'me');
    const them = await newUser(chat, 'them');
    const id = (await call(url, 'POST', '/conversations', { token: me.token, body: { withUserId: them.id } })).body['conversationId'] as string;
    await call(url, 'POST', `/conversations/${id}/messages`, { token: them.token, body: { messageId: 'bad', text: 'abuse' } });
    await call(url, 'POST', `/conversations/${id}/messages`, { token: them.token, body: { messageId: 'fine', text: 'hi' } });
    const itemId = `${id}:bad`;
    await chat.publish(safetyEvent('moderation.item.visibility.changed', `message:${itemId}`, { kind: 'message', itemId, hidden: true }));
    const texts = async (token: string): Promise<string[]> =>
      ((await call(url, 'GET', `/conversations/${id}/messages`, { token })).body['items'] as Array<{ text: string }>).map((m) => m.text);
    await waitFor(async () => ((await texts(me.token)).includes('abuse') ? undefined : true), { timeoutMs: 15_000, what: 'hidden message' });
    assert.deepEqual(await texts(them.token), ['hi']);
    await chat.publish(safetyEvent('moderation.item.visibility.changed', `message:${itemId}`, { kind: 'message', itemId, hidden: false }, 2));
    await waitFor(async () => ((await texts(me.token)).includes('abuse') ? true : undefined), { timeoutMs: 15_000, what: 'restored message' });
  });

  it('a suspended member’s still-valid token cannot send (403 account-suspended)', async () => {
    const me = await newUser(chat, 'me');
    const them = await newUser(chat, 'them');
    const id = (await call(url, 'POST', '/conversations', { token: me.token, body: { withUserId: them.id } })).body['conversationId'] as string;
    await chat.publish(safetyEvent('user.suspension.changed', `account:${me.id}`, { userId: me.id, suspended: true }));
    await waitFor(
      async () => {
        const refused = await call(url, 'POST', `/conversations/${id}/messages`, { token: me.token, body: { messageId: randomUUID(), text: 'x' } });
        return refused.status === 403 ? refused : undefined;
      },
      { timeoutMs: 15_000, what: 'suspension applied' },
    ).then((refused) => assert.equal(refused.body['type'], 'https://eventonight.dev/problems/account-suspended'));
  });

  it('past the per-minute allowance a member gets 429 with Retry-After; the count lives in Redis, shared by replicas', async () => {
    const second = await startChatReplica();
    try {
      const me = await newUser(chat, 'me');
      const them = await newUser(chat, 'them');
      const id = (await call(url, 'POST', '/conversations', { token: me.token, body: { withUserId: them.id } })).body['conversationId'] as string;
      // Keep clear of a minute's edge: the window is the wall-clock minute.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 61_000 - intoMinute));
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof call>> | undefined;
      for (let n = 0; n < PER_MINUTE + 1; n += 1) {
        // Alternate replicas: the allowance is one, whichever replica answers.
        const base = n % 2 === 0 ? url : second.url;
        last = await call(base, 'POST', `/conversations/${id}/messages`, { token: me.token, body: { messageId: `r${n}`, text: `n${n}` } });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [...Array<number>(PER_MINUTE).fill(201), 429]);
      assert.equal(last?.body['type'], 'https://eventonight.dev/problems/too-many-requests');
      const retryAfter = Number(last?.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.match(last?.body['detail'] as string, /too fast/);
      // The other member is not affected.
      assert.equal((await call(url, 'POST', `/conversations/${id}/messages`, { token: them.token, body: { messageId: 't1', text: 'me too' } })).status, 201);
    } finally {
      await second.close();
    }
  });

  async function startChatReplica(): Promise<{ url: string; close(): Promise<void> }> {
    const { chatServiceConfig } = await import('../src/config.js');
    const { chatService } = await import('../src/service.js');
    const { parseConfig, startService } = await import('@eventonight/platform');
    const { serviceTestEnv } = await import('@eventonight/testing');
    const env = serviceTestEnv({
      database: chat.database.name,
      jwksUrl: chat.issuer.jwksUrl,
      issuer: chat.issuer.issuer,
      extra: { CHAT_REPAIR_INTERVAL_MS: '3600000', REDIS_URL: infra.redisUrl, CHAT_MESSAGES_PER_MINUTE: String(PER_MINUTE) },
    });
    const parsed = parseConfig(chatServiceConfig, env);
    if (!parsed.ok) throw new Error(parsed.message);
    const service = await startService({ ...chatService(), name: chat.name }, parsed.config);
    return { url: service.url, close: () => service.close() };
  }
});
