import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshDatabase, startTestIssuer, uniqueName, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { newNotification, type NotificationDocument } from '../src/domain/notification.js';
import type { RunningNotificationService } from '../src/service.js';
import { call, newUser, startNotification } from './helpers.js';

describe('notification service: REST API', { timeout: 60_000 }, () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningNotificationService;
  let me: { id: string; token: string };
  let other: { id: string; token: string };
  let mine: NotificationDocument[];

  before(async () => {
    database = await freshDatabase('notification_rest');
    issuer = await startTestIssuer();
    // No handlers are exercised here: it consumes nothing it is not sent.
    service = await startNotification({ database: database.name, issuer, name: uniqueName('notification'), overrides: { consume: false } });
    me = await newUser(issuer);
    other = await newUser(issuer);
    const base = Date.UTC(2026, 0, 1);
    mine = Array.from({ length: 5 }, (_, i) =>
      newNotification(
        { recipientId: me.id, type: 'event.liked', data: { eventId: `ev-${i}`, userId: 'fan' } },
        // Two share a timestamp: the id breaks the tie.
        { id: `source-${i}`, occurredAt: new Date(base + Math.min(i, 3) * 1_000) },
      ),
    );
    const theirs = newNotification({ recipientId: other.id, type: 'follower.new', data: { followerId: me.id } }, { id: 'source-x', occurredAt: new Date(base) });
    await service.db.collection<NotificationDocument>('notifications').insertMany([...mine, theirs]);
  });
  after(async () => {
    await service?.close();
    await issuer?.close();
    await database?.dispose();
  });

  const ids = (body: Record<string, unknown>) => (body['items'] as Array<{ id: string }>).map((item) => item.id);

  it('lists mine newest first, page by page, and never anyone else’s', async () => {
    const expected = [...mine].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1)).map((n) => n._id);
    const first = await call(service.url, 'GET', '/notifications?limit=2', { token: me.token });
    assert.equal(first.status, 200);
    const seen = ids(first.body);
    let cursor = first.body['nextCursor'];
    while (typeof cursor === 'string') {
      const page = await call(service.url, 'GET', `/notifications?limit=2&cursor=${cursor}`, { token: me.token });
      seen.push(...ids(page.body));
      cursor = page.body['nextCursor'];
    }
    assert.deepEqual(seen, expected);
    const item = (first.body['items'] as Array<Record<string, unknown>>)[0];
    assert.deepEqual(Object.keys(item ?? {}).sort(), ['createdAt', 'data', 'id', 'read', 'readAt', 'type']);
  });

  it('marks one and all as read, counts unread, filters unread, deletes', async () => {
    const target = mine[0]!._id;
    assert.deepEqual((await call(service.url, 'GET', '/notifications/unread-count', { token: me.token })).body, { unread: 5 });
    assert.equal((await call(service.url, 'POST', `/notifications/${target}/read`, { token: me.token })).status, 204);
    assert.equal((await call(service.url, 'POST', `/notifications/${target}/read`, { token: me.token })).status, 204, 'idempotent');
    assert.deepEqual((await call(service.url, 'GET', '/notifications/unread-count', { token: me.token })).body, { unread: 4 });
    const unread = await call(service.url, 'GET', '/notifications?unread=true', { token: me.token });
    assert.equal(ids(unread.body).length, 4);
    assert.ok(!ids(unread.body).includes(target));

    assert.deepEqual((await call(service.url, 'POST', '/notifications/read-all', { token: me.token })).body, { marked: 4 });
    assert.deepEqual((await call(service.url, 'GET', '/notifications/unread-count', { token: me.token })).body, { unread: 0 });
    assert.deepEqual((await call(service.url, 'GET', '/notifications/unread-count', { token: other.token })).body, { unread: 1 }, 'others untouched');

    assert.equal((await call(service.url, 'DELETE', `/notifications/${target}`, { token: me.token })).status, 204);
    assert.equal((await call(service.url, 'DELETE', `/notifications/${target}`, { token: me.token })).status, 404);
  });

  it('someone else’s notification is a 404, whatever the verb', async () => {
    const theirs = (await call(service.url, 'GET', '/notifications', { token: other.token })).body;
    const id = ids(theirs)[0]!;
    assert.equal((await call(service.url, 'POST', `/notifications/${id}/read`, { token: me.token })).status, 404);
    assert.equal((await call(service.url, 'DELETE', `/notifications/${id}`, { token: me.token })).status, 404);
    assert.deepEqual((await call(service.url, 'GET', '/notifications/unread-count', { token: other.token })).body, { unread: 1 });
  });

  it('rejects bad input with 400 and no token with 401', async () => {
    assert.equal((await call(service.url, 'GET', '/notifications')).status, 401);
    for (const query of ['limit=0', 'limit=101', 'limit=1.5', 'limit=1e1', 'cursor=', 'unread=yes', 'extra=1']) {
      assert.equal((await call(service.url, 'GET', `/notifications?${query}`, { token: me.token })).status, 400, query);
    }
    // A cursor the schema admits (any 1–400 characters) that this list did not issue: a rule, 422.
    for (const query of ['cursor=garbage!', 'cursor=eyJ4IjoxfQ']) {
      const reply = await call(service.url, 'GET', `/notifications?${query}`, { token: me.token });
      assert.equal(reply.status, 422, query);
      assert.equal(reply.body['type'], 'https://eventonight.dev/problems/unprocessable');
    }
    assert.equal((await call(service.url, 'POST', '/notifications/bad%20id/read', { token: me.token })).status, 400);
    assert.equal((await call(service.url, 'DELETE', `/notifications/${'a'.repeat(31)}`, { token: me.token })).status, 400, 'ids are 32 characters');
    for (const body of [{ muted: ['nope'] }, { muted: [], extra: true }, {}]) {
      assert.equal((await call(service.url, 'PUT', '/notification-preferences', { token: me.token, body })).status, 400);
    }
  });

  it('read-all and unread-count are paths of their own: another method is 405 with their Allow, never a notification id', async () => {
    for (const [path, allow] of [['/notifications/read-all', 'POST'], ['/notifications/unread-count', 'GET, HEAD']] as const) {
      const options = await call(service.url, 'OPTIONS', path, { token: me.token });
      assert.equal(options.headers.get('allow'), allow, path);
      for (const method of ['DELETE', 'PUT', 'PATCH']) {
        const reply = await call(service.url, method, path, { token: me.token });
        assert.equal(reply.status, 405, `${method} ${path}`);
        assert.equal(reply.headers.get('allow'), allow, `${method} ${path}`);
      }
    }
    assert.equal((await call(service.url, 'POST', '/notifications/read-all', { token: me.token })).status, 200);
  });

  it('stores preferences per user', async () => {
    const initial = await call(service.url, 'GET', '/notification-preferences', { token: me.token });
    assert.deepEqual(initial.body['muted'], []);
    assert.ok((initial.body['types'] as string[]).includes('chat.message'));
    const put = await call(service.url, 'PUT', '/notification-preferences', { token: me.token, body: { muted: ['chat.message', 'event.liked', 'chat.message'] } });
    assert.deepEqual(put.body['muted'], ['chat.message', 'event.liked']);
    assert.deepEqual((await call(service.url, 'GET', '/notification-preferences', { token: me.token })).body['muted'], ['chat.message', 'event.liked']);
    assert.deepEqual((await call(service.url, 'GET', '/notification-preferences', { token: other.token })).body['muted'], []);
  });
});
