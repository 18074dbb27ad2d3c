import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createLogger, ServiceStats, startOpsServer, type RunningOpsServer } from '@eventonight/platform';
import { freshDatabase, infra, recordingQuiesceControl, type TestDatabase } from '@eventonight/testing';
import { quiesceEvery, resumeEvery, takeBackup } from '../../scripts/backup/backup-restore.js';
import { objectClient } from '../../scripts/backup/objects.js';
import type { Targets } from '../../scripts/backup/targets.js';

/**
 * A service with several replicas (Docker Swarm, issue 24): its ops URL names a host that resolves
 * to one address per replica (`tasks.<service>`), and the backup tool must quiesce, check and
 * resume every one of them. Two real ops listeners of the platform, on the same port of 127.0.0.1
 * and 127.0.0.2 (Linux loopback answers all of 127/8), each in front of a recording stand-in for
 * the service's quiesce switch; real RabbitMQ management API, databases and object store. The one
 * thing substituted is the host-name resolver (Targets.resolveHost): this machine cannot make a DNS
 * name with two addresses. The name is under `.invalid`, so real DNS could never have answered.
 */

const TOKEN = randomBytes(16).toString('hex');
const logger = createLogger({ service: 'backup-replicas-test', level: 'silent' });
const A = '127.0.0.1';
const B = '127.0.0.2';
/** Nothing listens there: a replica that does not answer. */
const DEAD = '127.0.0.3';

describe('backup tool: every replica behind an ops host name', () => {
  const name = `bkr${randomBytes(3).toString('hex')}`;
  const controls = [recordingQuiesceControl(), recordingQuiesceControl()] as const;
  const listeners: RunningOpsServer[] = [];
  const bucket = `backup-replicas-${randomBytes(4).toString('hex')}`;
  let database: TestDatabase;
  let scratch: string;
  let port: number;
  let targets: Targets;
  /** What the host name resolves to now; the test changes it as a Swarm would. */
  let addresses: string[] = [];
  const asked: string[] = [];
  let lines: string[] = [];
  let onLine: (line: string) => void = () => undefined;
  const log = (line: string): void => {
    lines.push(line);
    onLine(line);
  };
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'eventonight-backup-replicas-'));
    listeners.push(await startOpsServer(0, controls[0], new ServiceStats(), logger, { host: A, token: TOKEN }));
    port = Number(new URL(listeners[0]?.url ?? '').port);
    listeners.push(await startOpsServer(port, controls[1], new ServiceStats(), logger, { host: B, token: TOKEN }));
    database = await freshDatabase('backupreplicas');
    await database.db.collection('profiles').insertOne({ _id: 'a' as never, n: 1 });
    const objects = { endpoint: new URL(infra.s3Endpoint), region: infra.s3Region, accessKey: infra.s3AccessKey, secretKey: infra.s3SecretKey, bucket };
    await objectClient(objects).makeBucket(bucket, infra.s3Region);
    targets = {
      services: [{ name, opsUrl: `http://tasks.${name}.invalid:${port}`, database: database.name, opsToken: TOKEN }],
      resolveHost: async (host) => {
        asked.push(host);
        return [...addresses];
      },
      mongoUrl: infra.mongoUrl,
      rabbitmq: { managementUrl: infra.rabbitmqManagementUrl, user: 'guest', password: 'guest', vhost: '/' },
      objects,
      keycloak: undefined,
      settleTimeoutMs: 30_000,
      gitCommit: 'feedc0de',
    };
  });

  beforeEach(() => {
    for (const control of controls) control.calls.length = 0;
    lines = [];
    onLine = () => undefined;
    asked.length = 0;
  });

  after(async () => {
    for (const listener of listeners) await listener.close();
    await database?.dispose();
    if (targets !== undefined) await objectClient(targets.objects).removeBucket(bucket).catch(() => undefined);
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  });

  it('quiesce reaches both replicas and waits for both to settle; resume reaches both', async () => {
    addresses = [A, B];
    await quiesceEvery(targets, log);
    assert.deepEqual(controls.map((c) => c.isQuiesced()), [true, true]);
    assert.deepEqual(controls.map((c) => c.calls), [['quiesce'], ['quiesce']]);
    assert.ok(lines.includes(`quiesced ${name} (2 replicas); waiting for outboxes and queues to drain`), lines.join('\n'));
    assert.ok(asked.every((host) => host === `tasks.${name}.invalid`), asked.join(', '));
    await resumeEvery(targets, log);
    assert.deepEqual(controls.map((c) => c.isQuiesced()), [false, false]);
    assert.deepEqual(controls.map((c) => c.calls), [['quiesce', 'resume'], ['quiesce', 'resume']]);
  });

  it('a replica that does not answer fails the quiesce, naming the service and its address, and the other is resumed', async () => {
    addresses = [A, DEAD];
    const error = await quiesceEvery(targets, log).then(
      () => assert.fail('the quiesce succeeded with a dead replica'),
      (e: unknown) => e as Error,
    );
    assert.match(error.message, new RegExp(`^${name} replica ${escape(DEAD)}: ops listener http://tasks\\.${name}\\.invalid:${port} at ${escape(DEAD)} unreachable \\(.*ECONNREFUSED.*\\)$`));
    assert.doesNotMatch(error.message, /\n/);
    assert.deepEqual(controls[0].calls, ['quiesce', 'resume']);
    assert.equal(controls[0].isQuiesced(), false);
    assert.deepEqual(controls[1].calls, [], 'not resolved, not reached');
    // Its resume fails too: one line, with the replica's own URL to resume it by hand.
    const resumeLine = lines.find((line) => line.startsWith('could not resume:'));
    assert.ok(resumeLine !== undefined, lines.join('\n'));
    assert.match(resumeLine, new RegExp(`${name} replica ${escape(DEAD)}: .*unreachable.* — resume by hand: POST http://${escape(DEAD)}:${port}/resume `));
  });

  it('resume failures name the address and say how to resume by hand', async () => {
    addresses = [A, B, DEAD];
    await assert.rejects(resumeEvery(targets, log), (error: Error) => {
      assert.match(error.message, new RegExp(`^could not resume: ${name} replica ${escape(DEAD)}: ops listener .* unreachable .* — resume by hand: POST http://${escape(DEAD)}:${port}/resume \\(with Authorization`));
      assert.doesNotMatch(error.message, /\n/);
      return true;
    });
    assert.deepEqual(controls.map((c) => c.calls), [['resume'], ['resume']], 'the replicas that answer are resumed all the same');
  });

  it('a replica that appears between the quiesce and the dump is quiesced too, and settled, before the dump', async () => {
    addresses = [A];
    let dumpStartedWithBQuiesced: boolean | undefined;
    onLine = (line) => {
      // Swarm reschedules a task just after the first replicas were quiesced.
      if (line.startsWith(`quiesced ${name};`)) addresses = [A, B];
      if (line.startsWith(`${database.name}: `)) dumpStartedWithBQuiesced ??= controls[1].isQuiesced();
    };
    const folder = join(scratch, 'newcomer');
    const manifest = await takeBackup(targets, folder, log);
    assert.equal(dumpStartedWithBQuiesced, true, lines.join('\n'));
    assert.ok(lines.includes(`appeared since the quiesce: ${name} replica ${B}; quiescing them too and waiting again`), lines.join('\n'));
    assert.deepEqual(manifest.databases[database.name]?.collections, { profiles: 1 });
    assert.deepEqual(controls.map((c) => c.calls), [['quiesce', 'resume'], ['quiesce', 'resume']]);
    assert.deepEqual(controls.map((c) => c.isQuiesced()), [false, false]);
  });

  it('a replica that appears during the dump fails the backup (no manifest) and everything is resumed', async () => {
    addresses = [A];
    onLine = (line) => {
      if (line.startsWith(`${database.name}: `)) addresses = [A, B];
    };
    const folder = join(scratch, 'during-dump');
    await assert.rejects(
      takeBackup(targets, folder, log),
      new RegExp(`^Error: ${name} replica ${escape(B)} appeared during the backup and was not quiesced: the result may be inconsistent; run it again$`),
    );
    assert.ok(!(await readdir(folder)).includes('manifest.json'), 'no manifest: the folder does not verify');
    assert.deepEqual(controls.map((c) => c.calls), [['quiesce', 'resume'], ['resume']], 'the newcomer was resumed too (harmless)');
    assert.deepEqual(controls.map((c) => c.isQuiesced()), [false, false]);
  });

  it('backup --quiesced refuses when a replica resolved now was not quiesced by the quiesce step', async () => {
    addresses = [A];
    await quiesceEvery(targets, log);
    try {
      addresses = [A, B];
      await assert.rejects(takeBackup(targets, join(scratch, 'refused'), log, 'already-quiesced'), new RegExp(`not quiesced: ${name} replica ${escape(B)} \\(run the quiesce step first\\)`));
      assert.deepEqual(await readdir(join(scratch, 'refused')), []);
    } finally {
      await resumeEvery(targets, log);
    }
    assert.deepEqual(controls.map((c) => c.calls), [['quiesce', 'resume'], ['resume']]);
  });
});
