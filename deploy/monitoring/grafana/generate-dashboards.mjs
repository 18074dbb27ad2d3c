// Writes Grafana's dashboards (deploy/monitoring/grafana/dashboards/*.json): one per service and
// one for the like and checkout paths. The JSON files are what Grafana provisions and what the
// repository keeps; this script is how they are changed (edit, run, commit both):
//
//   node deploy/monitoring/grafana/generate-dashboards.mjs
//
// A dashboard per service rather than one with a `job` variable: each can carry the panels only
// that service has (Stripe and webhooks for ticketing, Socket.IO for chat and notification), and a
// link to "the ticketing dashboard" always shows ticketing (docs/adr/0037).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const PROMETHEUS = { type: 'prometheus', uid: 'prometheus' };
const RATE = '$__rate_interval';

/** Services with their own panels beyond the common ones. */
const SERVICES = ['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media'];
const SOCKET_SERVICES = new Set(['chat', 'notification']);

/**
 * @typedef {{ expr: string, legend: string }} Query
 * @typedef {{ title: string, unit: string, queries: Query[], description?: string }} Graph
 */

/** @param {string} expr @param {string} legend @returns {Query} */
const q = (expr, legend) => ({ expr, legend });

/** @param {string} job @returns {Array<[string, Graph[]]>} */
function serviceRows(job) {
  const sel = `job="${job}"`;
  /** @type {Array<[string, Graph[]]>} */
  const rows = [
    [
      'HTTP',
      [
        { title: 'Requests per second by route', unit: 'reqps', queries: [q(`sum by (route) (rate(eventonight_http_requests_total{${sel}}[${RATE}]))`, '{{route}}')] },
        {
          title: 'Share of 5xx answers',
          unit: 'percentunit',
          queries: [q(`sum(rate(eventonight_http_requests_total{${sel}, status=~"5.."}[${RATE}])) / sum(rate(eventonight_http_requests_total{${sel}}[${RATE}]))`, '5xx')],
        },
        {
          title: 'p95 duration by route',
          unit: 's',
          queries: [q(`histogram_quantile(0.95, sum by (route, le) (rate(eventonight_http_request_duration_seconds_bucket{${sel}}[${RATE}])))`, '{{route}}')],
        },
        {
          title: 'Answers by status',
          unit: 'reqps',
          queries: [q(`sum by (status) (rate(eventonight_http_requests_total{${sel}}[${RATE}]))`, '{{status}}')],
        },
      ],
    ],
    [
      'Events: outbox, relay, consumer',
      [
        {
          title: 'Outbox: pending messages and the oldest one\'s age',
          unit: 'short',
          queries: [q(`sum(eventonight_outbox_pending_messages{${sel}})`, 'pending'), q(`max(eventonight_outbox_oldest_pending_age_seconds{${sel}})`, 'oldest age (s)')],
        },
        {
          title: 'Relay: published per second and p95 until the broker confirms',
          unit: 'short',
          queries: [
            q(`sum(rate(eventonight_relay_published_messages_total{${sel}}[${RATE}]))`, 'published/s'),
            q(`histogram_quantile(0.95, sum by (le) (rate(eventonight_relay_publish_duration_seconds_bucket{${sel}}[${RATE}])))`, 'p95 confirm (s)'),
          ],
        },
        {
          title: 'Consumed messages by outcome',
          unit: 'short',
          queries: [q(`sum by (outcome) (rate(eventonight_consumer_messages_total{${sel}}[${RATE}]))`, '{{outcome}}')],
        },
        {
          title: 'p95 handling time by event type',
          unit: 's',
          queries: [q(`histogram_quantile(0.95, sum by (event_type, le) (rate(eventonight_consumer_handling_duration_seconds_bucket{${sel}}[${RATE}])))`, '{{event_type}}')],
        },
        {
          title: 'Its queues: messages and consumers',
          unit: 'short',
          queries: [
            q(`sum by (queue) (rabbitmq_detailed_queue_messages{queue=~"${job}|${job}\\\\..+"})`, '{{queue}} messages'),
            q(`sum by (queue) (rabbitmq_detailed_queue_consumers{queue="${job}"})`, '{{queue}} consumers'),
          ],
        },
      ],
    ],
  ];
  if (job === 'ticketing') {
    rows.push([
      'Payments',
      [
        {
          title: 'Stripe calls: p95 by operation',
          unit: 's',
          queries: [q(`histogram_quantile(0.95, sum by (operation, le) (rate(eventonight_stripe_request_duration_seconds_bucket{${sel}}[${RATE}])))`, '{{operation}}')],
        },
        {
          title: 'Stripe calls by outcome',
          unit: 'reqps',
          queries: [q(`sum by (operation, outcome) (rate(eventonight_stripe_request_duration_seconds_count{${sel}}[${RATE}]))`, '{{operation}} {{outcome}}')],
        },
        {
          title: 'Webhooks: p95 from receipt to processed, and the oldest waiting',
          unit: 's',
          queries: [
            q(`histogram_quantile(0.95, sum by (le) (rate(eventonight_webhook_processing_delay_seconds_bucket{${sel}}[${RATE}])))`, 'p95 delay'),
            q(`max(eventonight_webhook_oldest_unprocessed_age_seconds{${sel}})`, 'oldest waiting'),
          ],
        },
      ],
    ]);
  }
  if (SOCKET_SERVICES.has(job)) {
    rows.push([
      'Socket.IO',
      [
        { title: 'Open connections', unit: 'short', queries: [q(`sum(eventonight_socketio_connections{${sel}})`, 'connections')] },
        { title: 'Pushes per second', unit: 'ops', queries: [q(`sum(rate(eventonight_socketio_pushes_total{${sel}}[${RATE}]))`, 'pushes/s')] },
      ],
    ]);
  }
  rows.push([
    'Caches and jobs',
    [
      {
        title: 'Cache hit ratio',
        unit: 'percentunit',
        queries: [
          q(`sum by (cache) (rate(eventonight_cache_requests_total{${sel}, result="hit"}[${RATE}])) / sum by (cache) (rate(eventonight_cache_requests_total{${sel}}[${RATE}]))`, '{{cache}}'),
        ],
      },
      {
        title: 'Periodic job runs by outcome',
        unit: 'short',
        queries: [q(`sum by (periodic_job, outcome) (increase(eventonight_job_runs_total{${sel}}[${RATE}]))`, '{{periodic_job}} {{outcome}}')],
      },
    ],
  ]);
  rows.push([
    'Process',
    [
      { title: 'Replicas up', unit: 'short', queries: [q(`sum(up{${sel}})`, 'up'), q(`count by (version) (eventonight_build_info{${sel}})`, 'version {{version}}')] },
      { title: 'CPU', unit: 'percentunit', queries: [q(`rate(process_cpu_seconds_total{${sel}}[${RATE}])`, '{{instance}}')] },
      { title: 'Resident memory', unit: 'bytes', queries: [q(`process_resident_memory_bytes{${sel}}`, '{{instance}}')] },
      { title: 'Event-loop lag p99', unit: 's', queries: [q(`nodejs_eventloop_lag_p99_seconds{${sel}}`, '{{instance}}')] },
    ],
  ]);
  return rows;
}

/** @returns {Array<[string, Graph[]]>} */
function pathRows() {
  const like = 'job="interaction", route=~".*/like"';
  const checkout = 'job="ticketing", route=~"/orders.*"';
  return [
    [
      'Like: HTTP → outbox → broker → notification → push',
      [
        { title: 'Likes per second (interaction)', unit: 'reqps', queries: [q(`sum by (method, status) (rate(eventonight_http_requests_total{${like}}[${RATE}]))`, '{{method}} {{status}}')] },
        { title: 'Like p95 (interaction)', unit: 's', queries: [q(`histogram_quantile(0.95, sum by (le) (rate(eventonight_http_request_duration_seconds_bucket{${like}}[${RATE}])))`, 'p95')] },
        {
          title: "interaction's outbox: oldest pending and p95 until the broker confirms",
          unit: 's',
          queries: [
            q('max(eventonight_outbox_oldest_pending_age_seconds{job="interaction"})', 'oldest pending'),
            q(`histogram_quantile(0.95, sum by (le) (rate(eventonight_relay_publish_duration_seconds_bucket{job="interaction"}[${RATE}])))`, 'p95 confirm'),
          ],
        },
        {
          title: 'notification: like events handled and p95 handling time',
          unit: 'short',
          queries: [
            q(`sum by (outcome) (rate(eventonight_consumer_messages_total{job="notification", event_type=~"interaction\\\\.like\\\\..+"}[${RATE}]))`, '{{outcome}}/s'),
            q(`histogram_quantile(0.95, sum by (le) (rate(eventonight_consumer_handling_duration_seconds_bucket{job="notification", event_type=~"interaction\\\\.like\\\\..+"}[${RATE}])))`, 'p95 handling (s)'),
          ],
        },
        { title: 'Socket.IO pushes per second (notification)', unit: 'ops', queries: [q(`sum(rate(eventonight_socketio_pushes_total{job="notification"}[${RATE}]))`, 'pushes/s')] },
        {
          title: 'Queues on the way: notification, interaction',
          unit: 'short',
          queries: [q('sum by (queue) (rabbitmq_detailed_queue_messages{queue=~"notification|interaction"})', '{{queue}}')],
        },
      ],
    ],
    [
      'Checkout: order → Stripe → webhook → ticket',
      [
        { title: 'Order requests per second (ticketing)', unit: 'reqps', queries: [q(`sum by (method, route, status) (rate(eventonight_http_requests_total{${checkout}}[${RATE}]))`, '{{method}} {{route}} {{status}}')] },
        { title: 'Order p95 (ticketing)', unit: 's', queries: [q(`histogram_quantile(0.95, sum by (method, le) (rate(eventonight_http_request_duration_seconds_bucket{${checkout}}[${RATE}])))`, '{{method}}')] },
        {
          title: 'Stripe p95 and failures',
          unit: 'short',
          queries: [
            q(`histogram_quantile(0.95, sum by (le) (rate(eventonight_stripe_request_duration_seconds_bucket{job="ticketing"}[${RATE}])))`, 'p95 (s)'),
            q(`sum(rate(eventonight_stripe_request_duration_seconds_count{job="ticketing", outcome="error"}[${RATE}]))`, 'errors/s'),
          ],
        },
        {
          title: 'Webhook: p95 from receipt to processed, oldest waiting',
          unit: 's',
          queries: [
            q(`histogram_quantile(0.95, sum by (le) (rate(eventonight_webhook_processing_delay_seconds_bucket{job="ticketing"}[${RATE}])))`, 'p95 delay'),
            q('max(eventonight_webhook_oldest_unprocessed_age_seconds{job="ticketing"})', 'oldest waiting'),
          ],
        },
        {
          title: "ticketing's outbox and the order events consumed downstream",
          unit: 'short',
          queries: [
            q('max(eventonight_outbox_oldest_pending_age_seconds{job="ticketing"})', 'oldest pending (s)'),
            q(`sum by (job, outcome) (rate(eventonight_consumer_messages_total{event_type=~"ticketing\\\\..+"}[${RATE}]))`, '{{job}} {{outcome}}/s'),
          ],
        },
      ],
    ],
    [
      'Health of the path',
      [
        { title: 'Services up', unit: 'short', queries: [q('sum by (job) (up{job=~"interaction|notification|ticketing"})', '{{job}}')] },
        { title: 'Dead-letter queues', unit: 'short', queries: [q('sum by (queue) (rabbitmq_detailed_queue_messages{queue=~".+\\\\.dlq"})', '{{queue}}')] },
      ],
    ],
  ];
}

/**
 * @param {string} uid @param {string} title @param {Array<[string, Graph[]]>} rows
 * @returns {Record<string, unknown>}
 */
function dashboard(uid, title, rows) {
  const panels = [];
  let id = 1;
  let y = 0;
  for (const [rowTitle, graphs] of rows) {
    panels.push({ id: id++, type: 'row', title: rowTitle, collapsed: false, gridPos: { h: 1, w: 24, x: 0, y }, panels: [] });
    y += 1;
    graphs.forEach((graph, index) => {
      panels.push({
        id: id++,
        type: 'timeseries',
        title: graph.title,
        datasource: PROMETHEUS,
        gridPos: { h: 8, w: 12, x: (index % 2) * 12, y: y + Math.floor(index / 2) * 8 },
        fieldConfig: { defaults: { unit: graph.unit }, overrides: [] },
        options: { legend: { displayMode: 'list', placement: 'bottom' }, tooltip: { mode: 'multi' } },
        targets: graph.queries.map((query, refIndex) => ({
          refId: String.fromCharCode(65 + refIndex),
          datasource: PROMETHEUS,
          expr: query.expr,
          legendFormat: query.legend,
        })),
      });
    });
    y += Math.ceil(graphs.length / 2) * 8;
  }
  return {
    uid,
    title,
    tags: ['eventonight'],
    timezone: 'browser',
    schemaVersion: 39,
    version: 1,
    editable: false,
    refresh: '30s',
    time: { from: 'now-3h', to: 'now' },
    links: [{ title: 'Traces (Jaeger)', type: 'link', url: '/explore?left={"datasource":"jaeger"}', targetBlank: false }],
    panels,
  };
}

/** @returns {Map<string, Record<string, unknown>>} file name → dashboard */
export function dashboards() {
  const all = new Map();
  for (const service of SERVICES) all.set(`service-${service}.json`, dashboard(`eventonight-${service}`, `EventoNight · ${service}`, serviceRows(service)));
  all.set('like-and-checkout.json', dashboard('eventonight-paths', 'EventoNight · like and checkout paths', pathRows()));
  return all;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = join(import.meta.dirname, 'dashboards');
  mkdirSync(dir, { recursive: true });
  for (const [file, board] of dashboards()) writeFileSync(join(dir, file), `${JSON.stringify(board, null, 2)}\n`);
}
