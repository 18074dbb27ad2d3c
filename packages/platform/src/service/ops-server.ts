import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger/logger.js';
import type { ServiceStats } from '../persistence/command-stats.js';

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

export interface RunningOpsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The operations listener: `POST /quiesce`, `POST /resume`, `GET /quiesce`; `GET /stats` (time
 * waited per database command, when `DB_COMMAND_STATS` is on, and the process's CPU time and
 * memory) and `POST /stats/reset`, for benchmarks. Bound to 127.0.0.1
 * only, on a port of its own, so it is never reachable through the gateway or the network; in
 * production an operator reaches it from inside the container (`docker compose exec`).
 */
export async function startOpsServer(port: number, control: QuiesceControl, stats: ServiceStats, logger: Logger): Promise<RunningOpsServer> {
  const reply = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const route = `${req.method ?? ''} ${(req.url ?? '').split('?')[0] ?? ''}`;
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
        reply(res, 404, { error: `no ${route} here; use POST /quiesce, POST /resume, GET /quiesce, GET /stats or POST /stats/reset` });
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
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  logger.info({ url }, 'ops listener (quiesce/resume) on loopback only');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
