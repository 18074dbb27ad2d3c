import { newCorrelationId, runWithCorrelationId } from '../context/correlation.js';
import type { Logger } from '../logger/logger.js';

export interface PeriodicJob {
  name: string;
  start(): void;
  /** Stops scheduling and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `work` at once and then `intervalMs` after each run ends (runs never overlap). A failed
 * run is logged and the schedule goes on; each run has its own correlation id.
 */
export function periodicJob(name: string, intervalMs: number, work: () => Promise<void>, logger: Logger): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  const run = () => {
    timer = undefined;
    running = runWithCorrelationId(newCorrelationId(), work)
      .catch((error: unknown) => logger.error({ err: error, job: name }, 'job run failed'))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(run, intervalMs);
      });
  };

  return {
    name,
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(run, 0);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
