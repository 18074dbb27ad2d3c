import { periodicJob, type JobLease, type PeriodicJob } from '@eventonight/platform';
import { sendDueMails, type SendMailsDeps } from '../application/send-mails.js';

/** Mails handed to the server per run; a full run is followed at once by the next. */
const RUN_LIMIT = 100;

/**
 * The mail sender: every `intervalMs`, or at once when a consumer queued mail, on the replica
 * that holds the lease. An outage of the mail server is said once when it starts and once when
 * it ends, not at every run in between.
 */
export function mailJob(deps: SendMailsDeps, intervalMs: number, lease: JobLease): PeriodicJob {
  let serverAway = false;
  const job: PeriodicJob = periodicJob(
    'send-mails',
    intervalMs,
    async () => {
      const run = await sendDueMails(deps, RUN_LIMIT);
      if (run.serverAway !== serverAway) {
        serverAway = run.serverAway;
        if (serverAway) deps.logger.warn('mail server unreachable: mail waits in the queue and is sent when it is back');
        else deps.logger.info('mail server reachable again: sending the queued mail');
      }
      if (run.sent > 0 || run.dead > 0 || run.retried > 0) deps.logger.info(run, 'mail sent');
      if (run.sent + run.dead + run.retried >= RUN_LIMIT) job.wake();
    },
    deps.logger,
    { lease },
  );
  return job;
}
