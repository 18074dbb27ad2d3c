import type { ErasureLedger, Logger } from '@eventonight/platform';
import { actorIdsOf, anonymised, withoutErased } from '../domain/erasure.js';
import { newNotification, type NotificationDraft } from '../domain/notification.js';
import type { AudienceRepository } from '../persistence/audience.js';
import type { NotificationRepository } from '../persistence/notifications.js';
import type { PreferencesRepository } from '../persistence/preferences.js';
import type { Pusher } from './ports.js';
import { toView } from './view.js';

export interface DeliveryDeps {
  notifications: NotificationRepository;
  preferences: PreferencesRepository;
  followers: AudienceRepository;
  participants: AudienceRepository;
  pusher: Pusher;
  /** Who was erased (ADR 0027): a late event neither notifies them nor names them. */
  ledger: ErasureLedger;
  fanOutBatchSize: number;
  logger: Logger;
}

export interface SourceEvent {
  id: string;
  occurredAt: Date;
}

/**
 * Stores each draft once (deterministic id), all of them in one insert, and pushes only what this
 * delivery inserted, so a redelivered event neither duplicates nor re-pushes. Muted types are
 * stored but not pushed.
 */
async function storeAndPush(deps: DeliveryDeps, drafts: readonly NotificationDraft[], source: SourceEvent, muted: ReadonlySet<string>): Promise<number> {
  const notifications = drafts.map((draft) => newNotification(draft, source));
  const inserted = await deps.notifications.insertNew(notifications);
  deps.pusher.pushMany(
    notifications
      .filter((notification) => inserted.has(notification._id) && !muted.has(notification.recipientId))
      .map((notification) => ({ recipientId: notification.recipientId, notification: toView(notification) })),
  );
  return inserted.size;
}

/**
 * For events with a handful of recipients (one or two). The people the drafts name are checked
 * against the erasure ledger first (one query): an erased recipient gets nothing, an erased actor
 * is not named (ADR 0027).
 */
export async function deliver(deps: DeliveryDeps, drafts: readonly NotificationDraft[], source: SourceEvent): Promise<number> {
  const named = new Set(drafts.flatMap((draft) => [draft.recipientId, ...actorIdsOf(draft.data)]));
  drafts = withoutErased(drafts, await deps.ledger.erasedAmong([...named]));
  if (drafts.length === 0) return 0;
  const muted = new Set<string>();
  for (const draft of drafts) {
    if ((await deps.preferences.recentMutedOf(draft.recipientId)).includes(draft.type)) muted.add(draft.recipientId);
  }
  return storeAndPush(deps, drafts, source, muted);
}

/**
 * One notification per active member of `audience` around `targetId` (the followers of a user,
 * the participants of an event), streamed over a cursor in batches: memory holds two batches,
 * never the whole audience. Each batch is stored with one insert and pushed; the cursor reads
 * the next batch meanwhile. A redelivery after a crash mid-way re-walks the audience and only
 * fills in the ones still missing; a recipient in two audiences of one event gets one
 * notification, because its id is derived from (source event, recipient).
 */
export async function fanOut(
  deps: DeliveryDeps,
  audience: AudienceRepository,
  targetId: string,
  template: Omit<NotificationDraft, 'recipientId'>,
  source: SourceEvent,
): Promise<{ members: number; inserted: number }> {
  let members = 0;
  let inserted = 0;
  // An erased organizer is not named in what their followers or participants are told.
  const erasedActors = await deps.ledger.erasedAmong(actorIdsOf(template.data));
  if (erasedActors.size > 0) template = { ...template, data: anonymised(template.type, template.data, erasedActors) };
  const batches = audience.memberBatches(targetId, deps.fanOutBatchSize);
  let next = batches.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done === true) break;
      next = batches.next();
      // Awaited on the next turn; if this batch fails first, its rejection must not go unhandled.
      next.catch(() => undefined);
      // A member erased while the audience copy still held them (the erasure ran meanwhile): skipped.
      const erased = await deps.ledger.erasedAmong(current.value);
      const batch = erased.size === 0 ? current.value : current.value.filter((memberId) => !erased.has(memberId));
      members += batch.length;
      const muted = await deps.preferences.mutedAmong(batch, template.type);
      const drafts = batch.map((recipientId) => ({ ...template, recipientId }));
      inserted += await storeAndPush(deps, drafts, source, muted);
    }
  } finally {
    // Closes the cursor when a batch failed (runs after the read in flight settles).
    await batches.return(undefined);
  }
  deps.logger.info({ audience: audience.collection.collectionName, targetId, members, inserted, type: template.type }, 'fan-out done');
  return { members, inserted };
}
