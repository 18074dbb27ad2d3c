/**
 * CPU seconds per process over a window, read from /proc (Linux only): `utime + stime` of
 * `/proc/<pid>/stat` (fields 14 and 15, in clock ticks), summed over a process and, for a tree
 * (PostgreSQL's postmaster and its backends), every descendant alive at either end of the window.
 * A process that exits inside the window loses the CPU it used after the first reading; one born
 * inside it counts whole. Processes are found by the TCP port they listen on (`/proc/net/tcp`
 * → socket inode → `/proc/<pid>/fd`), which needs the same user as the process or root; a process
 * that cannot be found is reported as `null`.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { cpus } from 'node:os';
import { round } from './stats.js';

/** USER_HZ: 100 on every Linux the project runs on (`getconf CLK_TCK`). */
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of one process in seconds, or undefined when it is gone (or not readable). */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** `root` and every process below it, as they are now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The pid of the process listening on TCP `port` (any local address), or undefined. */
export function pidListeningOn(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length < 10 || columns[3] !== '0A') continue; // 0A: LISTEN
      const localPort = parseInt(columns[1]!.split(':')[1]!, 16);
      if (localPort === port) inodes.add(columns[9]!);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const pid of allPids()) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const match = /^socket:\[(\d+)\]$/.exec(target);
      if (match !== null && inodes.has(match[1]!)) return pid;
    }
  }
  return undefined;
}

/** The port of a URL (`http://127.0.0.1:3003` → 3003; the scheme's default when it has none). */
export function portOf(url: string): number {
  const parsed = new URL(url);
  if (parsed.port !== '') return Number(parsed.port);
  return ({ 'http:': 80, 'https:': 443, 'mongodb:': 27017, 'amqp:': 5672, 'redis:': 6379 } as Record<string, number>)[parsed.protocol] ?? 0;
}

/** Busy and total jiffies of the whole machine (`/proc/stat`, first line). */
function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user)
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** What to watch: one process, or a process and its descendants (`tree`). `pid` undefined = not found. */
export interface WatchedProcess {
  name: string;
  pid: number | undefined;
  tree?: boolean;
}

export interface CpuWindow {
  /** Wall time of the window. */
  seconds: number;
  /** Share of all cores busy over the window, every process of the machine included (0–1). */
  machineBusyShare: number;
  cores: number;
  /** CPU seconds per watched process (null: not found). */
  cpuSeconds: Record<string, number | null>;
  /** The same as a share of one core over the window. */
  coreShare: Record<string, number | null>;
}

/**
 * Starts a window: reads every watched process (and the machine) now; `end()` reads them again
 * and returns the differences.
 */
export function startCpuWindow(watched: readonly WatchedProcess[]): { end(): CpuWindow } {
  const read = (entry: WatchedProcess): Map<number, number> => {
    const readings = new Map<number, number>();
    if (entry.pid === undefined) return readings;
    for (const pid of entry.tree === true ? processTree(entry.pid) : [entry.pid]) {
      const seconds = processCpuSeconds(pid);
      if (seconds !== undefined) readings.set(pid, seconds);
    }
    return readings;
  };
  const before = watched.map(read);
  const machineBefore = machineTicks();
  const startedAt = performance.now();
  return {
    end(): CpuWindow {
      const seconds = (performance.now() - startedAt) / 1_000;
      const machineAfter = machineTicks();
      const cpuSeconds: Record<string, number | null> = {};
      const coreShare: Record<string, number | null> = {};
      watched.forEach((entry, index) => {
        if (entry.pid === undefined) {
          cpuSeconds[entry.name] = null;
          coreShare[entry.name] = null;
          return;
        }
        const after = read(entry);
        const first = before[index]!;
        let used = 0;
        for (const [pid, value] of after) used += value - (first.get(pid) ?? 0);
        cpuSeconds[entry.name] = round(used, 2);
        coreShare[entry.name] = round(used / Math.max(seconds, 0.001), 3);
      });
      const total = machineAfter.total - machineBefore.total;
      return {
        seconds: round(seconds, 2),
        machineBusyShare: total > 0 ? round((machineAfter.busy - machineBefore.busy) / total, 3) : 0,
        cores: cpus().length,
        cpuSeconds,
        coreShare,
      };
    },
  };
}

/**
 * The local servers from infra/ a benchmark's path runs through, found by their ports (from the
 * same env variables as infra/env.sh): FerretDB (MONGO_URL), PostgreSQL with its backends
 * (EN_POSTGRES_PORT, 5434), RabbitMQ (AMQP_URL), Redis (REDIS_URL).
 */
export function infraProcesses(urls: { mongoUrl: string; amqpUrl: string; redisUrl: string }): WatchedProcess[] {
  return [
    { name: 'ferretdb', pid: pidListeningOn(portOf(urls.mongoUrl)) },
    { name: 'postgresql', pid: pidListeningOn(Number(process.env['EN_POSTGRES_PORT'] ?? 5434)), tree: true },
    { name: 'rabbitmq', pid: pidListeningOn(portOf(urls.amqpUrl)) },
    { name: 'redis', pid: pidListeningOn(portOf(urls.redisUrl)) },
  ];
}
