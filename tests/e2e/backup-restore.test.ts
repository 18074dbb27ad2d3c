import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BSON } from 'mongodb';
import {
  SERVICE_NAMES,
  deleteAccount,
  infra,
  keycloakIssuer,
  passwordGrant,
  registerAccount,
  startSystem,
  waitFor,
  type Account,
  type RunningSystem,
} from '@eventonight/testing';
import { restoreBackup, takeBackup } from '../../scripts/backup/backup-restore.js';
import { objectClient } from '../../scripts/backup/objects.js';
import { quiesce, resumeAll, status, waitUntilSettled } from '../../scripts/backup/quiesce.js';
import type { KeycloakTarget, Targets } from '../../scripts/backup/targets.js';
import { api, eventBody, expectStatus, uploadImage } from './support/clients.js';

/**
 * Issue 16 item 6 (ADR 0017): a consistent backup and a restore of a whole system. A short journey
 * makes data in every kind of store; the services are quiesced (a member's write gets 503 with
 * Retry-After, reads still work); the backup copies every database, the objects and Keycloak's
 * database; every store is wiped; the restore brings back every document, every object's bytes
 * and the member's password sign-in; the write refused during quiesce succeeds when retried.
 *
 * The system has databases, a RabbitMQ virtual host and a bucket of its own. Keycloak is the one
 * shared server: copying and restoring its H2 database means stopping it, which other tests
 * running at the same time would feel (like keycloak-outage.test.ts). So that part runs only
 * when BACKUP_TEST_KEYCLOAK=1 — scripts/test.sh sets it (npm test runs one file at a time); run
 * by hand on shared servers the Keycloak part is skipped and said so. Point it at a private
 * Keycloak with EN_STATE, EN_KEYCLOAK_PORT, EN_KEYCLOAK_MANAGEMENT_PORT and KEYCLOAK_URL.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const withKeycloak = process.env['BACKUP_TEST_KEYCLOAK'] === '1';
const keycloakTarget: KeycloakTarget | undefined = withKeycloak
  ? { kind: 'h2', h2Dir: join(process.env['EN_STATE'] ?? join(repoRoot, '.infra'), 'keycloak', 'h2'), ctlScript: join(repoRoot, 'infra', 'ctl.sh') }
  : undefined;

// A 1×1 PNG.
const IMAGE = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);

type Snapshot = Record<string, Record<string, string[]>>;

/** Every document of every collection of the system's databases, as canonical EJSON, sorted. */
async function snapshotDatabases(system: RunningSystem): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  for (const service of SERVICE_NAMES) {
    const db = system.db(service);
    const collections: Record<string, string[]> = {};
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      const documents = await db.collection(name).find({}).toArray();
      collections[name] = documents.map((document) => BSON.EJSON.stringify(document, { relaxed: false })).sort();
    }
    snapshot[service] = collections;
  }
  return snapshot;
}

function countsOf(snapshot: Snapshot): Record<string, Record<string, number>> {
  return Object.fromEntries(
    Object.entries(snapshot).map(([service, collections]) => [
      service,
      Object.fromEntries(Object.entries(collections).map(([name, documents]) => [name, documents.length])),
    ]),
  );
}

async function readObjects(targets: Targets): Promise<Map<string, Buffer>> {
  const client = objectClient(targets.objects);
  const objects = new Map<string, Buffer>();
  for await (const item of client.listObjectsV2(targets.objects.bucket, '', true) as AsyncIterable<{ name?: string }>) {
    if (item.name === undefined) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await client.getObject(targets.objects.bucket, item.name)) chunks.push(chunk as Buffer);
    objects.set(item.name, Buffer.concat(chunks));
  }
  return objects;
}

/** Deletes the account from Keycloak directly (master realm admin), touching no service database. */
async function deleteFromKeycloak(email: string): Promise<void> {
  const admin = await fetch(`${infra.keycloakUrl}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: process.env['EN_KEYCLOAK_ADMIN_USER'] ?? 'admin',
      password: process.env['EN_KEYCLOAK_ADMIN_PASSWORD'] ?? 'admin',
    }),
  });
  assert.equal(admin.status, 200, 'Keycloak admin sign-in');
  const headers = { authorization: `Bearer ${((await admin.json()) as { access_token: string }).access_token}` };
  const usersUrl = `${infra.keycloakUrl}/admin/realms/${infra.keycloakRealm}/users`;
  const found = (await (await fetch(`${usersUrl}?exact=true&email=${encodeURIComponent(email)}`, { headers })).json()) as Array<{ id: string }>;
  assert.equal(found.length, 1, `one Keycloak user with the email ${email}`);
  const deleted = await fetch(`${usersUrl}/${found[0]?.id ?? ''}`, { method: 'DELETE', headers });
  assert.equal(deleted.status, 204, 'Keycloak user deleted');
}

describe('backup and restore: a consistent snapshot of every store, and a machine brought back from it', { timeout: 600_000 }, () => {
  let system: RunningSystem;
  let targets: Targets;
  let folder: string;
  let organizer: Account;
  let member: Account;
  let eventId: string;
  let snapshotBefore: Snapshot;
  let objectsBefore: Map<string, Buffer>;
  let refusedWrite: { displayName: string };
  const bucket = `backup-test-${randomBytes(4).toString('hex')}`;

  before(async () => {
    const s3 = objectClient({
      endpoint: new URL(infra.s3Endpoint),
      region: infra.s3Region,
      accessKey: infra.s3AccessKey,
      secretKey: infra.s3SecretKey,
      bucket,
    });
    await s3.makeBucket(bucket, infra.s3Region);
    system = await startSystem({ env: { media: { S3_BUCKET: bucket } } });
    targets = {
      services: SERVICE_NAMES.map((name) => ({ name, opsUrl: system.opsUrl(name), database: system.databaseName(name) })),
      mongoUrl: infra.mongoUrl,
      rabbitmq: { managementUrl: infra.rabbitmqManagementUrl, user: 'guest', password: 'guest', vhost: system.vhost },
      objects: { endpoint: new URL(infra.s3Endpoint), region: infra.s3Region, accessKey: infra.s3AccessKey, secretKey: infra.s3SecretKey, bucket },
      keycloak: keycloakTarget,
      settleTimeoutMs: 120_000,
    };
    folder = await mkdtemp(join(tmpdir(), 'eventonight-backup-'));
  });

  after(async () => {
    if (targets !== undefined) await resumeAll(targets.services);
    for (const account of [organizer, member]) if (account !== undefined && system !== undefined) await deleteAccount(system.url('user'), account);
    await system?.stop();
    const s3 = targets === undefined ? undefined : objectClient(targets.objects);
    if (s3 !== undefined) {
      const keys = [...(await readObjects(targets).catch(() => new Map<string, Buffer>())).keys()];
      if (keys.length > 0) await s3.removeObjects(bucket, keys).catch(() => undefined);
      await s3.removeBucket(bucket).catch(() => undefined);
    }
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  it('a short journey makes data in every store: accounts, an image, a published event, a follow, a like', async () => {
    organizer = await registerAccount(system.url('user'), { role: 'organization', displayName: 'Backup Hall', organization: { name: 'Backup Hall' } });
    member = await registerAccount(system.url('user'), { role: 'member', displayName: 'Bea Member' });
    const coverId = await uploadImage(system, organizer, 'event_cover', IMAGE, 'image/png');
    const created = await expectStatus(
      201,
      api(system, 'event', organizer, 'POST', '/events', { body: eventBody('Backup Night', [{ name: 'Entry', priceMinor: 1500, quantity: 30 }], { coverMediaId: coverId }) }),
      'create event',
    );
    eventId = created.body['eventId'] as string;
    await expectStatus(200, api(system, 'event', organizer, 'POST', `/events/${eventId}/publish`), 'publish');
    await waitFor(async () => ((await system.db('interaction').collection('event_copies').countDocuments({ _id: eventId as never })) === 1 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'interaction to learn the event',
    });
    const follow = await api(system, 'interaction', member, 'PUT', `/users/${organizer.id}/follow`);
    assert.ok(follow.status >= 200 && follow.status < 300, `follow: ${follow.status}`);
    const like = await api(system, 'interaction', member, 'PUT', `/events/${eventId}/like`);
    assert.ok(like.status >= 200 && like.status < 300, `like: ${like.status}`);
  });

  it('quiesced: writes get 503 quiesced with Retry-After, reads still work, jobs stop, everything drains', async () => {
    for (const service of targets.services) await quiesce(service);
    refusedWrite = { displayName: 'Bea After The Backup' };
    const refused = await api(system, 'user', member, 'PATCH', '/users/me', { body: refusedWrite });
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '30');
    assert.equal(refused.body['type'], 'https://eventonight.dev/problems/quiesced');
    assert.equal(refused.body['title'], 'Writes are paused for a backup');
    // Refused before authentication too: an anonymous write is the same 503, not a 401.
    assert.equal((await api(system, 'event', undefined, 'POST', '/events', { body: {} })).status, 503);
    await expectStatus(200, api(system, 'event', undefined, 'GET', `/events/${eventId}`), 'a read while quiesced');
    await expectStatus(200, api(system, 'user', member, 'GET', '/users/me'), 'own profile while quiesced');
    for (const service of targets.services) {
      const current = await status(service);
      assert.equal(current.quiesced, true, `${service.name} quiesced`);
      assert.equal(current.jobsRunning, false, `${service.name} jobs stopped`);
    }
    await waitUntilSettled(targets.services, targets.rabbitmq, 120_000);
    snapshotBefore = await snapshotDatabases(system);
    objectsBefore = await readObjects(targets);
    assert.ok((snapshotBefore['user']?.['profiles']?.length ?? 0) >= 2, `two profiles in ${JSON.stringify(countsOf(snapshotBefore))}`);
    assert.equal(objectsBefore.size, 1, 'the uploaded image is in the bucket');
  });

  it('backup: every database, every object (and Keycloak) in one folder with a manifest; services resumed', async () => {
    const manifest = await takeBackup(targets, folder);
    const expected = countsOf(snapshotBefore);
    for (const service of targets.services) {
      assert.deepEqual(manifest.databases[service.database]?.collections, expected[service.name], `manifest counts of ${service.name}`);
    }
    assert.equal(manifest.objects.count, 1);
    assert.equal(manifest.objects.totalBytes, IMAGE.byteLength);
    assert.equal(manifest.keycloak.included, withKeycloak);
    assert.ok(Object.keys(manifest.files).length > 0);
    for (const service of targets.services) assert.equal((await status(service)).quiesced, false, `${service.name} resumed after the backup`);
  });

  it('wipe every store of the system; restore brings back every document, every object and the sign-in', async (t) => {
    for (const service of SERVICE_NAMES) await system.db(service).dropDatabase();
    const s3 = objectClient(targets.objects);
    await s3.removeObjects(bucket, [...objectsBefore.keys()]);
    assert.equal((await readObjects(targets)).size, 0, 'bucket wiped');
    if (withKeycloak) {
      await deleteFromKeycloak(member.email);
      await assert.rejects(passwordGrant(member.email), /invalid_grant/, 'the member cannot sign in once wiped from Keycloak');
    } else {
      t.diagnostic('Keycloak part skipped (BACKUP_TEST_KEYCLOAK is not 1): its database is neither wiped nor restored');
    }

    const report = await restoreBackup(targets, folder);
    assert.equal(report.matches, true, JSON.stringify(report.databases));
    assert.equal(report.keycloakRestored, withKeycloak);

    // Compared while quiesced, so no job changes a document under the comparison.
    for (const service of targets.services) await quiesce(service);
    assert.deepEqual(countsOf(await snapshotDatabases(system)), countsOf(snapshotBefore), 'every document count per collection');
    assert.deepEqual(await snapshotDatabases(system), snapshotBefore, 'every document, field by field');
    assert.deepEqual(await readObjects(targets), objectsBefore, 'every object, byte for byte');
    const backAgain = await fetch(`${keycloakIssuer}/.well-known/openid-configuration`);
    assert.equal(backAgain.status, 200, 'Keycloak is up');
    const signIn = await passwordGrant(member.email);
    assert.ok(signIn.token.length > 0, 'the member signs in with the password');
    await resumeAll(targets.services);
  });

  it('after resume: the write refused during quiesce succeeds when retried, and reads see the restored data', async () => {
    const retried = await expectStatus(200, api(system, 'user', member, 'PATCH', '/users/me', { body: refusedWrite }), 'retried write');
    assert.equal(retried.body['displayName'], refusedWrite.displayName);
    const me = await expectStatus(200, api(system, 'user', member, 'GET', '/users/me'), 'own profile');
    assert.equal(me.body['displayName'], refusedWrite.displayName);
    const stats = await expectStatus(200, api(system, 'interaction', undefined, 'GET', `/events/${eventId}/stats`), 'event stats');
    assert.equal(stats.body['likes'], 1, 'the like survived the round trip');
  });
});
