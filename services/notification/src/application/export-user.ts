import type { ExportRow } from '@eventonight/contracts';
import { answerExportRequest, type AggregateStore, type ErasureLedger, type ExportPartState } from '@eventonight/platform';
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
 * per type: muted or not). Answered once per export; nothing for an erased member.
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
  return answerExportRequest(deps.exportParts, 'notification', { exportId: request.exportId, userId, sections: { notifications, preferences } });
}
