import type { ExportRow } from '@eventonight/contracts';
import { answerExportRequest, type AggregateStore, type ErasureLedger, type ExportPartState } from '@eventonight/platform';
import { OPTIONAL_MAIL_KINDS } from '../domain/mail-preferences.js';
import { NOTIFICATION_TYPES } from '../domain/notification.js';
import { summaryOf } from '../domain/summary.js';
import type { NotificationRepository } from '../persistence/notifications.js';
import type { PreferencesRepository } from '../persistence/preferences.js';

export interface ExportDeps {
  notifications: NotificationRepository;
  preferences: PreferencesRepository;
  ledger: ErasureLedger;
  exportParts: AggregateStore<ExportPartState>;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * `user.export.requested` (ADR 0027): the member's notifications (what each said, when, whether
 * read; the event or order it is about, never another person's id) and their preferences (one row
 * per type: muted or not), their mail switches (one row per optional mail) and the locale and time
 * zone their mails are written in (ADR 0032). Answered once per export; nothing for an erased member.
 */
export async function answerExport(deps: ExportDeps, request: { exportId: string; userId: string }): Promise<'answered' | 'already-answered' | 'erased'> {
  const { userId } = request;
  if (await deps.ledger.isErased(userId)) return 'erased';
  const notifications: ExportRow[] = (await deps.notifications.allOf(userId)).map((notification) => ({
    type: notification.type,
    summary: summaryOf(notification.type, notification.data),
    event_id: text(notification.data['eventId']),
    order_id: text(notification.data['orderId']),
    received_at: notification.createdAt.toISOString(),
    read: notification.read,
    read_at: notification.readAt === null ? null : notification.readAt.toISOString(),
  }));
  const muted = new Set<string>(await deps.preferences.mutedOf(userId));
  const preferences: ExportRow[] = NOTIFICATION_TYPES.map((type) => ({
    notification_type: type,
    muted: muted.has(type),
    meaning: muted.has(type) ? 'kept in the list, not pushed in real time' : 'kept in the list and pushed in real time',
  }));
  const mail = await deps.preferences.mailSettingsOf(userId);
  const mailRows: ExportRow[] = OPTIONAL_MAIL_KINDS.map((kind) => ({
    mail_kind: kind,
    sent: !mail.off.includes(kind),
    meaning: mail.off.includes(kind) ? 'not mailed (still told in the app)' : 'mailed',
  }));
  const mailFormat: ExportRow[] = [{ locale: mail.locale, time_zone: mail.timeZone, meaning: 'how mails write dates, times and money; empty = the platform’s' }];
  return answerExportRequest(deps.exportParts, 'notification', {
    exportId: request.exportId,
    userId,
    sections: { notifications, preferences, mail_preferences: mailRows, mail_format: mailFormat },
  });
}
