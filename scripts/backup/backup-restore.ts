import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { countDatabase, dumpDatabase, restoreDatabase, type CollectionCounts } from './databases.js';
import { dumpKeycloak, restoreKeycloak } from './keycloak.js';
import { checksums, readVerifiedManifest, writeManifest, type Manifest } from './manifest.js';
import { countObjects, dumpObjects, restoreObjects } from './objects.js';
import { quiesce, resumeAll, waitUntilSettled } from './quiesce.js';
import type { Targets } from './targets.js';

/**
 * The consistent snapshot of ADR 0017: quiesce every service, wait until outboxes and queues are
 * empty, copy every store, resume. Resuming happens whatever fails in between.
 */

export type Log = (line: string) => void;

async function gitCommit(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', 'HEAD'], { timeout: 10_000 });
    return stdout.trim();
  } catch {
    return 'unknown';
  }
}

/** Runs `work` with every service quiesced and settled, and resumes them all afterwards. */
async function whileQuiesced<T>(targets: Targets, log: Log, work: () => Promise<T>): Promise<T> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    for (const service of targets.services) await quiesce(service);
    log(`quiesced ${targets.services.map((s) => s.name).join(', ')}; waiting for outboxes and queues to drain`);
    await waitUntilSettled(targets.services, targets.rabbitmq, targets.settleTimeoutMs, log);
    log('settled: no outbox entry pending, every service queue empty');
    outcome = { ok: true, value: await work() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const failures = await resumeAll(targets.services);
  if (failures.length > 0) {
    const message = `could not resume: ${failures.join('; ')} — run POST /resume on those ops listeners`;
    if (outcome.ok) throw new Error(message);
    log(message);
  } else {
    log('resumed every service');
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Takes a backup into `folder` (created); returns its manifest. */
export async function takeBackup(targets: Targets, folder: string, log: Log = () => undefined): Promise<Manifest> {
  await mkdir(folder, { recursive: true });
  if ((await readdir(folder)).length > 0) throw new Error(`${folder} is not empty; a backup goes into a new folder`);
  const mongo = new MongoClient(targets.mongoUrl, { serverSelectionTimeoutMS: 10_000, retryWrites: false });
  await mongo.connect();
  try {
    return await whileQuiesced(targets, log, async () => {
      const createdAt = new Date().toISOString();
      const databases: Manifest['databases'] = {};
      for (const service of targets.services) {
        const collections = await dumpDatabase(mongo, service.database, join(folder, 'databases', service.name));
        databases[service.database] = { service: service.name, collections };
        log(`${service.database}: ${Object.values(collections).reduce((a, b) => a + b, 0)} document(s) in ${Object.keys(collections).length} collection(s)`);
      }
      const objects = await dumpObjects(targets.objects, join(folder, 'objects'));
      log(`bucket ${targets.objects.bucket}: ${objects.length} object(s)`);
      let keycloak: Manifest['keycloak'] = { included: false, reason: 'no Keycloak target given' };
      if (targets.keycloak !== undefined) {
        log('Keycloak: stopping it to copy its database');
        keycloak = { included: true, files: await dumpKeycloak(targets.keycloak, join(folder, 'keycloak')) };
        log('Keycloak: copied and started again');
      }
      const manifest: Manifest = {
        format: 1,
        createdAt,
        gitCommit: await gitCommit(),
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
export async function restoreBackup(targets: Targets, folder: string, log: Log = () => undefined): Promise<RestoreReport> {
  const manifest = await readVerifiedManifest(folder);
  log(`backup of ${manifest.createdAt} (commit ${manifest.gitCommit}): checksums verified`);
  const byService = new Map(Object.values(manifest.databases).map((entry) => [entry.service, entry.collections]));
  for (const service of targets.services) {
    if (!byService.has(service.name)) throw new Error(`the backup holds no database of the ${service.name} service`);
  }
  if (manifest.keycloak.included && targets.keycloak === undefined) log('Keycloak: in the backup, but no Keycloak target given: left as it is');
  const mongo = new MongoClient(targets.mongoUrl, { serverSelectionTimeoutMS: 10_000, retryWrites: false });
  await mongo.connect();
  try {
    return await whileQuiesced(targets, log, async () => {
      const databases: RestoreReport['databases'] = {};
      let matches = true;
      for (const service of targets.services) {
        await restoreDatabase(mongo, service.database, join(folder, 'databases', service.name));
        const comparison = compare(byService.get(service.name) ?? {}, await countDatabase(mongo, service.database));
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
      if (manifest.keycloak.included && targets.keycloak !== undefined) {
        log('Keycloak: stopping it to put its database back');
        await restoreKeycloak(targets.keycloak, join(folder, 'keycloak'));
        keycloakRestored = true;
        log('Keycloak: restored and started again');
      }
      return { manifest, databases, objects, keycloakRestored, matches };
    });
  } finally {
    await mongo.close();
  }
}
