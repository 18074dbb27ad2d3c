import { periodicJob, type JobLease, type PeriodicJob } from '@eventonight/platform';
import { purgeExpiredExports } from '../application/data-exports.js';
import type { ExportDeps } from '../application/deps.js';
import { eraseLeftoverTombstones } from '../application/erase-user.js';

/**
 * Every `intervalMs` (USER_EXPORT_SWEEP_INTERVAL_MS): deletes exports past their date with their
 * parts. Its first run in a process also erases tombstones left from before the ledger.
 */
export function exportSweepJob(deps: ExportDeps, intervalMs: number, lease?: JobLease): PeriodicJob {
  let tombstonesChecked = false;
  return periodicJob(
    'sweep-exports',
    intervalMs,
    async () => {
      if (!tombstonesChecked) {
        const erased = await eraseLeftoverTombstones(deps);
        tombstonesChecked = true;
        if (erased > 0) deps.logger.info({ erased }, 'erased leftover tombstones');
      }
      const purged = await purgeExpiredExports(deps);
      if (purged > 0) deps.logger.info({ purged }, 'deleted expired exports');
    },
    deps.logger,
    lease === undefined ? {} : { lease },
  );
}
