import type { MediaAppDeps } from '../application/deps.js';
import { sweepUploads } from '../application/sweep-uploads.js';
import { periodicJob, type JobLease, type PeriodicJob } from '@eventonight/platform';

/** Expires abandoned uploads and purges their objects every `intervalMs` (MEDIA_SWEEP_INTERVAL_MS). */
export function sweepJob(deps: MediaAppDeps, intervalMs: number, lease?: JobLease): PeriodicJob {
  return periodicJob(
    'sweep-uploads',
    intervalMs,
    async () => {
      const result = await sweepUploads(deps);
      if (result.expired > 0 || result.purged > 0) deps.logger.info(result, 'swept uploads');
    },
    deps.logger,
    lease === undefined ? {} : { lease },
  );
}
