import type { Logger } from '@eventonight/platform';
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
  fanOutBatchSize: number;
  logger: Logger;
}

export interface SourceEvent {
  id: string;
  occurredAt: Date;
}

/**
 * Stores each draft once (deterministic id) and pushes only what this delivery inserted, so a
 * redelivered event neither duplicates nor re-pushes. Muted types are stored but not pushed.
 */
async function storeAndPush(deps: DeliveryDeps, drafts: readonly NotificationDraft[], source: SourceEvent, muted: ReadonlySet<string>): Promise<number> {
  const outcomes = await Promise.all(
    drafts.map(async (draft) => {
      const notification = newNotification(draft, source);
      const outcome = await deps.notifications.insert(notification);
      if (outcome === 'inserted' && !muted.has(draft.recipientId)) deps.pusher.push(draft.recipientId, toView(notification));
      return outcome;
    }),
  );
  return outcomes.filter((outcome) => outcome === 'inserted').length;
}

/** For events with a handful of recipients (one or two). */
export async function deliver(deps: DeliveryDeps, drafts: readonly NotificationDraft[], source: SourceEvent): Promise<number> {
  const muted = new Set<string>();
  for (const draft of drafts) {
    if ((await deps.preferences.mutedOf(draft.recipientId)).includes(draft.type)) muted.add(draft.recipientId);
  }
  return storeAndPush(deps, drafts, source, muted);
}

/**
 * One notification per active member of `audience` around `targetId` (the followers of a user,
 * the participants of an event), streamed over a cursor in batches: memory holds one batch,
 * never the whole audience. A redelivery after a crash mid-way re-walks the audience and only
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
  for await (const batch of audience.memberBatches(targetId, deps.fanOutBatchSize)) {
    members += batch.length;
    const muted = await deps.preferences.mutedAmong(batch, template.type);
    const drafts = batch.map((recipientId) => ({ ...template, recipientId }));
    inserted += await storeAndPush(deps, drafts, source, muted);
  }
  deps.logger.info({ audience: audience.collection.collectionName, targetId, members, inserted, type: template.type }, 'fan-out done');
  return { members, inserted };
}
