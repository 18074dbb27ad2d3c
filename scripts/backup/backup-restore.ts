import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { countDatabase, dumpDatabase, restoreDatabase, type CollectionCounts } from './databases.js';
import { dumpKeycloak, restoreKeycloak, takeKeycloakPgDump } from './keycloak.js';
import { checksums, readVerifiedManifest, writeManifest, type Manifest } from './manifest.js';
import { countObjects, dumpObjects, restoreObjects } from './objects.js';
import { describeReplicas, Pause, replicaName, resumeFailure, statusOfReplica, waitUntilReplicasSettled, type Replica } from './quiesce.js';
import { mongoUrlOf, type ServiceTarget, type Targets } from './targets.js';

/**
 * The consistent snapshot of ADR 0017: quiesce every service, wait until outboxes and queues are
 * empty, copy every store, resume. Resuming happens whatever fails in between.
 */

export type Log = (line: string) => void;

/**
 * `self`: quiesce, work, resume (one run does it all). `already-quiesced`: a caller quiesced the
 * services before (deploy/backup.sh, so that Keycloak's pg_dump falls inside the same pause) and
 * resumes them after; the work only checks they are quiesced and settled.
 */
export type QuiesceMode = 'self' | 'already-quiesced';

async function gitCommit(targets: Targets): Promise<string> {
  if (targets.gitCommit !== undefined) return targets.gitCommit;
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', 'HEAD'], { timeout: 10_000 });
    return stdout.trim();
  } catch {
    return 'unknown';
  }
}

/**
 * How many times replicas may appear after the quiesce (each time: quiesce them, settle again)
 * before the backup gives up: services that keep being rescheduled are not stable enough to copy.
 */
const NEWCOMER_ROUNDS = 3;

/**
 * Quiesces every replica of every service and waits until all is settled; then resolves the host
 * names again, and while replicas appeared meanwhile (a Swarm rescheduled a task, scaled up, rolled
 * an update), quiesces those too and settles again, until a resolution finds nobody new.
 *
 * Why quiesce a newcomer rather than fail: rescheduling is routine in a Swarm, and nothing has been
 * copied yet, so a newcomer quiesced and settled gives the very guarantee the first replicas gave
 * (whatever it wrote is in its database and its outbox is drained before the dump). Failing would
 * only make the nightly backup flaky. The bound (NEWCOMER_ROUNDS) keeps a service that never stops
 * being rescheduled from looping forever; then the backup fails naming the replicas.
 */
async function quiesceEverySettled(targets: Targets, pause: Pause, log: Log): Promise<void> {
  for (let round = 0; ; round++) {
    const current = await pause.current();
    const fresh = pause.unreached(current);
    if (round > 0 && fresh.length === 0) break;
    if (round > NEWCOMER_ROUNDS) {
      throw new Error(`replicas kept appearing after the quiesce (${round - 1} rounds), latest ${fresh.map(replicaName).join(', ')}: the services are being rescheduled; back up once they are stable`);
    }
    if (round > 0) log(`appeared since the quiesce: ${fresh.map(replicaName).join(', ')}; quiescing them too and waiting again`);
    await pause.quiesce(fresh);
    if (round === 0) log(`quiesced ${describeReplicas(current)}; waiting for outboxes and queues to drain`);
    await waitUntilReplicasSettled(current, targets.services, targets.rabbitmq, targets.settleTimeoutMs, log);
  }
  log('settled: no outbox entry pending, every service queue empty');
}

/** Resumes everything `pause` quiesced and every replica resolved now; throws one line naming what could not be resumed and how to do it by hand. */
async function resumePause(pause: Pause, log: Log): Promise<void> {
  const { failures, byHand } = await pause.resume();
  if (failures.length > 0) throw new Error(resumeFailure(failures, byHand));
  log(`resumed ${describeReplicas(pause.quiesced)}`);
}

/** Resumes every replica of every service; throws naming those that could not be resumed. */
export async function resumeEvery(targets: Targets, log: Log = () => undefined): Promise<void> {
  const pause = new Pause(targets.services, targets.resolveHost);
  const { failures, byHand } = await pause.resume();
  if (failures.length > 0) throw new Error(resumeFailure(failures, byHand));
  log('resumed every service');
}

/**
 * Quiesces every service and waits until they are settled, for a caller that resumes them later
 * (`cli.ts quiesce`). When that fails, it resumes them before throwing.
 */
export async function quiesceEvery(targets: Targets, log: Log = () => undefined): Promise<void> {
  const pause = new Pause(targets.services, targets.resolveHost);
  try {
    await quiesceEverySettled(targets, pause, log);
  } catch (error) {
    await resumePause(pause, log).catch((resumeError: unknown) => log(resumeError instanceof Error ? resumeError.message : String(resumeError)));
    throw error;
  }
}

/**
 * What the work calls once it has copied (or written) everything and before it seals the result
 * (the manifest): it fails when a replica that was not quiesced showed up in the meantime, `what`
 * naming the work ("the dump").
 */
export type StillQuiesced = (what: string) => Promise<void>;

/** Runs `work` with every service quiesced and settled, and resumes them all afterwards. */
async function whileQuiesced<T>(targets: Targets, log: Log, work: (check: StillQuiesced) => Promise<T>): Promise<T> {
  const pause = new Pause(targets.services, targets.resolveHost);
  // A replica that appeared during the work was never paused: what it wrote may be half in the copy.
  const check: StillQuiesced = async (what) => {
    const fresh = pause.unreached(await pause.current());
    if (fresh.length > 0) {
      throw new Error(`${fresh.map(replicaName).join(', ')} appeared during ${what} and was not quiesced: the result may be inconsistent; run it again`);
    }
  };
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    await quiesceEverySettled(targets, pause, log);
    outcome = { ok: true, value: await work(check) };
  } catch (error) {
    outcome = { ok: false, error };
  }
  try {
    await resumePause(pause, log);
  } catch (error) {
    if (outcome.ok) throw error;
    log(error instanceof Error ? error.message : String(error));
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Every replica now that does not say it is quiesced, by name. */
async function notQuiesced(replicas: readonly Replica[]): Promise<string[]> {
  const statuses = await Promise.all(replicas.map((replica) => statusOfReplica(replica)));
  return replicas.filter((_, i) => statuses[i]?.quiesced !== true).map(replicaName);
}

/**
 * For `already-quiesced`: refuses to copy anything unless every replica (resolved now) says it is
 * quiesced and all is settled; and before the result is sealed, asks every replica resolved then again.
 */
async function whileQuiescedByCaller<T>(targets: Targets, log: Log, work: (check: StillQuiesced) => Promise<T>): Promise<T> {
  const pause = new Pause(targets.services, targets.resolveHost);
  const replicas = await pause.current();
  const missing = await notQuiesced(replicas);
  if (missing.length > 0) throw new Error(`not quiesced: ${missing.join(', ')} (run the quiesce step first)`);
  await waitUntilReplicasSettled(replicas, targets.services, targets.rabbitmq, targets.settleTimeoutMs, log);
  log('every service quiesced by the caller and settled');
  return work(async (what) => {
    const late = await notQuiesced(await pause.current());
    if (late.length > 0) throw new Error(`not quiesced at the end of ${what}: ${late.join(', ')} (a replica appeared or was resumed meanwhile): the result may be inconsistent; run it again`);
  });
}

const quiesced = <T>(mode: QuiesceMode, targets: Targets, log: Log, work: (check: StillQuiesced) => Promise<T>): Promise<T> =>
  mode === 'self' ? whileQuiesced(targets, log, work) : whileQuiescedByCaller(targets, log, work);

/** One client per database server: locally every database is on one, in production each service has its own. */
class MongoClients {
  private readonly clients = new Map<string, MongoClient>();

  constructor(private readonly targets: Targets) {}

  async of(service: ServiceTarget): Promise<MongoClient> {
    const url = mongoUrlOf(this.targets, service);
    let client = this.clients.get(url);
    if (client === undefined) {
      client = new MongoClient(url, { serverSelectionTimeoutMS: 10_000, retryWrites: false });
      this.clients.set(url, client);
      await client.connect().catch((error: unknown) => {
        throw new Error(`${service.name}: cannot connect to its database server (${error instanceof Error ? error.message : String(error)})`);
      });
    }
    return client;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.close()));
  }
}

/** Takes a backup into `folder` (created); returns its manifest. */
export async function takeBackup(targets: Targets, folder: string, log: Log = () => undefined, mode: QuiesceMode = 'self'): Promise<Manifest> {
  await mkdir(folder, { recursive: true });
  if ((await readdir(folder)).length > 0) throw new Error(`${folder} is not empty; a backup goes into a new folder`);
  const mongo = new MongoClients(targets);
  try {
    for (const service of targets.services) await mongo.of(service);
    return await quiesced(mode, targets, log, async (stillQuiesced) => {
      const createdAt = new Date().toISOString();
      const databases: Manifest['databases'] = {};
      for (const service of targets.services) {
        const collections = await dumpDatabase(await mongo.of(service), service.database, join(folder, 'databases', service.name));
        databases[service.database] = { service: service.name, collections };
        log(`${service.database}: ${Object.values(collections).reduce((a, b) => a + b, 0)} document(s) in ${Object.keys(collections).length} collection(s)`);
      }
      const objects = await dumpObjects(targets.objects, join(folder, 'objects'));
      log(`bucket ${targets.objects.bucket}: ${objects.length} object(s)`);
      let keycloak: Manifest['keycloak'] = { included: false, reason: 'no Keycloak target given' };
      if (targets.keycloak?.kind === 'pg_dump') {
        keycloak = { included: true, source: 'pg_dump', files: await takeKeycloakPgDump(targets.keycloak, join(folder, 'keycloak')) };
        log(`Keycloak: pg_dump ${targets.keycloak.dumpFile} taken in`);
      } else if (targets.keycloak !== undefined) {
        log('Keycloak: stopping it to copy its database');
        keycloak = { included: true, source: 'h2', files: await dumpKeycloak(targets.keycloak, join(folder, 'keycloak')) };
        log('Keycloak: copied and started again');
      }
      // Before the manifest seals the folder: a backup without one does not verify, nor restore.
      await stillQuiesced('the backup');
      const manifest: Manifest = {
        format: 1,
        createdAt,
        gitCommit: await gitCommit(targets),
        databases,
        objects: { bucket: targets.objects.bucket, count: objects.length, totalBytes: objects.reduce((sum, o) => sum + o.size, 0) },
        keycloak,
        files: await checksums(folder),
      };
      await writeManifest(folder, manifest);
      return manifest;
    });
  } finally {
    await mongo.close();
  }
}

export interface RestoreReport {
  manifest: Manifest;
  /** Database → collection → { expected, actual }. */
  databases: Record<string, Record<string, { expected: number; actual: number }>>;
  objects: { expected: number; actual: number };
  keycloakRestored: boolean;
  /** True when every count equals the manifest's. */
  matches: boolean;
}

function compare(expected: CollectionCounts, actual: CollectionCounts): Record<string, { expected: number; actual: number }> {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return Object.fromEntries(names.map((name) => [name, { expected: expected[name] ?? 0, actual: actual[name] ?? 0 }]));
}

/** Brings every store back to the backup in `folder`, after checking its checksums. */
export async function restoreBackup(targets: Targets, folder: string, log: Log = () => undefined, mode: QuiesceMode = 'self'): Promise<RestoreReport> {
  const manifest = await readVerifiedManifest(folder);
  log(`backup of ${manifest.createdAt} (commit ${manifest.gitCommit}): checksums verified`);
  const byService = new Map(Object.values(manifest.databases).map((entry) => [entry.service, entry.collections]));
  for (const service of targets.services) {
    if (!byService.has(service.name)) throw new Error(`the backup holds no database of the ${service.name} service`);
  }
  const pgDumpInBackup = manifest.keycloak.included && manifest.keycloak.source === 'pg_dump';
  if (pgDumpInBackup) log('Keycloak: a pg_dump in the backup; deploy/restore.sh puts it back with pg_restore, not this tool');
  else if (manifest.keycloak.included && targets.keycloak === undefined) log('Keycloak: in the backup, but no Keycloak target given: left as it is');
  const mongo = new MongoClients(targets);
  try {
    for (const service of targets.services) await mongo.of(service);
    return await quiesced(mode, targets, log, async (stillQuiesced) => {
      const databases: RestoreReport['databases'] = {};
      let matches = true;
      for (const service of targets.services) {
        const client = await mongo.of(service);
        await restoreDatabase(client, service.database, join(folder, 'databases', service.name));
        const comparison = compare(byService.get(service.name) ?? {}, await countDatabase(client, service.database));
        databases[service.database] = comparison;
        for (const [collection, { expected, actual }] of Object.entries(comparison)) {
          if (expected !== actual) matches = false;
          log(`${service.database}.${collection}: ${actual} / ${expected}${expected === actual ? '' : '  ← MISMATCH'}`);
        }
      }
      await restoreObjects(targets.objects, join(folder, 'objects'));
      const objects = { expected: manifest.objects.count, actual: await countObjects(targets.objects) };
      if (objects.expected !== objects.actual) matches = false;
      log(`bucket ${targets.objects.bucket}: ${objects.actual} / ${objects.expected} object(s)`);
      let keycloakRestored = false;
      if (manifest.keycloak.included && !pgDumpInBackup && targets.keycloak?.kind === 'h2') {
        log('Keycloak: stopping it to put its database back');
        await restoreKeycloak(targets.keycloak, join(folder, 'keycloak'));
        keycloakRestored = true;
        log('Keycloak: restored and started again');
      }
      await stillQuiesced('the restore');
      return { manifest, databases, objects, keycloakRestored, matches };
    });
  } finally {
    await mongo.close();
  }
}
