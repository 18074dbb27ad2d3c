/**
 * A built service as production runs it (`node dist/main.js`, configured by env, a process of
 * its own) with its ops listener on, for benchmarks that read the service's own cost
 * (`GET /stats`, `POST /stats/reset` with `DB_COMMAND_STATS=1`) apart from their clients'.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { freePort } from './http.js';
import { waitFor } from './wait.js';

export interface ServiceProcess {
  url: string;
  /** Its ops listener: `GET /stats` (database waits and CPU), `POST /stats/reset`. */
  opsUrl: string;
  pid: number;
  /** SIGTERM, then waits for the exit (the service drains its sockets and consumers first). */
  stop(): Promise<void>;
}

/**
 * `BENCH_SERVICE_NODE_OPTIONS` as the `NODE_OPTIONS` of a service a benchmark starts (for
 * example `--cpu-prof`), or nothing when it is not set.
 */
export function benchServiceNodeOptions(): { NODE_OPTIONS?: string } {
  const options = process.env['BENCH_SERVICE_NODE_OPTIONS'];
  return options === undefined ? {} : { NODE_OPTIONS: options };
}

/**
 * Starts `mainJs` with `env`, then LOG_LEVEL (`BENCH_LOG_LEVEL`, default warn) and
 * `DB_COMMAND_STATS=1`, then `extra`, then PORT and OPS_PORT (free ports), and waits for `/ready`. Its log lines go to
 * stderr, never stdout (kept for a benchmark's JSON line); with `onLogLine` they are parsed and
 * handed over, and only warnings and worse are passed on to stderr.
 */
export async function spawnServiceProcess(options: {
  mainJs: string;
  /** For messages: which service this is. */
  label: string;
  env: Record<string, string>;
  extra?: Record<string, string>;
  onLogLine?: (line: Record<string, unknown>) => void;
}): Promise<ServiceProcess> {
  const { mainJs, label, onLogLine } = options;
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: build first (npx turbo run build)`);
  const port = await freePort();
  const opsPort = await freePort();
  const env = {
    PATH: process.env['PATH'] ?? '',
    ...benchServiceNodeOptions(),
    ...options.env,
    LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
    DB_COMMAND_STATS: '1',
    ...options.extra,
    PORT: String(port),
    OPS_PORT: String(opsPort),
  };
  const child: ChildProcess = spawn(process.execPath, [mainJs], { env, stdio: ['ignore', onLogLine === undefined ? 2 : 'pipe', 2] });
  if (onLogLine !== undefined && child.stdout !== null) {
    createInterface({ input: child.stdout }).on('line', (text) => {
      let line: Record<string, unknown> | undefined;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        line = undefined;
      }
      if (line === undefined || Number(line['level']) >= 40) process.stderr.write(`${text}\n`);
      if (line !== undefined) onLogLine(line);
    });
  }
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`the ${label} service exited with code ${child.exitCode}`);
        const reply = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
        return reply?.status === 200 ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: `the ${label} service to become ready` },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  if (child.pid === undefined) throw new Error(`the ${label} service has no pid`);
  return {
    url,
    opsUrl: `http://127.0.0.1:${opsPort}`,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
