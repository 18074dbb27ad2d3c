import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger/logger.js';
import type { ServiceStats } from '../persistence/command-stats.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import { authorizeOpsRequest, isLoopback, opsAccessProblem, resolveOpsHost } from './ops-access.js';

/** What the operations listener reports and drives (ADR 0017). */
export interface QuiesceControl {
  quiesce(): Promise<void>;
  resume(): Promise<void>;
  status(): Promise<QuiesceStatus>;
}

export interface QuiesceStatus {
  quiesced: boolean;
  /** Outbox entries not yet confirmed by the broker, over every aggregate collection. */
  outboxPending: number;
  /** Whether the periodic jobs are scheduled (they are stopped while quiesced). */
  jobsRunning: boolean;
}

/** Where the listener binds (OPS_HOST: an address or a subnet) and the bearer token it requires (OPS_TOKEN). */
export interface OpsAccess {
  host?: string;
  token?: string;
}

export interface RunningOpsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The operations listener: `POST /quiesce`, `POST /resume`, `GET /quiesce`; `GET /stats` (time
 * waited per database command, when `DB_COMMAND_STATS` is on, and the process's CPU time and
 * memory) and `POST /stats/reset`, for benchmarks. On a port of its own, never routed by the
 * gateway. `GET /metrics` (when given `metrics`): the service's Prometheus metrics (ADR 0035).
 * Bound to 127.0.0.1 unless `access.host` says otherwise; off loopback it refuses to start
 * without a real token and then answers 401/403 to a request without it (ops-access.ts).
 */
export async function startOpsServer(
  port: number,
  control: QuiesceControl,
  stats: ServiceStats,
  logger: Logger,
  access: OpsAccess = {},
  metrics?: ServiceMetrics,
): Promise<RunningOpsServer> {
  const address = resolveOpsHost(access.host ?? '127.0.0.1');
  const problem = opsAccessProblem(address, access.token);
  if (problem !== undefined) throw new Error(problem);
  const reply = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const allowed = authorizeOpsRequest(req, access.token);
    if (allowed === 401) {
      res.setHeader('www-authenticate', 'Bearer');
      reply(res, 401, { error: 'this ops listener needs Authorization: Bearer <OPS_TOKEN>' });
      return;
    }
    if (allowed === 403) {
      reply(res, 403, { error: 'wrong ops token' });
      return;
    }
    const route = `${req.method ?? ''} ${(req.url ?? '').split('?')[0] ?? ''}`;
    if (route === 'GET /metrics' && metrics !== undefined) {
      const { contentType, body } = await metrics.exposition();
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
      return;
    }
    switch (route) {
      case 'POST /quiesce':
        await control.quiesce();
        logger.info('quiesced: writes answer 503, jobs stopped, outbox and consumers keep draining');
        break;
      case 'POST /resume':
        await control.resume();
        logger.info('resumed: writes accepted, jobs started');
        break;
      case 'GET /quiesce':
        break;
      case 'GET /stats':
        reply(res, 200, stats.snapshot());
        return;
      case 'POST /stats/reset':
        stats.reset();
        reply(res, 200, stats.snapshot());
        return;
      default:
        reply(res, 404, { error: `no ${route} here; use POST /quiesce, POST /resume, GET /quiesce, GET /stats, POST /stats/reset or GET /metrics` });
        return;
    }
    reply(res, 200, await control.status());
  };
  const server: Server = createServer((req, res) => {
    // The request body is ignored; reading it lets the connection be reused.
    req.resume();
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'ops request failed');
      if (!res.headersSent) reply(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  const url = `http://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`;
  logger.info({ url, token: access.token !== undefined }, isLoopback(address) ? 'ops listener (quiesce/resume) on loopback only' : 'ops listener (quiesce/resume), bearer token required');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
