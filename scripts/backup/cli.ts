import { resolve } from 'node:path';
import { restoreBackup, takeBackup } from './backup-restore.js';
import { targetsFromEnv } from './targets.js';

/**
 * `backup [folder]` and `restore <folder>` (ADR 0017), configured by env (see targets.ts);
 * scripts/backup.sh and scripts/restore.sh set it for the local platform.
 */

const log = (line: string): void => console.log(`[${new Date().toISOString()}] ${line}`);

function defaultFolder(): string {
  return resolve('backups', new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z'));
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, folder] = argv;
  const targets = targetsFromEnv();
  if (command === 'backup') {
    const target = folder === undefined ? defaultFolder() : resolve(folder);
    const manifest = await takeBackup(targets, target, log);
    log(`backup written to ${target}: ${Object.keys(manifest.databases).length} database(s), ${manifest.objects.count} object(s), Keycloak ${manifest.keycloak.included ? 'included' : 'not included'}`);
    return 0;
  }
  if (command === 'restore' && folder !== undefined) {
    const report = await restoreBackup(targets, resolve(folder), log);
    log(report.matches ? 'restore complete: every count matches the manifest' : 'restore finished but some counts differ from the manifest (see above)');
    return report.matches ? 0 : 1;
  }
  console.error('usage: cli.ts backup [folder] | restore <folder>');
  return 2;
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
