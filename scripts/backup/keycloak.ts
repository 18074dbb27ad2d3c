import { execFile } from 'node:child_process';
import { copyFile, cp, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { H2KeycloakTarget, PgDumpKeycloakTarget } from './targets.js';

const run = promisify(execFile);

/**
 * Keycloak's local database is an H2 file Keycloak holds open: a consistent copy needs Keycloak
 * stopped. infra/ctl.sh stops and starts it (with whatever EN_* ports the environment names);
 * it is started again whatever happens to the copy.
 */
async function ctl(target: H2KeycloakTarget, action: 'stop' | 'start'): Promise<void> {
  await run('bash', [target.ctlScript, action, 'keycloak'], { timeout: 300_000, env: process.env });
}

async function whileStopped<T>(target: H2KeycloakTarget, work: () => Promise<T>): Promise<T> {
  await ctl(target, 'stop');
  try {
    return await work();
  } finally {
    await ctl(target, 'start');
  }
}

/** Copies Keycloak's H2 files into `dir`; returns the file names. */
export function dumpKeycloak(target: H2KeycloakTarget, dir: string): Promise<string[]> {
  return whileStopped(target, async () => {
    await mkdir(dir, { recursive: true });
    await cp(target.h2Dir, dir, { recursive: true });
    return (await readdir(dir)).sort();
  });
}

/** Replaces Keycloak's H2 files with those in `dir`. */
export function restoreKeycloak(target: H2KeycloakTarget, dir: string): Promise<string[]> {
  return whileStopped(target, async () => {
    await rm(target.h2Dir, { recursive: true, force: true });
    await mkdir(target.h2Dir, { recursive: true });
    await cp(dir, target.h2Dir, { recursive: true });
    return (await readdir(target.h2Dir)).sort();
  });
}


/** The name of the pg_dump file inside a backup's `keycloak/` folder. */
export const PG_DUMP_FILE = 'keycloak.pgdump';

/**
 * Takes the pg_dump deploy/backup.sh made (custom format, while the services were quiesced) into
 * `dir`, so the manifest's checksums cover it. An absent or empty dump fails the backup.
 */
export async function takeKeycloakPgDump(target: PgDumpKeycloakTarget, dir: string): Promise<string[]> {
  const size = await stat(target.dumpFile).then(
    (info) => info.size,
    () => {
      throw new Error(`Keycloak's pg_dump ${target.dumpFile} does not exist (deploy/backup.sh makes it before the tool runs)`);
    },
  );
  if (size === 0) throw new Error(`Keycloak's pg_dump ${target.dumpFile} is empty`);
  await mkdir(dir, { recursive: true });
  await copyFile(target.dumpFile, join(dir, PG_DUMP_FILE));
  return [PG_DUMP_FILE];
}
