/**
 * Where a benchmark's measured time went, from a service's own figures (`ServiceStats`):
 * reset them just before the measured run, read them just after, and summarise per operation.
 * A service process exposes them on its ops listener (`GET /stats`, `POST /stats/reset`, with
 * `DB_COMMAND_STATS=1`); an in-process benchmark attaches a `ServiceStats` to its own client.
 */
import type { ServiceStats, ServiceStatsSnapshot } from '@eventonight/platform';
import { round } from './stats.js';

export interface ServiceCost {
  /** Per database command name: how many, their summed duration, p50 and p99 (ms). */
  db: Record<string, { count: number; totalMs: number; p50Ms: number; p99Ms: number }>;
  /** Share of the measured wall time with at least one database command in flight (0–1). */
  dbWaitShare: number;
  /** Summed command durations per operation (overlapping commands each counted). */
  dbMsPerOp: number;
  /** The process's own CPU time (user + system) per operation. */
  cpuMsPerOp: number;
  /** The process's CPU time as a share of one core over the measured wall time. */
  cpuCoreShare: number;
  rssMB: number;
}

/** Reads the figures of a service process; `reset` starts a new measured period. */
export async function serviceStatsOver(opsUrl: string, reset = false): Promise<ServiceStatsSnapshot> {
  const response = await fetch(`${opsUrl}${reset ? '/stats/reset' : '/stats'}`, { method: reset ? 'POST' : 'GET' });
  if (!response.ok) throw new Error(`${opsUrl}/stats answered ${response.status}`);
  const snapshot = (await response.json()) as ServiceStatsSnapshot;
  if (!snapshot.dbMonitored && !reset) throw new Error(`${opsUrl}: start the service with DB_COMMAND_STATS=1`);
  return snapshot;
}

/** Resets a service process's figures (call right before the measured run). */
export async function resetServiceStats(opsUrl: string): Promise<void> {
  await serviceStatsOver(opsUrl, true);
}

/** The summary of a service process's figures since its reset, for `operations` operations. */
export async function serviceCost(opsUrl: string, operations: number): Promise<ServiceCost> {
  return summarise(await serviceStatsOver(opsUrl), operations);
}

/** The same for a `ServiceStats` living in the benchmark's own process. */
export function inProcessCost(stats: ServiceStats, operations: number): ServiceCost {
  return summarise(stats.snapshot(), operations);
}

export function summarise(snapshot: ServiceStatsSnapshot, operations: number): ServiceCost {
  const perOp = (value: number) => (operations > 0 ? round(value / operations, 3) : Number.NaN);
  const wallMs = Math.max(1, snapshot.sinceMs);
  const db: ServiceCost['db'] = {};
  let totalMs = 0;
  for (const [name, figures] of Object.entries(snapshot.db)) {
    db[name] = { count: figures.count, totalMs: round(figures.totalMs), p50Ms: figures.p50Ms, p99Ms: figures.p99Ms };
    totalMs += figures.totalMs;
  }
  const cpuMs = snapshot.cpu.userMs + snapshot.cpu.systemMs;
  return {
    db,
    dbWaitShare: round(Math.min(1, snapshot.dbBusyMs / wallMs), 3),
    dbMsPerOp: perOp(totalMs),
    cpuMsPerOp: perOp(cpuMs),
    cpuCoreShare: round(cpuMs / wallMs, 3),
    rssMB: round(snapshot.memory.rssBytes / 1_048_576),
  };
}
