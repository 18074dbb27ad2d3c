import type { Logger } from '@eventonight/platform';
import { afterRefusal } from '../domain/mail.js';
import type { MailSender } from '../outbound/smtp-sender.js';
import type { MailRepository } from '../persistence/mails.js';
import type { Clock } from './ports.js';

export interface SendMailsDeps {
  mails: MailRepository;
  sender: MailSender;
  clock: Clock;
  logger: Logger;
}

export interface SendRun {
  sent: number;
  retried: number;
  dead: number;
  /** True when the run stopped because the mail server could not be reached. */
  serverAway: boolean;
}

/**
 * One run of the sender: the due mails one after the other, at most `limit`. A refusal of one
 * mail schedules its retry (or gives it up); an unreachable server ends the run with the mail put
 * back untouched, so the next run simply tries again.
 */
export async function sendDueMails(deps: SendMailsDeps, limit: number): Promise<SendRun> {
  const run: SendRun = { sent: 0, retried: 0, dead: 0, serverAway: false };
  for (let i = 0; i < limit; i += 1) {
    const mail = await deps.mails.claimNext(deps.clock());
    if (mail === null) break;
    if (mail.to === null || mail.text === null || mail.html === null) {
      // Only a sent or dead mail loses its body, and neither is claimed: never here.
      await deps.mails.markRefused(mail._id, { status: 'dead' }, 'the mail has no body to send', deps.clock());
      run.dead += 1;
      continue;
    }
    const outcome = await deps.sender.send({ ...mail, to: mail.to, text: mail.text, html: mail.html });
    if (outcome.ok) {
      await deps.mails.markSent(mail._id, deps.clock());
      run.sent += 1;
      continue;
    }
    const { failure } = outcome;
    if (failure.kind === 'unreachable') {
      await deps.mails.release(mail._id);
      run.serverAway = true;
      break;
    }
    const next = afterRefusal(mail, failure, deps.clock());
    await deps.mails.markRefused(mail._id, next, failure.message, deps.clock());
    if (next.status === 'dead') {
      run.dead += 1;
      // The line an operator alerts on: a mail that will never be sent.
      deps.logger.error(
        { mailId: mail._id, kind: mail.kind, attempts: mail.attempts + 1, responseCode: failure.kind === 'permanent' ? failure.responseCode : null, reason: failure.message },
        'mail dead-lettered: not sent and not retried',
      );
    } else {
      run.retried += 1;
      deps.logger.warn({ mailId: mail._id, kind: mail.kind, attempts: mail.attempts + 1, retryAt: next.nextAttemptAt, reason: failure.message }, 'mail refused for now; retried later');
    }
  }
  return run;
}
