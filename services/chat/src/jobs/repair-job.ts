import { newCorrelationId, runWithCorrelationId, type Logger } from '@eventonight/platform';

export interface Job {
  name: string;
  start(): void;
  /** Stops scheduling and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Runs `work` every `intervalMs` after the previous run ended (never overlapping); failures are logged. */
export function intervalJob(name: string, intervalMs: number, work: () => Promise<unknown>, logger: Logger): Job {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  const run = (): void => {
    timer = undefined;
    running = runWithCorrelationId(newCorrelationId(), work)
      .then(() => undefined)
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
      timer = setTimeout(run, intervalMs);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
