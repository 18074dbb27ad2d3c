import type { EventAppDeps } from '../application/deps.js';
import { completeDueEvents } from '../application/complete-due-events.js';
import { periodicJob, type JobLease, type PeriodicJob } from '@eventonight/platform';

/** Completes ended events every `intervalMs` (EVENT_COMPLETION_INTERVAL_MS). */
export function completionJob(deps: EventAppDeps, intervalMs: number, lease?: JobLease): PeriodicJob {
  return periodicJob(
    'complete-ended-events',
    intervalMs,
    async () => {
      const completed = await completeDueEvents(deps);
      if (completed > 0) deps.logger.info({ completed }, 'completed ended events');
    },
    deps.logger,
    lease === undefined ? {} : { lease },
  );
}
