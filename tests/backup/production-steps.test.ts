import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLogger, ServiceStats, startOpsServer, type RunningOpsServer } from '@eventonight/platform';
import { freshDatabase, infra, recordingQuiesceControl, type TestDatabase } from '@eventonight/testing';
import { quiesceEvery, restoreBackup, resumeEvery, takeBackup } from '../../scripts/backup/backup-restore.js';
import { sha256Of } from '../../scripts/backup/files.js';
import { objectClient } from '../../scripts/backup/objects.js';
import type { Targets } from '../../scripts/backup/targets.js';

/**
 * The backup tool's production path, in the steps deploy/backup.sh and deploy/restore.sh run
 * (ADR 0017): `quiesce`, `backup --quiesced` (which takes Keycloak's pg_dump into the manifest),
 * `resume`; `restore --quiesced`. Real ops listeners guarded by a token (as on the compose `ops`
 * network), real databases on the shared FerretDB, a bucket of its own on the shared object store,
 * the real RabbitMQ management API. The services behind the listeners are recording stand-ins for
 * the quiesce switch (quiesce.test.ts and the e2e backup test drive real services); what is tested
 * here is the tool's side. The pg_dump is a file of known bytes: there is no PostgreSQL 16 client here.
 */

const TOKEN = randomBytes(16).toString('hex');
const logger = createLogger({ service: 'backup-steps-test', level: 'silent' });

describe('backup tool, production steps: quiesce, backup --quiesced with a pg_dump, resume, restore --quiesced', () => {
  const names = [`bka${randomBytes(3).toString('hex')}`, `bkb${randomBytes(3).toString('hex')}`];
  const controls = names.map(() => recordingQuiesceControl());
  const listeners: RunningOpsServer[] = [];
  const databases: TestDatabase[] = [];
  const bucket = `backup-steps-${randomBytes(4).toString('hex')}`;
  let scratch: string;
  let targets: Targets;
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'eventonight-backup-steps-'));
    for (const control of controls) {
      listeners.push(await startOpsServer(0, control, new ServiceStats(), logger, { host: '127.0.0.0/8', token: TOKEN }));
      databases.push(await freshDatabase('backupsteps'));
    }
    await databases[0]?.db.collection('profiles').insertMany([{ _id: 'a' as never, n: 1 }, { _id: 'b' as never, n: 2 }]);
    await databases[1]?.db.collection('events').insertOne({ _id: 'e' as never, at: new Date('2026-11-30T20:00:00Z') });
    const objects = { endpoint: new URL(infra.s3Endpoint), region: infra.s3Region, accessKey: infra.s3AccessKey, secretKey: infra.s3SecretKey, bucket };
    await objectClient(objects).makeBucket(bucket, infra.s3Region);
    await objectClient(objects).putObject(bucket, 'images/one.png', Buffer.from('png bytes'), 9, { 'Content-Type': 'image/png' });
    await writeFile(join(scratch, 'keycloak.pgdump'), Buffer.from('PGDMP\u0001\u000e\u0000 a custom-format dump stand-in'));
    targets = {
      // The first service names its own database server (production: one mongod each); the second uses the default.
      services: names.map((name, i) => ({
        name,
        opsUrl: listeners[i]?.url ?? '',
        database: databases[i]?.name ?? '',
        opsToken: TOKEN,
        ...(i === 0 ? { mongoUrl: infra.mongoUrl } : {}),
      })),
      mongoUrl: infra.mongoUrl,
      rabbitmq: { managementUrl: infra.rabbitmqManagementUrl, user: 'guest', password: 'guest', vhost: '/' },
      objects,
      keycloak: { kind: 'pg_dump', dumpFile: join(scratch, 'keycloak.pgdump') },
      settleTimeoutMs: 30_000,
      gitCommit: 'feedc0de',
    };
  });

  after(async () => {
    for (const listener of listeners) await listener.close();
    for (const database of databases) await database.dispose();
    if (targets !== undefined) {
      const client = objectClient(targets.objects);
      await client.removeObjects(bucket, ['images/one.png']).catch(() => undefined);
      await client.removeBucket(bucket).catch(() => undefined);
    }
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  });

  it('backup --quiesced refuses to copy anything while the services are not quiesced', async () => {
    const folder = join(scratch, 'refused');
    await assert.rejects(takeBackup(targets, folder, log, 'already-quiesced'), new RegExp(`not quiesced: ${names[0]}, ${names[1]}`));
    assert.deepEqual(await readdir(folder), []);
    assert.deepEqual(controls.map((c) => c.calls), [[], []], 'nothing quiesced or resumed on its own');
  });

  it('a wrong token stops the quiesce step, naming the service and the 403', async () => {
    const wrong = { ...targets, services: targets.services.map((s) => ({ ...s, opsToken: `${TOKEN}x` })) };
    await assert.rejects(quiesceEvery(wrong, log), new RegExp(`${names[0]}: POST /quiesce → HTTP 403`));
    assert.deepEqual(controls.map((c) => c.isQuiesced()), [false, false]);
  });

  it('quiesce, backup --quiesced, resume: the pg_dump is in the folder and the manifest, and the services stay quiesced until resume', async () => {
    await quiesceEvery(targets, log);
    assert.deepEqual(controls.map((c) => c.isQuiesced()), [true, true]);
    const folder = join(scratch, 'backup');
    const manifest = await takeBackup(targets, folder, log, 'already-quiesced');
    assert.deepEqual(controls.map((c) => c.isQuiesced()), [true, true], 'the tool left resuming to the caller');
    assert.deepEqual(manifest.keycloak, { included: true, source: 'pg_dump', files: ['keycloak.pgdump'] });
    assert.equal(manifest.files['keycloak/keycloak.pgdump'], await sha256Of(join(scratch, 'keycloak.pgdump')));
    assert.deepEqual(await readFile(join(folder, 'keycloak', 'keycloak.pgdump')), await readFile(join(scratch, 'keycloak.pgdump')));
    assert.equal(manifest.gitCommit, 'feedc0de');
    assert.deepEqual(manifest.databases[databases[0]?.name ?? '']?.collections, { profiles: 2 });
    assert.deepEqual(manifest.databases[databases[1]?.name ?? '']?.collections, { events: 1 });
    assert.equal(manifest.objects.count, 1);
    await resumeEvery(targets, log);
    assert.deepEqual(controls.map((c) => c.isQuiesced()), [false, false]);
  });

  it('backup --quiesced without the pg_dump file fails naming it', async () => {
    await quiesceEvery(targets, log);
    try {
      const missing = { ...targets, keycloak: { kind: 'pg_dump' as const, dumpFile: join(scratch, 'absent.pgdump') } };
      await assert.rejects(takeBackup(missing, join(scratch, 'no-dump'), log, 'already-quiesced'), /absent\.pgdump does not exist/);
    } finally {
      await resumeEvery(targets, log);
    }
  });

  it('restore --quiesced puts the databases and objects back, counts them, and leaves Keycloak to pg_restore', async () => {
    await databases[0]?.db.collection('profiles').deleteMany({});
    await databases[1]?.db.collection('events').insertOne({ _id: 'later' as never });
    await quiesceEvery(targets, log);
    lines.length = 0;
    const report = await restoreBackup(targets, join(scratch, 'backup'), log, 'already-quiesced');
    assert.ok(report.matches, lines.join('\n'));
    assert.equal(report.keycloakRestored, false);
    assert.ok(lines.some((line) => /deploy\/restore\.sh puts it back with pg_restore/.test(line)), lines.join('\n'));
    assert.equal(await databases[0]?.db.collection('profiles').countDocuments(), 2);
    assert.deepEqual(await databases[1]?.db.collection('events').find().toArray(), [{ _id: 'e', at: new Date('2026-11-30T20:00:00Z') }]);
    assert.deepEqual(controls.map((c) => c.isQuiesced()), [true, true]);
    await resumeEvery(targets, log);
  });
});
