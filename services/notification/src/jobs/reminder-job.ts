import { periodicJob, type JobLease, type Logger, type PeriodicJob } from '@eventonight/platform';
import { sendDueReminders, type ReminderDeps } from '../application/reminders.js';

/** Reminds the events starting within a day, every `intervalMs`, on the replica holding the lease. */
export function reminderJob(deps: ReminderDeps, intervalMs: number, lease: JobLease, logger: Logger): PeriodicJob {
  return periodicJob(
    'event-reminders',
    intervalMs,
    async () => {
      const reminded = await sendDueReminders(deps);
      if (reminded > 0) logger.info({ events: reminded }, 'reminded everyone going to events starting within a day');
    },
    logger,
    { lease },
  );
}
