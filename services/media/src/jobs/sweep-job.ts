import type { MediaAppDeps } from '../application/deps.js';
import { eraseLateUploads } from '../application/erase-owner.js';
import { sweepUploads } from '../application/sweep-uploads.js';
import { periodicJob, type JobLease, type PeriodicJob } from '@eventonight/platform';

/**
 * Expires abandoned uploads and purges their objects every `intervalMs` (MEDIA_SWEEP_INTERVAL_MS);
 * shortly after an erasure, also removes what erased owners' still-valid upload URLs let in.
 */
export function sweepJob(deps: MediaAppDeps, intervalMs: number, lease?: JobLease): PeriodicJob {
  return periodicJob(
    'sweep-uploads',
    intervalMs,
    async () => {
      const result = await sweepUploads(deps);
      if (result.expired > 0 || result.purged > 0) deps.logger.info(result, 'swept uploads');
      const erasedAgain = await eraseLateUploads(deps);
      if (erasedAgain > 0) deps.logger.info({ owners: erasedAgain }, 'removed late uploads of erased owners');
    },
    deps.logger,
    lease === undefined ? {} : { lease },
  );
}
