import type { CommandFailedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';
import { performance } from 'node:perf_hooks';

/** One command name's figures since the last reset. */
export interface CommandFigures {
  count: number;
  failed: number;
  totalMs: number;
  p50Ms: number;
  p99Ms: number;
}

/** What `GET /stats` on the ops listener answers (and `bench/service-stats.ts` reads). */
export interface ServiceStatsSnapshot {
  /** Wall time covered by the figures: since the process started or the last reset. */
  sinceMs: number;
  /** Driver command monitoring per command name (`find`, `update`, …); empty when off. */
  db: Record<string, CommandFigures>;
  /** Whether command monitoring is on (`DB_COMMAND_STATS=1`). */
  dbMonitored: boolean;
  /**
   * Wall time during which at least one command was in flight: the time the process spent
   * waiting on the database, overlapping commands counted once.
   */
  dbBusyMs: number;
  /** The process's own CPU time over the same period, from `process.cpuUsage()`. */
  cpu: { userMs: number; systemMs: number };
  memory: { rssBytes: number; heapUsedBytes: number };
}

/** Durations kept per command name; beyond it, a uniform sample (reservoir), so memory stays flat. */
const SAMPLES_PER_COMMAND = 50_000;

class Durations {
  count = 0;
  failed = 0;
  totalMs = 0;
  private readonly samples: number[] = [];

  add(ms: number, failed: boolean): void {
    this.count += 1;
    if (failed) this.failed += 1;
    this.totalMs += ms;
    if (this.samples.length < SAMPLES_PER_COMMAND) this.samples.push(ms);
    else {
      const slot = Math.floor(Math.random() * this.count);
      if (slot < SAMPLES_PER_COMMAND) this.samples[slot] = ms;
    }
  }

  figures(): CommandFigures {
    const sorted = [...this.samples].sort((a, b) => a - b);
    return { count: this.count, failed: this.failed, totalMs: round(this.totalMs), p50Ms: nearestRank(sorted, 50), p99Ms: nearestRank(sorted, 99) };
  }
}

/**
 * Where a process's time goes: how long it waited on each kind of database command (the
 * driver's command monitoring: commandSucceeded/commandFailed durations) and its own CPU
 * time. Opt-in (`DB_COMMAND_STATS=1`): monitoring costs a little on every command.
 */
export class ServiceStats {
  private byCommand = new Map<string, Durations>();
  private startedAt = Date.now();
  private cpuBase = process.cpuUsage();
  private monitored = false;
  private inFlight = 0;
  private busySince = 0;
  private busyMs = 0;

  /** Records every command `client` runs. The client must be created with `monitorCommands: true`. */
  attach(client: MongoClient): void {
    this.monitored = true;
    client.on('commandStarted', () => {
      if (this.inFlight === 0) this.busySince = performance.now();
      this.inFlight += 1;
    });
    client.on('commandSucceeded', (event: CommandSucceededEvent) => this.record(event.commandName, event.duration, false));
    client.on('commandFailed', (event: CommandFailedEvent) => this.record(event.commandName, event.duration, true));
  }

  reset(): void {
    this.byCommand = new Map();
    this.startedAt = Date.now();
    this.cpuBase = process.cpuUsage();
    this.busyMs = 0;
    if (this.inFlight > 0) this.busySince = performance.now();
  }

  snapshot(): ServiceStatsSnapshot {
    const cpu = process.cpuUsage(this.cpuBase);
    const memory = process.memoryUsage();
    return {
      sinceMs: Date.now() - this.startedAt,
      db: Object.fromEntries([...this.byCommand].sort(([a], [b]) => a.localeCompare(b)).map(([name, durations]) => [name, durations.figures()])),
      dbMonitored: this.monitored,
      dbBusyMs: round(this.busyMs + (this.inFlight > 0 ? performance.now() - this.busySince : 0)),
      cpu: { userMs: round(cpu.user / 1000), systemMs: round(cpu.system / 1000) },
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
    };
  }

  private record(name: string, durationMs: number, failed: boolean): void {
    if (this.inFlight > 0) {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.busyMs += performance.now() - this.busySince;
    }
    let durations = this.byCommand.get(name);
    if (durations === undefined) {
      durations = new Durations();
      this.byCommand.set(name, durations);
    }
    durations.add(durationMs, failed);
  }
}

function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return round(sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
