/**
 * The alert rules (deploy/monitoring/prometheus/alerts.yml) are valid and behave as their unit
 * tests say (`promtool test rules`, with the promtool infra/setup.sh built); production's
 * Prometheus configuration passes `promtool check config`; and the local copy of the rules differs
 * from production's only in its `for:` waits (infra/prometheus-local-rules.mjs).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { amtool, jaeger, promtool, repoRoot } from './support/monitoring.js';

const run = promisify(execFile);
const prometheusDir = join(repoRoot, 'deploy', 'monitoring', 'prometheus');
const rulesFile = join(prometheusDir, 'alerts.yml');

async function toolSays(tool: string, args: string[], cwd = prometheusDir): Promise<string> {
  try {
    const { stdout, stderr } = await run(tool, args, { cwd, timeout: 120_000 });
    return stdout + stderr;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    assert.fail(`${tool} ${args.join(' ')} failed:\n${failed.stdout ?? ''}${failed.stderr ?? String(error)}`);
  }
}
const promtoolSays = (...args: string[]): Promise<string> => toolSays(promtool, args);

describe('alert rules', () => {
  test('pass promtool check rules', async () => {
    assert.match(await promtoolSays('check', 'rules', 'alerts.yml'), /SUCCESS: \d+ rules found/);
  });

  test('fire and stay quiet as their unit tests expect (promtool test rules)', async () => {
    assert.match(await promtoolSays('test', 'rules', 'alerts.test.yml'), /SUCCESS/);
  });

  test('every alert has a severity, a summary, a description and a runbook section that exists', () => {
    const runbook = readFileSync(join(repoRoot, 'docs', 'runbook.md'), 'utf8');
    const anchors = new Set([...runbook.matchAll(/^#+ (.+)$/gm)].map((match) => githubAnchor(match[1] ?? '')));
    const alerts = readFileSync(rulesFile, 'utf8').split(/^\s+- (?=alert:|record:)/m).filter((rule) => rule.startsWith('alert:'));
    assert.ok(alerts.length >= 10, `only ${alerts.length} alerts found`);
    for (const alert of alerts) {
      const name = /^alert: (\w+)/.exec(alert)?.[1];
      assert.match(alert, /severity: (critical|warning)/, `${name} has no severity`);
      assert.match(alert, /summary: /, `${name} has no summary`);
      assert.match(alert, /description: /, `${name} has no description`);
      const runbookUrl = /runbook_url: docs\/runbook\.md#([\w-]+)/.exec(alert)?.[1];
      assert.ok(runbookUrl && anchors.has(runbookUrl), `${name}'s runbook_url names no section of docs/runbook.md`);
    }
  });
});

describe('the local copy of the rules (infra/prometheus-local-rules.mjs)', () => {
  const transform = join(repoRoot, 'infra', 'prometheus-local-rules.mjs');

  test('waits 5 s wherever production waits, and changes nothing else', async () => {
    const production = readFileSync(rulesFile, 'utf8');
    const { stdout: local } = await run(process.execPath, [transform, rulesFile, '5s']);
    const productionLines = production.split('\n');
    const localLines = local.split('\n');
    assert.equal(localLines.length, productionLines.length);
    const changed = localLines.filter((line, index) => line !== productionLines[index]);
    assert.ok(changed.length > 0);
    for (const line of changed) assert.match(line, /^\s+for: 5s$/);
    assert.equal(changed.length, productionLines.filter((line) => /^\s+for: /.test(line)).length);
  });

  test('refuses a wait that is not a Prometheus duration', async () => {
    await assert.rejects(run(process.execPath, [transform, rulesFile, '5 seconds']), /not a Prometheus duration/);
  });
});

describe("production's Prometheus configuration", () => {
  for (const file of ['prometheus.yml', 'prometheus-swarm.yml']) {
    test(`${file} passes promtool check config`, async () => {
      // --syntax-only: the rule and token files it names exist only inside the container.
      assert.match(await promtoolSays('check', 'config', '--syntax-only', file), /SUCCESS/);
    });
  }
});

describe("production's Alertmanager and Jaeger configurations", () => {
  const monitoringDir = join(repoRoot, 'deploy', 'monitoring');

  test('alertmanager.yml passes amtool check-config, with one webhook receiver read from its secret', async () => {
    assert.match(await toolSays(amtool, ['check-config', 'alertmanager/alertmanager.yml'], monitoringDir), /SUCCESS[\s\S]*1 receivers/);
    assert.match(readFileSync(join(monitoringDir, 'alertmanager', 'alertmanager.yml'), 'utf8'), /url_file: \/run\/secrets\/alertmanager_webhook/);
  });

  test('jaeger/config.yml passes jaeger validate', async () => {
    await toolSays(jaeger, ['validate', '--config=jaeger/config.yml'], monitoringDir);
  });
});

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');
}
