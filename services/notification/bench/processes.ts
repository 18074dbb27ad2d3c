/**
 * The processes of the notification benchmarks: the service as production runs it (its built
 * `dist/main.js`, configured by env, a process of its own) and the child processes holding the
 * Socket.IO clients. Progress goes to stderr; stdout is kept for the one JSON line.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serviceTestEnv, spawnServiceProcess, type ServiceProcess, type TestIssuer } from '@eventonight/testing';
import type { BenchUser, FromWorker, Receipt, ToWorker } from './worker-protocol.js';

export type { ServiceProcess };

const MAIN_JS = fileURLToPath(new URL('../dist/main.js', import.meta.url));
/** A replica that consumes nothing (`consume: false`), configured the same way (bench:notify:replicas). */
const SOCKET_ONLY_MAIN_JS = fileURLToPath(new URL('./socket-only-main.mjs', import.meta.url));
const WORKER = fileURLToPath(new URL('./socket-worker.ts', import.meta.url));

export function progress(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** A process's soft limit on open files, from /proc (what `ulimit -n` set for it). */
export function openFilesLimit(pid: number | 'self' = 'self'): number {
  const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
    .split('\n')
    .find((row) => row.startsWith('Max open files'));
  const soft = line?.split(/\s+/)[3];
  return soft === undefined || soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
}

/** Resident memory of a process in MiB, from /proc/<pid>/status (`VmRSS`, or `VmHWM` = its peak). */
export function residentMiB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? null : Math.round((Number(match[1]) / 1024) * 10) / 10;
  } catch {
    return null;
  }
}

export function openFileCount(pid: number): number | null {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
}

/** The built notification service in a process of its own, against the given database and issuer. */
export function startServiceProcess(options: {
  database: string;
  issuer: TestIssuer;
  name: string;
  extra?: Record<string, string>;
  /** Every JSON log line the service writes; without it, its logs go to stderr as they are. */
  onLogLine?: (line: Record<string, unknown>) => void;
  /** A socket-only replica: the same build and env, started with `consume: false`. */
  socketOnly?: boolean;
}): Promise<ServiceProcess> {
  return spawnServiceProcess({
    mainJs: options.socketOnly === true ? SOCKET_ONLY_MAIN_JS : MAIN_JS,
    label: options.socketOnly === true ? 'socket-only notification' : 'notification',
    env: serviceTestEnv({ database: options.database, jwksUrl: options.issuer.jwksUrl, issuer: options.issuer.issuer }),
    extra: { SERVICE_NAME: options.name, ...options.extra },
    onLogLine: options.onLogLine,
  });
}

interface Worker {
  child: ChildProcess;
  connected: Promise<Extract<FromWorker, { kind: 'connected' }>>;
  progress: { connected: number; failed: number };
  lost: number;
}

/**
 * The Socket.IO clients, `perWorker` to a child process, each worker connecting from its own
 * loopback address (127.0.0.<10+n>) so that no one address runs out of ephemeral ports.
 * Every notification any client receives is handed to `onReceipt`.
 */
export class SocketWorkers {
  private constructor(private readonly workers: Worker[]) {}

  static async connect(options: {
    url: string;
    users: readonly BenchUser[];
    perWorker: number;
    concurrency: number;
    timeoutMs: number;
    onReceipt: (receipt: Receipt) => void;
    /** The last byte of the first worker's loopback address (10): several groups of workers use distinct ones. */
    firstAddress?: number;
    /** Names this group in the progress lines. */
    label?: string;
  }): Promise<{ workers: SocketWorkers; connected: number; failed: number; firstError: string | null; failedUserIds: Set<string>; seconds: number }> {
    const started = performance.now();
    const workers: Worker[] = [];
    for (let offset = 0, n = 0; offset < options.users.length; offset += options.perWorker, n += 1) {
      const child = fork(WORKER, [], { stdio: ['ignore', 2, 2, 'ipc'] });
      let resolveConnected: (value: Extract<FromWorker, { kind: 'connected' }>) => void = () => undefined;
      const worker: Worker = {
        child,
        connected: new Promise((resolve) => (resolveConnected = resolve)),
        progress: { connected: 0, failed: 0 },
        lost: 0,
      };
      child.on('message', (message: FromWorker) => {
        if (message.kind === 'progress') worker.progress = { connected: message.connected, failed: message.failed };
        else if (message.kind === 'connected') {
          worker.progress = { connected: message.connected, failed: message.failed };
          resolveConnected(message);
        } else if (message.kind === 'received') {
          worker.lost = message.lost;
          for (const receipt of message.receipts) options.onReceipt(receipt);
        } else worker.lost = message.lost;
      });
      child.once('exit', (code) => {
        resolveConnected({ kind: 'connected', connected: 0, failed: 0, firstError: `worker ${n} exited (${code})`, failedUserIds: [] });
      });
      const request: ToWorker = {
        kind: 'connect',
        url: options.url,
        users: options.users.slice(offset, offset + options.perWorker),
        concurrency: options.concurrency,
        timeoutMs: options.timeoutMs,
        localAddress: `127.0.0.${(options.firstAddress ?? 10) + n}`,
      };
      child.send(request);
      workers.push(worker);
    }
    const ticker = setInterval(() => {
      const connected = workers.reduce((sum, worker) => sum + worker.progress.connected, 0);
      const failed = workers.reduce((sum, worker) => sum + worker.progress.failed, 0);
      progress(`sockets${options.label === undefined ? '' : ` (${options.label})`}: ${connected} connected, ${failed} failed of ${options.users.length}`);
    }, 5_000);
    const answers = await Promise.all(workers.map((worker) => worker.connected));
    clearInterval(ticker);
    return {
      workers: new SocketWorkers(workers),
      connected: answers.reduce((sum, answer) => sum + answer.connected, 0),
      failed: answers.reduce((sum, answer) => sum + answer.failed, 0),
      firstError: answers.find((answer) => answer.firstError !== null)?.firstError ?? null,
      failedUserIds: new Set(answers.flatMap((answer) => answer.failedUserIds)),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  }

  /** The pids of the worker processes. */
  get pids(): number[] {
    return this.workers.flatMap((worker) => (worker.child.pid === undefined ? [] : [worker.child.pid]));
  }

  /** Sockets the server dropped while the benchmark ran, as last reported. */
  get lost(): number {
    return this.workers.reduce((sum, worker) => sum + worker.lost, 0);
  }

  /** Closes every socket (after a last batch of receipts) and waits for the workers to exit. */
  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        if (worker.child.exitCode !== null || !worker.child.connected) return;
        const exited = once(worker.child, 'exit');
        worker.child.send({ kind: 'close' } satisfies ToWorker);
        const timer = setTimeout(() => worker.child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
