import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { registerAccount, SERVICE_NAMES, startSystem, type Account, type RunningSystem, type ServiceName } from '@eventonight/testing';

/**
 * Issue 26: the API is what its OpenAPI documents say. Schemathesis (pinned in
 * infra/schemathesis/requirements.txt, installed by infra/setup.sh) runs every check and every
 * phase, stateful included, against each service of a running platform: once with a fixed seed
 * and an organization's token, once with a random seed (printed) and a member's token, each run
 * with an account of its own (a run may delete its account: DELETE /users/me is an operation).
 * Its report is printed; the test fails on any failure it finds.
 *   EN_CONFORMANCE_SERVICES=event,media   only these services
 *   EN_CONFORMANCE_SEED=123               the second run's seed, to reproduce one
 */

const FIXED_SEED = 20261207;
const MAX_EXAMPLES = 20;
/** A run must end before its access token does (the realm's 5 minutes, less a margin). */
const TOKEN_SECONDS = 280;
const configFile = fileURLToPath(new URL('./schemathesis.toml', import.meta.url));

function schemathesisBinary(): string {
  const home = process.env['EN_SCHEMATHESIS_HOME'];
  if (home === undefined || home === '') throw new Error('EN_SCHEMATHESIS_HOME is not set: run this through npm test (infra/env.sh sets it)');
  return join(home, 'bin', 'schemathesis');
}

function selectedServices(): ServiceName[] {
  const wanted = process.env['EN_CONFORMANCE_SERVICES'];
  if (wanted === undefined || wanted.trim() === '') return [...SERVICE_NAMES];
  const names = wanted.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(SERVICE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`EN_CONFORMANCE_SERVICES names no service: ${unknown.join(', ')}`);
  return names as ServiceName[];
}

function randomSeed(): number {
  const given = process.env['EN_CONFORMANCE_SEED'];
  return given === undefined || given === '' ? randomInt(1, 2 ** 31) : Number(given);
}

interface Run {
  exitCode: number | null;
  output: string;
}

/** One Schemathesis run against one service; its whole report comes back as text. */
function runSchemathesis(baseUrl: string, token: string, seed: number): Promise<Run> {
  const args = [
    '--config-file', configFile, '--no-color',
    'run', `${baseUrl}/openapi.json`, '--url', baseUrl,
    '--header', `Authorization: Bearer ${token}`,
    '--checks', 'all',
    '--max-examples', String(MAX_EXAMPLES),
    '--seed', String(seed),
    '--workers', '1',
    '--request-timeout', '20',
    // No example database between runs: a seed alone reproduces a run.
    '--generation-database', 'none',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(schemathesisBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, COLUMNS: '120' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, output }));
  });
}

describe('the API is what its OpenAPI documents say (Schemathesis, every check, stateful included)', { timeout: 1_800_000 }, () => {
  let system: RunningSystem;
  const seed = randomSeed();

  before(async () => {
    system = await startSystem({ logLevel: 'warn' });
    console.log(`schemathesis seeds: ${FIXED_SEED} (fixed, organization) and ${seed} (random, member; EN_CONFORMANCE_SEED=${seed} repeats it)`);
  });

  function organization(): Promise<Account> {
    return registerAccount(system.url('user'), { role: 'organization', displayName: 'Conformance Org', organization: { name: 'Conformance Org' } });
  }

  function member(): Promise<Account> {
    return registerAccount(system.url('user'), { role: 'member', displayName: 'Conformance Member' });
  }

  after(async () => {
    await system?.stop();
  });

  for (const service of selectedServices()) {
    it(`${service}: no failure with the fixed seed as an organization and a random seed as a member`, async () => {
      const runs: Array<{ who: string; seed: number; account: () => Promise<Account> }> = [
        { who: 'organization', seed: FIXED_SEED, account: organization },
        { who: 'member', seed, account: member },
      ];
      const failed: string[] = [];
      for (const run of runs) {
        const account = await run.account();
        const started = Date.now();
        const result = await runSchemathesis(system.url(service), await account.token(), run.seed);
        const seconds = Math.round((Date.now() - started) / 1000);
        console.log(`\n===== schemathesis: ${service}, ${run.who}, seed ${run.seed}, ${seconds} s =====\n${result.output}`);
        if (result.exitCode !== 0) failed.push(`${run.who} (seed ${run.seed}, exit ${result.exitCode})`);
        // The token lives 5 minutes: past that, the rest of the run saw 401s only and tested nothing.
        if (seconds > TOKEN_SECONDS) failed.push(`${run.who} (seed ${run.seed}) ran ${seconds} s, longer than its token lives`);
      }
      assert.deepEqual(failed, [], `schemathesis found failures in ${service}: ${failed.join('; ')} (report above; service log: ${system.logDir}/${service}.log)`);
      // What a fuzzer's statuses may not show: the handler threw a problem its operation does not list.
      const undeclared = readFileSync(join(system.logDir, `${service}.log`), 'utf8')
        .split('\n')
        .filter((line) => line.includes('its OpenAPI operation does not declare'));
      assert.deepEqual(undeclared, [], `${service} answered problems its document does not declare`);
    });
  }
});
