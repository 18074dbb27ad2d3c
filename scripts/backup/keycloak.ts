import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { KeycloakTarget } from './targets.js';

const run = promisify(execFile);

/**
 * Keycloak's local database is an H2 file Keycloak holds open: a consistent copy needs Keycloak
 * stopped. infra/ctl.sh stops and starts it (with whatever EN_* ports the environment names);
 * it is started again whatever happens to the copy.
 */
async function ctl(target: KeycloakTarget, action: 'stop' | 'start'): Promise<void> {
  await run('bash', [target.ctlScript, action, 'keycloak'], { timeout: 300_000, env: process.env });
}

async function whileStopped<T>(target: KeycloakTarget, work: () => Promise<T>): Promise<T> {
  await ctl(target, 'stop');
  try {
    return await work();
  } finally {
    await ctl(target, 'start');
  }
}

/** Copies Keycloak's H2 files into `dir`; returns the file names. */
export function dumpKeycloak(target: KeycloakTarget, dir: string): Promise<string[]> {
  return whileStopped(target, async () => {
    await mkdir(dir, { recursive: true });
    await cp(target.h2Dir, dir, { recursive: true });
    return (await readdir(dir)).sort();
  });
}

/** Replaces Keycloak's H2 files with those in `dir`. */
export function restoreKeycloak(target: KeycloakTarget, dir: string): Promise<string[]> {
  return whileStopped(target, async () => {
    await rm(target.h2Dir, { recursive: true, force: true });
    await mkdir(target.h2Dir, { recursive: true });
    await cp(dir, target.h2Dir, { recursive: true });
    return (await readdir(target.h2Dir)).sort();
  });
}

