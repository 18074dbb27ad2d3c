import { newCorrelationId, runWithCorrelationId } from '../context/correlation.js';
import type { Logger } from '../logger/logger.js';
import type { JobLease } from './job-lease.js';

export interface PeriodicJob {
  name: string;
  start(): void;
  /** Stops scheduling and waits for a run in progress. */
  stop(): Promise<void>;
  /** Runs as soon as the current run (if any) ends, instead of waiting for the interval. */
  wake(): void;
}

export interface PeriodicJobOptions {
  /** With a lease, a run does its work only on the replica holding it (see JobLease). */
  lease?: JobLease;
}

/**
 * Runs `work` at once and then `intervalMs` after each run ends (runs never overlap); `wake()`
 * runs it as soon as possible instead (e.g. a worker told that new work was stored, which still
 * polls as a fallback). A failed run is logged and the schedule goes on; each run has its own
 * correlation id.
 */
export function periodicJob(
  name: string,
  intervalMs: number,
  work: () => Promise<void>,
  logger: Logger,
  options: PeriodicJobOptions = {},
): PeriodicJob {
  const { lease } = options;
  const leasedWork = async (): Promise<void> => {
    try {
      if (lease !== undefined && !(await lease.acquire())) {
        lease.countRun?.('skipped');
        return;
      }
      await work();
    } catch (error) {
      lease?.countRun?.('error');
      throw error;
    }
    lease?.countRun?.('ok');
  };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  let wokenDuringRun = false;

  const schedule = (delay: number) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, delay);
  };
  const run = () => {
    timer = undefined;
    wokenDuringRun = false;
    running = runWithCorrelationId(newCorrelationId(), leasedWork)
      .catch((error: unknown) => logger.error({ err: error, job: name }, 'job run failed'))
      .finally(() => {
        running = undefined;
        if (!stopped) schedule(wokenDuringRun ? 0 : intervalMs);
      });
  };

  return {
    name,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
      await lease?.release().catch((error: unknown) => logger.warn({ err: error, job: name }, 'job lease not released; it expires'));
    },
    wake() {
      if (stopped) return;
      if (running !== undefined) wokenDuringRun = true;
      else schedule(0);
    },
  };
}
