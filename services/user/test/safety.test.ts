import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EventTap, startTestIssuer, waitFor, type TestIssuer } from '@eventonight/testing';
import { call, keycloakAdmin, startUserService, type StartedService } from './helpers.js';

const PROBLEMS = 'https://eventonight.dev/problems/';

describe('user service: blocks, reports and moderation (ADR 0041)', { timeout: 120_000 }, () => {
  let issuer: TestIssuer;
  let started: StartedService;
  let base: string;
  let tap: EventTap;

  before(async () => {
    issuer = await startTestIssuer();
    started = await startUserService({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer });
    base = started.service.url;
    tap = await EventTap.open(['user.#', 'moderation.#'], started.amqpUrl);
  });
  after(async () => {
    await tap?.close();
    await started?.close();
    await issuer?.close();
  });

  /** A member whose profile exists (the first authenticated call makes it). */
  async function person(roles: string[] = ['member'], id: string = randomUUID()): Promise<{ id: string; token: string }> {
    const token = await issuer.mint({ sub: id, roles, name: `P ${id.slice(0, 6)}`, email: `${id}@example.test` });
    assert.equal((await call(base, 'GET', '/users/me', { token })).status, 200);
    return { id, token };
  }

  function published(type: string, match: (data: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    return waitFor(
      async () => {
        const found = tap.received.find((event) => event.type === type && match(event.data as Record<string, unknown>));
        return found === undefined ? undefined : (found.data as Record<string, unknown>);
      },
      { timeoutMs: 15_000, what: type },
    );
  }

  it('blocking publishes user.block.changed once, lists the member, and unblocking publishes the change back', async () => {
    const me = await person();
    const them = await person();
    assert.equal((await call(base, 'PUT', `/users/me/blocks/${them.id}`, { token: me.token })).status, 204);
    assert.equal((await call(base, 'PUT', `/users/me/blocks/${them.id}`, { token: me.token })).status, 204);
    await published('user.block.changed', (d) => d['blockerId'] === me.id && d['blockedId'] === them.id && d['blocked'] === true);
    const list = await call(base, 'GET', '/users/me/blocks', { token: me.token });
    assert.deepEqual((list.body['items'] as Array<{ userId: string }>).map((i) => i.userId), [them.id]);
    // Nobody else sees my blocks.
    assert.deepEqual((await call(base, 'GET', '/users/me/blocks', { token: them.token })).body['items'], []);
    assert.equal((await call(base, 'DELETE', `/users/me/blocks/${them.id}`, { token: me.token })).status, 204);
    await published('user.block.changed', (d) => d['blockerId'] === me.id && d['blocked'] === false);
    const changes = tap.received.filter((e) => e.type === 'user.block.changed' && (e.data as { blockerId: string }).blockerId === me.id);
    assert.deepEqual(changes.map((e) => e.aggregateVersion), [1, 2], 'the repeated block published nothing');

    const self = await call(base, 'PUT', `/users/me/blocks/${me.id}`, { token: me.token });
    assert.equal(self.status, 422);
    assert.match(self.body['detail'] as string, /yourself/);
    assert.equal((await call(base, 'PUT', `/users/me/blocks/${randomUUID()}`, { token: me.token })).status, 404);
  });

  it('a report is stored once per member and item; a member reads only their own; members cannot moderate (403)', async () => {
    const reporter = await person();
    const other = await person();
    const item = { kind: 'event', itemId: `ev-${randomUUID()}`, reason: 'scam', text: 'Asks for payment by wire transfer.' };
    const first = await call(base, 'POST', '/reports', { token: reporter.token, body: item });
    assert.equal(first.status, 201);
    const again = await call(base, 'POST', '/reports', { token: reporter.token, body: { ...item, text: 'again' } });
    assert.equal(again.status, 200);
    assert.equal(again.body['reportId'], first.body['reportId']);
    assert.equal(again.body['text'], 'Asks for payment by wire transfer.');
    assert.equal((await call(base, 'POST', '/reports', { token: reporter.token, body: { ...item, reason: 'nonsense' } })).status, 400);
    assert.equal((await call(base, 'POST', '/reports', { token: reporter.token, body: { ...item, text: 'x'.repeat(1001) } })).status, 400);

    assert.deepEqual((await call(base, 'GET', '/reports/mine', { token: other.token })).body['items'], []);
    assert.equal(((await call(base, 'GET', '/reports/mine', { token: reporter.token })).body['items'] as unknown[]).length, 1);
    for (const [method, path, body] of [
      ['GET', '/moderation/reports', undefined],
      ['GET', '/moderation/audit', undefined],
      ['POST', `/moderation/items/event/${item.itemId}/hide`, { reason: 'scam' }],
      ['POST', `/moderation/reports/${String(first.body['reportId'])}/dismiss`, { reason: 'fine' }],
      ['POST', `/moderation/users/${other.id}/suspend`, { reason: 'abuse' }],
    ] as const) {
      const refused = await call(base, method, path, { token: reporter.token, ...(body === undefined ? {} : { body }) });
      assert.equal(refused.status, 403, `${method} ${path}`);
    }
  });

  it('a moderator sees the queue open first, hides the item with a reason; reports resolve, reporters are told, the audit log has who and why', async () => {
    const moderator = await person(['member', 'moderator']);
    const a = await person();
    const b = await person();
    const old = { kind: 'review', itemId: `review:ev:${randomUUID()}`, reason: 'harassment' };
    await call(base, 'POST', '/reports', { token: a.token, body: old });
    const dismissed = (await call(base, 'POST', '/reports', { token: b.token, body: old })).body['reportId'] as string;
    const target = { kind: 'event', itemId: `ev-${randomUUID()}`, reason: 'scam' };
    const r1 = (await call(base, 'POST', '/reports', { token: a.token, body: target })).body['reportId'] as string;
    const r2 = (await call(base, 'POST', '/reports', { token: b.token, body: target })).body['reportId'] as string;

    const missingReason = await call(base, 'POST', `/moderation/items/event/${target.itemId}/hide`, { token: moderator.token, body: {} });
    assert.equal(missingReason.status, 400);
    const d = await call(base, 'POST', `/moderation/reports/${dismissed}/dismiss`, { token: moderator.token, body: { reason: 'Not harassment.' } });
    assert.equal(d.status, 200);
    assert.equal(d.body['outcome'], 'dismissed');

    const queue = (await call(base, 'GET', '/moderation/reports', { token: moderator.token })).body['items'] as Array<{ reportId: string; status: string }>;
    const firstResolved = queue.findIndex((r) => r.status === 'resolved');
    assert.ok(queue.slice(firstResolved).every((r) => r.status === 'resolved'), 'open reports come first');

    const hidden = await call(base, 'POST', `/moderation/items/event/${target.itemId}/hide`, { token: moderator.token, body: { reason: 'Scam: wire transfer.' } });
    assert.equal(hidden.status, 200);
    assert.equal(hidden.body['resolvedReports'], 2);
    await published('moderation.item.visibility.changed', (x) => x['itemId'] === target.itemId && x['hidden'] === true);
    for (const [reportId, reporterId] of [
      [r1, a.id],
      [r2, b.id],
      [dismissed, b.id],
    ]) {
      await published('moderation.report.resolved', (x) => x['reportId'] === reportId && x['reporterId'] === reporterId);
    }
    const mine = (await call(base, 'GET', '/reports/mine', { token: a.token })).body['items'] as Array<{ reportId: string; outcome: string | null }>;
    assert.equal(mine.find((r) => r.reportId === r1)?.outcome, 'hidden');

    const audit = (await call(base, 'GET', '/moderation/audit', { token: moderator.token })).body['items'] as Array<Record<string, string>>;
    const entry = audit.find((e) => e['itemId'] === target.itemId);
    assert.equal(entry?.['action'], 'hide');
    assert.equal(entry?.['moderatorId'], moderator.id);
    assert.equal(entry?.['reason'], 'Scam: wire transfer.');

    const restored = await call(base, 'POST', `/moderation/items/event/${target.itemId}/restore`, { token: moderator.token, body: { reason: 'Organizer explained.' } });
    assert.equal(restored.body['hidden'], false);
    await published('moderation.item.visibility.changed', (x) => x['itemId'] === target.itemId && x['hidden'] === false);
  });

  it('a hidden profile is 404 to everyone', async () => {
    const moderator = await person(['member', 'moderator']);
    const them = await person();
    assert.equal((await call(base, 'GET', `/users/${them.id}`)).status, 200);
    await call(base, 'POST', `/moderation/items/profile/${them.id}/hide`, { token: moderator.token, body: { reason: 'Offensive name.' } });
    assert.equal((await call(base, 'GET', `/users/${them.id}`)).status, 404);
  });

  it('suspending disables the Keycloak account, publishes user.suspension.changed and refuses the token’s writes; reinstating undoes it', async () => {
    const admin = await keycloakAdmin();
    const username = `suspend-${randomUUID()}@example.test`;
    const created = await admin.users.create({ username, email: username, enabled: true, emailVerified: true });
    try {
      const moderator = await person(['member', 'moderator']);
      const them = await person(['member'], created.id);
      const suspended = await call(base, 'POST', `/moderation/users/${them.id}/suspend`, { token: moderator.token, body: { reason: 'Repeated harassment.' } });
      assert.equal(suspended.status, 200);
      assert.equal((await admin.users.findOne({ id: created.id }))?.enabled, false);
      await published('user.suspension.changed', (x) => x['userId'] === them.id && x['suspended'] === true);
      const refused = await call(base, 'POST', '/reports', { token: them.token, body: { kind: 'profile', itemId: moderator.id, reason: 'other' } });
      assert.equal(refused.status, 403);
      assert.equal(refused.body['type'], `${PROBLEMS}account-suspended`);
      assert.match(refused.body['detail'] as string, /suspended/);
      await call(base, 'POST', `/moderation/users/${them.id}/reinstate`, { token: moderator.token, body: { reason: 'Appeal accepted.' } });
      assert.equal((await admin.users.findOne({ id: created.id }))?.enabled, true);
    } finally {
      await admin.users.del({ id: created.id });
    }
  });
});
