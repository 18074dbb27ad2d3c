/**
 * Grafana's dashboards (deploy/monitoring/grafana/dashboards) cannot be loaded here (no Grafana
 * builds on this machine, docs/adr/0037), so their queries are checked where they run: every
 * PromQL expression parses in the real Prometheus (its /api/v1/parse_query), and names only the
 * metrics the services export (docs/adr/0035), RabbitMQ's, the backup's, prom-client's defaults,
 * `up` or a recording rule of alerts.yml. The files are what the generator writes.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { prometheusUrl, repoRoot, startMonitoringServers } from './support/monitoring.js';

const run = promisify(execFile);
const grafanaDir = join(repoRoot, 'deploy', 'monitoring', 'grafana');
const dashboardsDir = join(grafanaDir, 'dashboards');
const SERVICES = ['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media'];

/** The metric names agreed for issue 28 (docs/adr/0035), histograms with their series. */
const COUNTERS_AND_GAUGES = [
  'eventonight_http_requests_total',
  'eventonight_outbox_pending_messages',
  'eventonight_outbox_oldest_pending_age_seconds',
  'eventonight_relay_published_messages_total',
  'eventonight_consumer_messages_total',
  'eventonight_webhook_oldest_unprocessed_age_seconds',
  'eventonight_socketio_connections',
  'eventonight_socketio_pushes_total',
  'eventonight_cache_requests_total',
  'eventonight_job_runs_total',
  'eventonight_build_info',
  'eventonight_backup_last_success_timestamp_seconds',
  'up',
];
const HISTOGRAMS = [
  'eventonight_http_request_duration_seconds',
  'eventonight_relay_publish_duration_seconds',
  'eventonight_consumer_handling_duration_seconds',
  'eventonight_stripe_request_duration_seconds',
  'eventonight_webhook_processing_delay_seconds',
];
const recordingRules = [...readFileSync(join(repoRoot, 'deploy/monitoring/prometheus/alerts.yml'), 'utf8').matchAll(/record: (\S+)/g)].map((m) => m[1] ?? '');
const KNOWN = new Set([...COUNTERS_AND_GAUGES, ...HISTOGRAMS.flatMap((h) => [`${h}_bucket`, `${h}_sum`, `${h}_count`]), ...recordingRules]);
/** prom-client's default metrics and RabbitMQ's plugin. */
const KNOWN_PREFIXES = ['process_', 'nodejs_', 'rabbitmq_'];

interface Panel {
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: Array<{ expr: string; datasource?: { uid: string } }>;
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
}

function readDashboards(): Map<string, Dashboard> {
  const boards = new Map<string, Dashboard>();
  for (const file of readdirSync(dashboardsDir).filter((name) => name.endsWith('.json')).sort()) {
    boards.set(file, JSON.parse(readFileSync(join(dashboardsDir, file), 'utf8')) as Dashboard);
  }
  return boards;
}

function panelsOf(board: Dashboard): Panel[] {
  return board.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
}

/** Grafana's own variables, replaced by what Grafana would put there. */
function asPromql(expr: string): string {
  return expr.replaceAll('$__rate_interval', '1m').replaceAll('$__interval', '15s').replaceAll('$__range', '1h');
}

/** The metric names an expression selects, from Prometheus' own parse tree. */
function selectedMetrics(node: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const child of node) selectedMetrics(child, into);
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const selector = record['type'] === 'vectorSelector' || record['type'] === 'matrixSelector';
    if (selector && typeof record['name'] === 'string' && record['name'] !== '') into.add(record['name']);
    for (const value of Object.values(record)) selectedMetrics(value, into);
  }
  return into;
}

describe('Grafana dashboards', () => {
  const boards = readDashboards();

  before(async () => {
    await startMonitoringServers('prometheus');
  });

  test('one per service and one for the like and checkout paths, with unique uids', () => {
    assert.deepEqual([...boards.keys()], ['like-and-checkout.json', ...SERVICES.map((service) => `service-${service}.json`).sort()]);
    const uids = [...boards.values()].map((board) => board.uid);
    assert.equal(new Set(uids).size, uids.length);
  });

  test('are what generate-dashboards.mjs writes', async () => {
    const { stdout } = await run(process.execPath, [
      '--input-type=module',
      '-e',
      `import { dashboards } from ${JSON.stringify(join(grafanaDir, 'generate-dashboards.mjs'))};
       process.stdout.write(JSON.stringify(Object.fromEntries([...dashboards()].map(([file, board]) => [file, JSON.stringify(board, null, 2) + '\\n']))));`,
    ]);
    const generated = JSON.parse(stdout) as Record<string, string>;
    for (const [file, text] of Object.entries(generated)) {
      assert.equal(readFileSync(join(dashboardsDir, file), 'utf8'), text, `${file} differs from the generator's output: run it and commit`);
    }
  });

  test('each service dashboard shows only its own job', () => {
    for (const service of SERVICES) {
      const board = boards.get(`service-${service}.json`);
      assert.ok(board);
      for (const panel of panelsOf(board)) {
        for (const target of panel.targets ?? []) {
          for (const job of target.expr.matchAll(/job="([^"]+)"/g)) assert.equal(job[1], service, `${board.title} / ${panel.title}`);
        }
      }
    }
  });

  test('every query parses in Prometheus and names only known metrics, from the provisioned data source', async () => {
    const datasources = readFileSync(join(grafanaDir, 'provisioning/datasources/datasources.yml'), 'utf8');
    let queries = 0;
    const named = new Set<string>();
    for (const [file, board] of boards) {
      for (const panel of panelsOf(board)) {
        for (const target of panel.targets ?? []) {
          queries += 1;
          assert.match(datasources, new RegExp(`uid: ${target.datasource?.uid ?? panel.datasource?.uid ?? 'none'}\\n`), `${file}: ${panel.title}`);
          const reply = await fetch(`${prometheusUrl}/api/v1/parse_query`, {
            method: 'POST',
            body: new URLSearchParams({ query: asPromql(target.expr) }),
          });
          const body = (await reply.json()) as { status: string; error?: string; data?: unknown };
          assert.equal(body.status, 'success', `${file} / ${panel.title}: ${body.error ?? ''}\n${target.expr}`);
          for (const metric of selectedMetrics(body.data)) {
            named.add(metric);
            assert.ok(
              KNOWN.has(metric) || KNOWN_PREFIXES.some((prefix) => metric.startsWith(prefix)),
              `${file} / ${panel.title} names ${metric}, which nothing exports`,
            );
          }
        }
      }
    }
    assert.ok(queries > 50, `only ${queries} queries found`);
    // The parse trees were read: the main series are among the names found.
    for (const metric of ['eventonight_http_requests_total', 'eventonight_http_request_duration_seconds_bucket', 'rabbitmq_detailed_queue_messages', 'up']) {
      assert.ok(named.has(metric), `${metric} not found in any query`);
    }
  });
});
