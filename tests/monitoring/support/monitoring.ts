/**
 * The local monitoring servers as the tests see them (infra/env.sh): Prometheus' HTTP API, the
 * webhook Alertmanager delivers every notification to, and the file_sd directory through which a
 * test adds a scrape target of its own.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { promisify } from 'node:util';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const prometheusUrl = process.env['PROMETHEUS_URL'] ?? 'http://127.0.0.1:9090';
export const alertmanagerUrl = process.env['ALERTMANAGER_URL'] ?? 'http://127.0.0.1:9093';
const webhookPort = Number(process.env['EN_ALERT_WEBHOOK_PORT'] ?? '9097');
const state = process.env['EN_STATE'] ?? join(repoRoot, '.infra');
/** Prometheus' file_sd directory (infra/ctl.sh): a JSON file dropped here is a scrape target within a second. */
export const targetsDir = join(state, 'prometheus', 'targets');
const bin = process.env['EN_BIN'] ?? join(process.env['EVENTONIGHT_CACHE'] ?? join(homedir(), '.cache', 'eventonight'), 'bin');
export const promtool = join(bin, 'promtool');
export const amtool = join(bin, 'amtool');
export const jaeger = join(bin, 'jaeger');

const run = promisify(execFile);

/** `infra/ctl.sh start <servers>`: leaves healthy ones alone, so it is cheap when `npm run up` started them. */
export async function startMonitoringServers(...servers: Array<'prometheus' | 'alertmanager' | 'jaeger'>): Promise<void> {
  await run('bash', [join(repoRoot, 'infra', 'ctl.sh'), 'start', ...servers], { timeout: 180_000 });
}

interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** An instant query's vector result. */
export async function queryVector(expr: string): Promise<VectorSample[]> {
  const reply = await fetch(`${prometheusUrl}/api/v1/query?${new URLSearchParams({ query: expr })}`);
  const body = (await reply.json()) as { status: string; error?: string; data?: { resultType: string; result: VectorSample[] } };
  if (body.status !== 'success' || body.data?.resultType !== 'vector') throw new Error(`query ${expr} failed: ${body.error ?? reply.status}`);
  return body.data.result;
}

export interface Notification {
  status: 'firing' | 'resolved';
  alerts: Array<{ status: 'firing' | 'resolved'; labels: Record<string, string>; annotations: Record<string, string> }>;
}

/** The receiver Alertmanager's webhook (EN_ALERT_WEBHOOK_URL) points at: keeps every notification. */
export class WebhookReceiver {
  readonly notifications: Notification[] = [];
  private readonly server: Server;

  private constructor() {
    this.server = createServer((request, response) => {
      void readBody(request).then((body) => {
        this.notifications.push(JSON.parse(body) as Notification);
        response.writeHead(200).end();
      });
    });
  }

  static async listen(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((done, fail) => {
      receiver.server.once('error', fail);
      receiver.server.listen(webhookPort, '127.0.0.1', done);
    });
    return receiver;
  }

  /** The first alert delivered with this status whose labels include all of `labels`. */
  find(status: 'firing' | 'resolved', labels: Record<string, string>): Notification['alerts'][number] | undefined {
    for (const notification of this.notifications) {
      for (const alert of notification.alerts) {
        if (alert.status === status && Object.entries(labels).every(([name, value]) => alert.labels[name] === value)) return alert;
      }
    }
    return undefined;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
