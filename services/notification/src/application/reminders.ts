import type { ScheduleRepository } from '../persistence/schedules.js';
import { reminderKey } from '../persistence/schedules.js';
import { fanOut, type DeliveryDeps } from './deliver.js';
import { queueEventReminder, type MailQueueDeps } from './mail-queue.js';
import type { Clock } from './ports.js';

/** How long before the start everyone going is reminded. */
export const REMINDER_LEAD_MS = 24 * 3_600_000;

export interface ReminderDeps {
  schedules: ScheduleRepository;
  delivery: DeliveryDeps;
  /** Null when no mail server is configured: the reminder is then told in the app only. */
  mail: MailQueueDeps | null;
  clock: Clock;
}

/**
 * One run: every published event starting within the next 24 hours that was not reminded for
 * this start time yet reminds everyone going, in the app and by mail. The reminder's source id is
 * derived from the event and its start, so notifications and mails are stored once per member
 * however many runs or replicas get there (a run that dies midway is completed by the next);
 * the reminder is marked last. A rescheduled event is reminded again for its new start.
 */
export async function sendDueReminders(deps: ReminderDeps, limit = 50): Promise<number> {
  const now = deps.clock();
  const due = await deps.schedules.startingBetween(now, new Date(now.getTime() + REMINDER_LEAD_MS), limit);
  const reminded = await deps.schedules.remindedAmong(due.map((event) => reminderKey(event._id, event.startsAt)));
  let sent = 0;
  for (const event of due) {
    const key = reminderKey(event._id, event.startsAt);
    if (reminded.has(key)) continue;
    const source = { id: `reminder:${key}`, occurredAt: now };
    const startsAt = event.startsAt.toISOString();
    await fanOut(deps.delivery, deps.delivery.participants, event._id, { type: 'event.reminder', data: { eventId: event._id, title: event.title, startsAt } }, source);
    if (deps.mail !== null) {
      await queueEventReminder(deps.mail, { eventId: event._id, title: event.title, startsAt, endsAt: event.endsAt.toISOString() }, source);
    }
    await deps.schedules.markReminded(key, now);
    sent += 1;
  }
  return sent;
}
