import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ExportPartSource } from '@eventonight/contracts';
import { erasureDigest } from '@eventonight/platform';
import { createVhost, deleteVhost, EventTap, startTestIssuer, uniqueName, Upstream, waitFor, type TestIssuer } from '@eventonight/testing';
import { call, startUserService, type StartedService } from './helpers.js';

/**
 * Erasure in the user service (ADR 0027): deleting the account records the id in the erasure
 * ledger, the tombstone carries `user.deleted`, and the service's own handler then deletes the
 * tombstone, the exports and their parts. Afterwards no document of the database names the person,
 * and their still-valid token recreates nothing. Tokens from a local issuer: Keycloak's admin API
 * answers 404 for those ids, which deletion treats as "already gone".
 */

const OTHERS: ExportPartSource[] = ['event', 'interaction', 'chat', 'ticketing', 'notification', 'media'];
const ACCOUNT_DELETED = 'https://eventonight.dev/problems/account-deleted';

describe('erasure of a deleted account', () => {
  let issuer: TestIssuer;
  let started: StartedService;
  let base: string;
  let upstream: Upstream;
  let tap: EventTap;
  const vhost = uniqueName('user-erasure');
  let amqpUrl: string;

  before(async () => {
    amqpUrl = await createVhost(vhost);
    issuer = await startTestIssuer();
    started = await startUserService({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, amqpUrl });
    base = started.service.url;
    upstream = await Upstream.open(amqpUrl);
    tap = await EventTap.open(['user.*'], amqpUrl);
  });

  after(async () => {
    await tap?.close();
    await upstream?.close();
    await started?.close();
    await issuer?.close();
    await deleteVhost(vhost).catch(() => undefined);
  });

  const db = () => started.database.db;

  /** Every document of every collection of the service's database, as JSON text, that contains one of `needles`. */
  async function documentsNaming(needles: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (const { name } of await db().listCollections().toArray()) {
      for (const document of await db().collection(name).find({}).toArray()) {
        const text = JSON.stringify(document);
        for (const needle of needles) if (text.includes(needle)) found.push(`${name}: ${needle} in ${text.slice(0, 200)}`);
      }
    }
    return found;
  }

  async function gone(collection: string, filter: Record<string, unknown>, what: string): Promise<void> {
    await waitFor(async () => ((await db().collection(collection).countDocuments(filter as never)) === 0 ? true : undefined), { what });
  }

  it('leaves no trace of the person: tombstone, exports and parts deleted once its own user.deleted is consumed', async () => {
    const id = randomUUID();
    const email = `${id}@example.test`;
    const name = `Erin ${uniqueName('Gone')}`;
    const avatar = `avatar-${randomUUID()}`;
    const token = await issuer.mint({ sub: id, roles: ['member'], name, email });
    assert.equal((await call(base, 'PATCH', '/users/me', { token, body: { city: 'Ferrara', bio: 'Hi', avatarMediaId: avatar } })).status, 200);

    // A ready export and an unfinished one, both holding the person's data.
    const first = await call(base, 'POST', '/users/me/exports', { token });
    const exportId = String(first.body['exportId']);
    for (const source of OTHERS) {
      upstream.publish(upstream.event(`${source}.export.part`, { exportId, userId: id, sections: { rows: [{ who: name, email }] } }, exportId, 1));
    }
    await waitFor(async () => ((await call(base, 'GET', '/users/me/exports', { token })).body['items'] as Array<{ status: string }>)[0]?.status === 'ready' || undefined, {
      what: 'export ready',
    });
    const second = await call(base, 'POST', '/users/me/exports', { token });
    assert.notEqual(second.body['exportId'], exportId);
    await waitFor(async () => ((await db().collection('export_parts_received').countDocuments({ userId: id } as never)) === 8 ? true : undefined), {
      what: 'the second export’s own part',
    });
    assert.ok((await documentsNaming([id, email, name, avatar])).length > 0, 'the scan finds the person before the deletion');

    assert.equal((await call(base, 'DELETE', '/users/me', { token })).status, 204);
    const deleted = await tap.waitFor('user.deleted', (e) => e.aggregateId === id);
    assert.deepEqual(deleted.data, { userId: id });
    await gone('profiles', { _id: id }, 'the tombstone deleted');
    await gone('exports', { userId: id }, 'the exports deleted');
    await gone('export_parts_received', { userId: id }, 'the parts deleted');

    assert.deepEqual(await documentsNaming([id, email, name, avatar]), []);
    assert.equal(await db().collection('erasures').countDocuments({ _id: erasureDigest(id) } as never), 1, 'the ledger keeps the digest');
  });

  it('refuses a deleted account’s still-valid token with 401 account-deleted and recreates nothing', async () => {
    const id = randomUUID();
    const token = await issuer.mint({ sub: id, roles: ['member'], name: 'Tom Token', email: `${id}@example.test` });
    assert.equal((await call(base, 'GET', '/users/me', { token })).status, 200);
    assert.equal((await call(base, 'DELETE', '/users/me', { token })).status, 204);

    // While the tombstone is still there, and after it went: the same answer.
    const early = await call(base, 'GET', '/users/me', { token });
    assert.equal(early.status, 401);
    assert.equal(early.body['type'], ACCOUNT_DELETED);
    await gone('profiles', { _id: id }, 'the tombstone deleted');

    const attempts = [
      ['GET', '/users/me', undefined],
      ['PATCH', '/users/me', { bio: 'back?' }],
      ['DELETE', '/users/me', undefined],
      ['POST', '/users/me/exports', undefined],
      ['GET', '/users/me/exports', undefined],
      ['GET', `/users/me/exports/${randomUUID()}/archive`, undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      const refused = await call(base, method, path, { token, ...(body === undefined ? {} : { body }) });
      assert.equal(refused.status, 401, `${method} ${path}`);
      assert.equal(refused.body['type'], ACCOUNT_DELETED, `${method} ${path}`);
      assert.match(refused.headers.get('www-authenticate') ?? '', /account deleted/);
    }
    assert.equal((await call(base, 'GET', `/users/${id}`)).status, 404);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await db().collection('profiles').countDocuments({ _id: id } as never), 0, 'no profile recreated');
    assert.equal(await db().collection('exports').countDocuments({ userId: id } as never), 0, 'no export started');
    assert.equal(tap.ofType('user.created').filter((e) => e.aggregateId === id).length, 1, 'user.created only once');
  });

  it('a replayed user.deleted, a late export request or a late part brings nothing back', async () => {
    const id = randomUUID();
    const token = await issuer.mint({ sub: id, roles: ['member'], name: 'Lee Late', email: `${id}@example.test` });
    const requested = await call(base, 'POST', '/users/me/exports', { token });
    const exportId = String(requested.body['exportId']);
    assert.equal((await call(base, 'DELETE', '/users/me', { token })).status, 204);
    await gone('profiles', { _id: id }, 'the tombstone deleted');
    await gone('exports', { userId: id }, 'the export deleted');

    upstream.publish(upstream.event('user.deleted', { userId: id }, id, 3));
    upstream.publish(upstream.event('user.export.requested', { exportId, userId: id }, exportId, 1));
    upstream.publish(upstream.event('chat.export.part', { exportId, userId: id, sections: { messages: [{ text: 'late' }] } }, exportId, 1));
    // A marker published after them on the same queue: once it is handled, so are they.
    const marker = await issuer.mint({ sub: randomUUID(), roles: ['member'], name: 'Marker' });
    const markerExport = String((await call(base, 'POST', '/users/me/exports', { token: marker })).body['exportId']);
    await waitFor(async () => ((await db().collection('export_parts_received').countDocuments({ exportId: markerExport } as never)) === 1 ? true : undefined), {
      what: 'the marker’s own part',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(await documentsNaming([id]), []);
  });

  it('completes a deletion that stopped after the ledger entry, with the same token', async () => {
    const id = randomUUID();
    const token = await issuer.mint({ sub: id, roles: ['member'], name: 'Half Way', email: `${id}@example.test` });
    assert.equal((await call(base, 'GET', '/users/me', { token })).status, 200);
    // As if the process died after recording the erasure and before the tombstone.
    await db().collection('erasures').insertOne({ _id: erasureDigest(id), erasedAt: new Date() } as never);
    assert.equal((await call(base, 'GET', '/users/me', { token })).status, 401, 'already refused for everything else');

    assert.equal((await call(base, 'DELETE', '/users/me', { token })).status, 204);
    await tap.waitFor('user.deleted', (e) => e.aggregateId === id);
    await gone('profiles', { _id: id }, 'the tombstone deleted');
    assert.equal((await call(base, 'DELETE', '/users/me', { token })).status, 401);
  });

  it('erases tombstones left from before the ledger when a process starts', async () => {
    const legacy = randomUUID();
    const tombstone = (id: string, outboxPending: boolean) => ({
      _id: id,
      state: 'deleted',
      role: 'member',
      email: null,
      displayName: null,
      bio: null,
      avatarMediaId: null,
      city: null,
      preferences: { categories: [] },
      organization: null,
      searchName: null,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-02-01T00:00:00.000Z',
      deletedAt: '2025-02-01T00:00:00.000Z',
      version: 3,
      outbox: [],
      outboxPending,
      outboxTicket: '~',
    });
    const profiles = db().collection('profiles');
    await profiles.insertOne(tombstone(legacy, false) as never);
    await db().collection('job_leases').updateOne({ _id: 'sweep-exports' } as never, { $set: { owner: '', until: new Date(0) } });
    const second = await startUserService({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, database: started.database, amqpUrl });
    try {
      await gone('profiles', { _id: legacy }, 'the legacy tombstone erased');
      assert.equal(await db().collection('erasures').countDocuments({ _id: erasureDigest(legacy) } as never), 1);
      const legacyToken = await issuer.mint({ sub: legacy, roles: ['member'], name: 'Old' });
      assert.equal((await call(second.service.url, 'GET', '/users/me', { token: legacyToken })).status, 401);
    } finally {
      await second.close();
    }
  });
});
