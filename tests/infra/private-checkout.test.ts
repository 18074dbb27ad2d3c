/**
 * infra/ in a checkout that only root can reach: below a 0700 directory (as root's home is), on a
 * deep path with spaces. PostgreSQL drops to the `postgres` user, which cannot enter such a
 * checkout, so its cluster must live elsewhere (docs/adr/0003). Also: a server that cannot start
 * makes `ctl.sh start` fail with a line naming it and its log, followed by the log's last lines.
 *
 * The copy of infra/ runs on ports of its own with the cached binaries (nothing is built), so it
 * never touches the servers `npm run up` started.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, truncateSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MongoClient } from 'mongodb';
import { freePort } from '@eventonight/testing';

const root = resolve(import.meta.dirname, '../..');
const cache = process.env['EVENTONIGHT_CACHE'] ?? join(homedir(), '.cache', 'eventonight');

const privateParent = mkdtempSync(join(tmpdir(), 'en-private-'));
const checkout = join(privateParent, 'my projects', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'event night (clone)');
const ctl = join(checkout, 'infra', 'ctl.sh');

interface Ports {
  postgres: number;
  ferretdb: number;
  ferretdbDebug: number;
}

/** Only what a fresh shell has, plus the cache and our ports: nothing from the running infra's env.sh. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: homedir(), EVENTONIGHT_CACHE: cache };
  return { ...env, ...extra };
}

function runCtl(args: string[], extra: Record<string, string>): SpawnSyncReturns<string> {
  return spawnSync('bash', [ctl, ...args], { env: cleanEnv(extra), encoding: 'utf8', timeout: 180_000 });
}

function portEnv(ports: Ports): Record<string, string> {
  return {
    EN_POSTGRES_PORT: String(ports.postgres),
    EN_FERRETDB_PORT: String(ports.ferretdb),
    EN_FERRETDB_DEBUG_PORT: String(ports.ferretdbDebug),
  };
}

describe('infra/ in a checkout below a private directory', () => {
  let ports: Ports;

  before(async () => {
    mkdirSync(checkout, { recursive: true });
    chmodSync(privateParent, 0o700);
    cpSync(join(root, 'infra'), join(checkout, 'infra'), { recursive: true });
    ports = { postgres: await freePort(), ferretdb: await freePort(), ferretdbDebug: await freePort() };
  });

  after(() => {
    runCtl(['stop', 'postgres', 'ferretdb'], portEnv(ports));
    const dataLink = join(checkout, '.infra', 'postgres', 'data');
    // The cluster lives outside the checkout: remove this clone's directory there too.
    if (existsSync(dataLink)) rmSync(dirname(dirname(realpathSync(dataLink))), { recursive: true, force: true });
    rmSync(privateParent, { recursive: true, force: true });
  });

  test('the postgres user cannot enter the checkout (the condition under test holds)', () => {
    const probe = spawnSync('setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', 'test', '-x', checkout]);
    assert.notEqual(probe.status, 0);
  });

  test('PostgreSQL and FerretDB start there with the cached binaries and serve documents', async () => {
    const started = runCtl(['start', 'postgres', 'ferretdb'], portEnv(ports));
    assert.equal(started.status, 0, started.stderr);
    assert.match(started.stderr, /postgres: healthy/);
    assert.match(started.stderr, /ferretdb: healthy/);

    const client = new MongoClient(`mongodb://127.0.0.1:${ports.ferretdb}`, { serverSelectionTimeoutMS: 10_000 });
    try {
      const things = client.db('private_checkout').collection<{ _id: string; n: number }>('things');
      await things.insertOne({ _id: 'one', n: 1 });
      assert.deepEqual(await things.findOne({ _id: 'one' }), { _id: 'one', n: 1 });
    } finally {
      await client.close();
    }
  });

  test('a second start of a healthy pair changes nothing', () => {
    const again = runCtl(['start', 'postgres', 'ferretdb'], portEnv(ports));
    assert.equal(again.status, 0, again.stderr);
    assert.doesNotMatch(again.stderr, /starting/);
  });

  test('a corrupt cluster stops the start with the named error, its log and the reason from the log', () => {
    const stopped = runCtl(['stop', 'postgres', 'ferretdb'], portEnv(ports));
    assert.equal(stopped.status, 0, stopped.stderr);
    truncateSync(join(checkout, '.infra', 'postgres', 'data', 'global', 'pg_control'), 0);

    const failed = runCtl(['start', 'postgres'], portEnv(ports));
    assert.notEqual(failed.status, 0);
    const log = join(checkout, '.infra', 'postgres', 'postgres.log');
    const lines = failed.stderr.trimEnd().split('\n');
    const errorAt = lines.findIndex((line) => line.startsWith('[infra] ERROR: postgres exited during start'));
    assert.ok(errorAt >= 0, failed.stderr);
    assert.ok(lines[errorAt]?.includes(`(log: ${log})`), lines[errorAt]);
    // The log's tail comes after the error line and carries PostgreSQL's own reason.
    assert.match(lines.slice(errorAt + 1).join('\n'), /pg_control/);
  });
});

describe('infra/ctl.sh start with the port taken', () => {
  let holder: Server;
  let port: number;
  const state = mkdtempSync(join(tmpdir(), 'en-port-taken-'));

  before(async () => {
    holder = createServer();
    await new Promise<void>((done) => holder.listen(0, '127.0.0.1', done));
    const address = holder.address();
    assert.ok(address !== null && typeof address === 'object');
    port = address.port;
  });

  after(() => {
    holder.close();
    rmSync(state, { recursive: true, force: true });
  });

  test('fails with a line naming the server, the port, the process holding it and the log', () => {
    const failed = spawnSync('bash', [join(root, 'infra', 'ctl.sh'), 'start', 'stripe-mock'], {
      env: cleanEnv({ EN_STATE: state, EN_STRIPE_MOCK_HTTP_PORT: String(port) }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.notEqual(failed.status, 0);
    assert.match(
      failed.stderr,
      new RegExp(`\\[infra\\] ERROR: stripe-mock: port ${port} is already in use by another process \\(pid ${process.pid}\\).*\\(log: ${state}/stripe-mock/stripe-mock.log\\)`),
    );
  });
});
