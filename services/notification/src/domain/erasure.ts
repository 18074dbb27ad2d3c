import type { NotificationData, NotificationDraft, NotificationType } from './notification.js';

/**
 * A member's erasure as notifications see it (ADR 0027). Pure: which data fields name a person,
 * and what a notification keeps of someone erased.
 */

/** How an erased person is shown where a notification named them. */
export const DELETED_MEMBER = 'Deleted member';

/** Data fields holding the id of the person who did what a notification tells (rules.ts). */
export const ACTOR_FIELDS = ['userId', 'followerId', 'senderId', 'buyerId', 'organizerId'] as const;
export type ActorField = (typeof ACTOR_FIELDS)[number];

/**
 * Data fields derived from the actor's id, by type: interaction's review id is
 * `review:<eventId>:<userId>`, so it goes with the reviewer (whose review is removed anyway).
 */
export const DERIVED_FROM_ACTOR: Partial<Record<NotificationType, { actor: ActorField; fields: readonly string[] }>> = {
  'event.reviewed': { actor: 'userId', fields: ['reviewId'] },
};

/** Set on a notification whose actor was erased: the client shows it instead of a person. */
export const ACTOR_NAME_FIELD = 'actorName';

/**
 * News that is only what the actor did, and that their erasure withdraws (the follow, the like,
 * the review and the participation are deleted with them; a message from a deleted account is no
 * news): a late event of this kind from an erased actor notifies nobody. The others (a ticket sold,
 * then refunded; an event cancelled) stay true for their recipient and are told anonymised.
 */
const WITHDRAWN_WITH_THE_ACTOR: ReadonlySet<NotificationType> = new Set([
  'follower.new',
  'event.liked',
  'event.reviewed',
  'event.participation',
  'chat.message',
]);

export function actorIdsOf(data: NotificationData): string[] {
  return ACTOR_FIELDS.map((field) => data[field]).filter((value): value is string => typeof value === 'string');
}

/** The data with every erased actor replaced by "Deleted member": no id left, nothing derived from it. */
export function anonymised(type: NotificationType, data: NotificationData, erased: ReadonlySet<string>): NotificationData {
  const named = ACTOR_FIELDS.filter((field) => typeof data[field] === 'string' && erased.has(data[field]));
  if (named.length === 0) return data;
  const result: NotificationData = { ...data, [ACTOR_NAME_FIELD]: DELETED_MEMBER };
  for (const field of named) result[field] = null;
  const derived = DERIVED_FROM_ACTOR[type];
  if (derived !== undefined && named.includes(derived.actor)) for (const field of derived.fields) if (field in result) result[field] = null;
  return result;
}

/**
 * What a late event may still tell once some of the people it names were erased: nothing to an
 * erased recipient, nothing withdrawn with an erased actor, the rest anonymised.
 */
export function withoutErased(drafts: readonly NotificationDraft[], erased: ReadonlySet<string>): NotificationDraft[] {
  if (erased.size === 0) return [...drafts];
  return drafts.flatMap((draft) => {
    if (erased.has(draft.recipientId)) return [];
    const actorErased = actorIdsOf(draft.data).some((id) => erased.has(id));
    if (!actorErased) return [draft];
    if (WITHDRAWN_WITH_THE_ACTOR.has(draft.type)) return [];
    return [{ ...draft, data: anonymised(draft.type, draft.data, erased) }];
  });
}
