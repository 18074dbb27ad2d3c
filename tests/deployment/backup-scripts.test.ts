/**
 * deploy/backup.sh and deploy/restore.sh, the host side of production backups (docs/runbook.md):
 * the order of their steps, that writes are always resumed, the one-line error naming the failed
 * step, the dated folder and the retention.
 *
 * STAND-IN: there is no Docker engine on the machines these tests run on, so `docker` is a fake
 * script put first on PATH (written below). It records every call, answers pg_dump with known
 * bytes, writes what the backup job would write into BACKUP_DIR, and fails the call whose
 * arguments contain FAKE_DOCKER_FAIL. What runs inside the containers is tested elsewhere: the tool's
 * steps in tests/backup/production-steps.test.ts, the compose file in compose.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');

const FAKE_DOCKER = `#!/usr/bin/env bash
# STAND-IN for the docker CLI (no Docker engine here); see tests/deployment/backup-scripts.test.ts.
set -euo pipefail
printf '%s\\n' "$*" >>"$FAKE_DOCKER_LOG"
if [ -n "\${FAKE_DOCKER_FAIL:-}" ] && [[ " $* " == *"$FAKE_DOCKER_FAIL"* ]]; then
  echo "fake docker: $FAKE_DOCKER_FAIL fails" >&2
  exit 1
fi
case " $* " in
  *" backup backup --quiesced "*)
    dump=""
    for arg in "$@"; do case $arg in BACKUP_KEYCLOAK_PG_DUMP=*) dump=\${arg#*=} ;; esac; done
    staged=$FAKE_BACKUP_DIR/\${dump#/backups/}
    [ -s "$staged" ] || { echo "fake backup job: no staged pg_dump at $staged" >&2; exit 1; }
    folder=$FAKE_BACKUP_DIR/\${*: -1}
    folder=$FAKE_BACKUP_DIR/\${folder#"$FAKE_BACKUP_DIR"//backups/}
    mkdir -p "$folder/keycloak"
    cp "$staged" "$folder/keycloak/keycloak.pgdump"
    echo '{"format":1}' >"$folder/manifest.json"
    echo "[t] backup written" ;;
  *" exec -T keycloak-db pg_dump "*) printf 'PGDMP-from-the-fake' ;;
  *" exec -T keycloak-db pg_restore "*) cat >"$FAKE_DOCKER_STDIN" ;;
  *" backup restore --quiesced "*) echo "[t] user.profiles: 2 / 2"; echo "[t] bucket eventonight-media: 1 / 1 object(s)" ;;
esac
`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: string[];
}

describe('deploy/backup.sh and deploy/restore.sh (with a stand-in for docker)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'eventonight-backup-scripts-'));
  const deployment = join(tmp, 'deployment');
  const backups = join(deployment, 'backups');
  const bin = join(tmp, 'bin');
  const callLog = join(tmp, 'docker-calls.log');
  const stdinLog = join(tmp, 'pg_restore-stdin');

  before(() => {
    mkdirSync(join(deployment, 'deploy'), { recursive: true });
    for (const file of ['backup.sh', 'restore.sh', 'backup-lib.sh']) cpSync(join(root, 'deploy', file), join(deployment, 'deploy', file));
    writeFileSync(join(deployment, '.env'), 'IMAGE_TAG=1.4.2\nBACKUP_DIR=./backups\n');
    mkdirSync(bin);
    writeFileSync(join(bin, 'docker'), FAKE_DOCKER);
    chmodSync(join(bin, 'docker'), 0o755);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));
  beforeEach(() => {
    rmSync(backups, { recursive: true, force: true });
    rmSync(callLog, { force: true });
    rmSync(stdinLog, { force: true });
  });

  function run(script: string, args: string[] = [], env: Record<string, string> = {}): Run {
    const result = spawnSync('bash', [join(deployment, 'deploy', script), ...args], {
      cwd: tmp,
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, HOME: tmp, FAKE_DOCKER_LOG: callLog, FAKE_DOCKER_STDIN: stdinLog, FAKE_BACKUP_DIR: backups, ...env },
      timeout: 60_000,
    });
    const calls = existsSync(callLog) ? readFileSync(callLog, 'utf8').trim().split('\n') : [];
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
  }

  /** The calls in order, each matched by one pattern; fails naming the first that does not fit. */
  function assertCalls(calls: string[], expected: RegExp[]): void {
    assert.equal(calls.length, expected.length, `calls:\n${calls.join('\n')}`);
    expected.forEach((pattern, i) => assert.match(calls[i] ?? '', pattern, `call ${i + 1} of:\n${calls.join('\n')}`));
  }

  const job = String.raw`^compose --profile backup run --rm -T --no-deps --user \d+:\d+ `;
  const dated = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/;

  test('backup: quiesce, pg_dump, dump with the staged pg_dump, resume; one dated folder, old ones pruned', () => {
    mkdirSync(backups, { recursive: true });
    for (const old of ['2026-11-01T03-30-00Z', '2026-11-02T03-30-00Z', '2026-11-03T03-30-00Z', 'kept-by-hand']) mkdirSync(join(backups, old));
    const result = run('backup.sh', [], { BACKUP_KEEP: '2' });
    assert.equal(result.status, 0, result.stderr);
    assertCalls(result.calls, [
      new RegExp(`${job}backup quiesce$`),
      /^compose exec -T keycloak-db pg_dump -U keycloak -d keycloak --format=custom$/,
      new RegExp(`${job}-e BACKUP_KEYCLOAK_PG_DUMP=/backups/\\.staging-(\\S+)/keycloak\\.pgdump -e BACKUP_GIT_COMMIT=unknown backup backup --quiesced /backups/\\S+\\.partial$`),
      new RegExp(`${job}backup resume$`),
    ]);
    const made = readdirSync(backups).filter((name) => dated.test(name) && !name.startsWith('2026-11-0'));
    assert.equal(made.length, 1, readdirSync(backups).join(' '));
    const folder = join(backups, made[0] as string);
    assert.equal(readFileSync(join(folder, 'keycloak', 'keycloak.pgdump'), 'utf8'), 'PGDMP-from-the-fake');
    assert.ok(result.calls[2]?.includes(`/backups/${made[0]}.partial`), 'the job wrote into the run\'s own folder');
    assert.deepEqual(readdirSync(backups).sort(), ['2026-11-03T03-30-00Z', made[0], 'backup.log', 'kept-by-hand', 'metrics'].sort(), 'the newest 2 complete backups stay, no staging or partial folder is left');
    // The success's time, for Prometheus (docs/adr/0037): one sample, within this test's run.
    const recorded = /^eventonight_backup_last_success_timestamp_seconds (\d+)$/m.exec(readFileSync(join(backups, 'metrics', 'backup.prom'), 'utf8'));
    assert.ok(recorded, 'backup.prom holds the timestamp');
    assert.ok(Math.abs(Number(recorded[1]) - Date.now() / 1000) < 600);
    assert.match(result.stdout, new RegExp(`backup written to .*/backups/${made[0]} \\(log: `));
  });

  test('backup: a failed pg_dump still resumes, names the step in one line, leaves no folder and prunes nothing', () => {
    mkdirSync(join(backups, '2026-11-01T03-30-00Z'), { recursive: true });
    const result = run('backup.sh', [], { BACKUP_KEEP: '1', FAKE_DOCKER_FAIL: 'pg_dump' });
    assert.equal(result.status, 1);
    assertCalls(result.calls, [new RegExp(`${job}backup quiesce$`), /pg_dump/, new RegExp(`${job}backup resume$`)]);
    assert.equal(result.stderr.trim().split('\n').at(-1), `backup failed at step "Keycloak pg_dump" (exit 1); details in ${join(backups, 'backup.log')}`);
    assert.deepEqual(readdirSync(backups).sort(), ['2026-11-01T03-30-00Z', 'backup.log']);
  });

  test('backup: a failed quiesce names that step and still resumes', () => {
    const result = run('backup.sh', [], { FAKE_DOCKER_FAIL: 'backup quiesce' });
    assert.equal(result.status, 1);
    assertCalls(result.calls, [new RegExp(`${job}backup quiesce$`), new RegExp(`${job}backup resume$`)]);
    assert.match(result.stderr, /backup failed at step "quiesce every service and wait until outboxes and queues are empty" \(exit 1\)/);
  });

  test('backup: a resume that fails says writes are still paused and how to resume', () => {
    const result = run('backup.sh', [], { FAKE_DOCKER_FAIL: 'backup resume' });
    assert.equal(result.status, 1);
    assert.equal(result.calls.filter((call) => call.endsWith('backup resume')).length, 2, 'tried once more on the way out');
    assert.match(result.stderr, /could not resume every service, writes are still paused; run: docker compose --profile backup run --rm -T --no-deps backup resume/);
    assert.match(result.stderr, /backup failed at step "resume every service"/);
  });

  test('backup: a retention that is not a whole number stops it before anything runs', () => {
    const result = run('backup.sh', [], { BACKUP_KEEP: '0' });
    assert.equal(result.status, 1);
    assert.deepEqual(result.calls, []);
    assert.match(result.stderr, /^backup failed at step "settings": BACKUP_KEEP must be a whole number of backups, at least 1 \(got "0"\)$/m);
  });

  function aBackup(): string {
    const folder = join(backups, '2026-11-30T03-30-00Z');
    mkdirSync(join(folder, 'keycloak'), { recursive: true });
    writeFileSync(join(folder, 'keycloak', 'keycloak.pgdump'), 'PGDMP-of-the-backup');
    writeFileSync(join(folder, 'manifest.json'), '{"format":1}');
    return folder;
  }

  test('restore: verify, quiesce, restore, Keycloak stopped, pg_restore of the backup\'s dump, started, resume; counts shown', () => {
    const folder = aBackup();
    const result = run('restore.sh', [folder]);
    assert.equal(result.status, 0, result.stderr);
    assertCalls(result.calls, [
      new RegExp(`${job}backup verify /backups/2026-11-30T03-30-00Z$`),
      new RegExp(`${job}backup quiesce$`),
      new RegExp(`${job}backup restore --quiesced /backups/2026-11-30T03-30-00Z$`),
      /^compose stop keycloak$/,
      /^compose exec -T keycloak-db pg_restore -U keycloak -d keycloak --clean --if-exists --no-owner$/,
      /^compose start keycloak$/,
      new RegExp(`${job}backup resume$`),
    ]);
    assert.equal(readFileSync(stdinLog, 'utf8'), 'PGDMP-of-the-backup', 'pg_restore read the backup\'s dump');
    assert.match(result.stdout, /^ {2}user\.profiles: 2 \/ 2$/m);
    assert.match(result.stdout, /^ {2}bucket eventonight-media: 1 \/ 1 object\(s\)$/m);
  });

  test('restore: a count that differs fails the restore, leaves Keycloak alone and resumes', () => {
    const folder = aBackup();
    const result = run('restore.sh', [folder], { FAKE_DOCKER_FAIL: 'restore --quiesced' });
    assert.equal(result.status, 1);
    assertCalls(result.calls, [/backup verify /, /backup quiesce$/, /backup restore --quiesced /, new RegExp(`${job}backup resume$`)]);
    assert.match(result.stderr, /restore failed at step "replace every service database and the bucket, and compare the counts" \(exit 1\)/);
  });

  test('restore: a damaged backup is refused before anything is quiesced', () => {
    const folder = aBackup();
    const result = run('restore.sh', [folder], { FAKE_DOCKER_FAIL: 'backup verify' });
    assert.equal(result.status, 1);
    assertCalls(result.calls, [/backup verify /]);
    assert.match(result.stderr, /restore failed at step "verify every checksum against the manifest"/);
  });

  test('restore: a failed pg_restore starts Keycloak again and resumes', () => {
    const folder = aBackup();
    const result = run('restore.sh', [folder], { FAKE_DOCKER_FAIL: 'pg_restore' });
    assert.equal(result.status, 1);
    assert.deepEqual(result.calls.slice(-3).map((call) => call.replace(/^.* backup /, 'backup ')), [
      'compose exec -T keycloak-db pg_restore -U keycloak -d keycloak --clean --if-exists --no-owner',
      'compose start keycloak',
      'backup resume',
    ]);
    assert.match(result.stderr, /restore failed at step "Keycloak pg_restore"/);
  });

  test('restore: without BACKUP_DIR, or with a folder outside it, it stops without touching anything', () => {
    const outside = mkdtempSync(join(tmp, 'elsewhere-'));
    const noDir = run('restore.sh', [outside]);
    assert.equal(noDir.status, 1);
    assert.deepEqual(noDir.calls, []);
    assert.equal(noDir.stderr, `restore failed at step "settings": BACKUP_DIR ${backups} does not exist\n`);
    mkdirSync(backups);
    const result = run('restore.sh', [outside]);
    assert.equal(result.status, 1);
    assert.deepEqual(result.calls, []);
    assert.match(result.stderr, /is not inside BACKUP_DIR .*the only folder the backup job sees; copy it there/);
  });

  test('the systemd units run deploy/backup.sh once a day, and docs/deployment.md installs exactly them', () => {
    const unit = readFileSync(join(root, 'deploy', 'systemd', 'eventonight-backup.service'), 'utf8');
    const timer = readFileSync(join(root, 'deploy', 'systemd', 'eventonight-backup.timer'), 'utf8');
    const setting = (text: string, key: string) => [...text.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]);
    assert.deepEqual(setting(unit, 'Type'), ['oneshot']);
    assert.deepEqual(setting(unit, 'ExecStart'), [`${setting(unit, 'WorkingDirectory')[0]}/deploy/backup.sh`], 'runs the script of the deployment it works in');
    assert.deepEqual(setting(unit, 'Environment'), ['BACKUP_KEEP=14']);
    assert.match(setting(unit, 'TimeoutStartSec')[0] ?? '', /^\d+(h|min)$/, 'a stuck run is stopped (and its trap resumes the services)');
    assert.deepEqual(setting(timer, 'OnCalendar'), ['*-*-* 03:30:00 UTC'], 'daily');
    assert.deepEqual(setting(timer, 'Persistent'), ['true']);
    assert.deepEqual(setting(timer, 'WantedBy'), ['timers.target']);
    const deployment = readFileSync(join(root, 'docs', 'deployment.md'), 'utf8');
    assert.match(deployment, /^sudo cp deploy\/systemd\/eventonight-backup\.service deploy\/systemd\/eventonight-backup\.timer \/etc\/systemd\/system\/$/m);
    assert.match(deployment, /^sudo systemctl enable --now eventonight-backup\.timer$/m);
  });
});
