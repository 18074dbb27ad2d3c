import { resolve } from 'node:path';
import { quiesceEvery, restoreBackup, resumeEvery, takeBackup, type QuiesceMode } from './backup-restore.js';
import { readVerifiedManifest } from './manifest.js';
import { targetsFromEnv } from './targets.js';

/**
 * `backup [folder]` and `restore <folder>` (ADR 0017), configured by env (see targets.ts);
 * scripts/backup.sh and scripts/restore.sh set it for the local platform, the compose one-shot
 * `backup` for production. Production splits a run into steps, so that deploy/backup.sh can take
 * Keycloak's pg_dump while the services are quiesced: `quiesce`, `backup --quiesced <folder>`,
 * `resume` (and `verify <folder>`, `restore --quiesced <folder>` for deploy/restore.sh).
 */

const USAGE = 'usage: cli.ts backup [--quiesced] [folder] | restore [--quiesced] <folder> | verify <folder> | quiesce | resume';

const log = (line: string): void => console.log(`[${new Date().toISOString()}] ${line}`);

function defaultFolder(): string {
  return resolve('backups', new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z'));
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const mode: QuiesceMode = rest.includes('--quiesced') ? 'already-quiesced' : 'self';
  const [folder, ...extra] = rest.filter((arg) => arg !== '--quiesced');
  if (extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  if (command === 'verify' && folder !== undefined) {
    const manifest = await readVerifiedManifest(resolve(folder));
    log(`backup of ${manifest.createdAt} (commit ${manifest.gitCommit}): ${Object.keys(manifest.files).length} file(s), every checksum verified`);
    return 0;
  }
  if (command !== 'backup' && command !== 'restore' && command !== 'quiesce' && command !== 'resume') {
    console.error(USAGE);
    return 2;
  }
  if (command === 'restore' && folder === undefined) {
    console.error(USAGE);
    return 2;
  }
  const targets = targetsFromEnv();
  if (command === 'quiesce') {
    await quiesceEvery(targets, log);
    return 0;
  }
  if (command === 'resume') {
    await resumeEvery(targets, log);
    return 0;
  }
  if (command === 'backup') {
    const target = folder === undefined ? defaultFolder() : resolve(folder);
    const manifest = await takeBackup(targets, target, log, mode);
    log(`backup written to ${target}: ${Object.keys(manifest.databases).length} database(s), ${manifest.objects.count} object(s), Keycloak ${manifest.keycloak.included ? 'included' : 'not included'}`);
    return 0;
  }
  const report = await restoreBackup(targets, resolve(folder as string), log, mode);
  log(report.matches ? 'restore complete: every count matches the manifest' : 'restore finished but some counts differ from the manifest (see above)');
  return report.matches ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
