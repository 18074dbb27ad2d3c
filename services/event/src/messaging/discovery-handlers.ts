import type { DomainEvent } from '@eventonight/contracts';
import type { ErasureLedger, EventHandlers } from '@eventonight/platform';
import type { DiscoveryCopies, RelationKind } from '../persistence/discovery-copies.js';

type OnEventFact = 'interaction.like.added' | 'interaction.like.removed' | 'interaction.participation.added' | 'interaction.participation.removed';
type FollowFact = 'interaction.follow.added' | 'interaction.follow.removed';

/**
 * Copies for discovery (ADR 0040): like and participant counts (popularity), follows and who goes
 * where (For you, Following), names and preferences. `user.deleted` is chained after the service's
 * own erasure handler, so one key serves both.
 */
export function discoveryHandlers(copies: DiscoveryCopies, ledger: ErasureLedger, base: EventHandlers): EventHandlers {
  // An erased person's late or replayed facts write nothing (ADR 0027); asked again after the write.
  const unlessErased = async (userId: string, write: () => Promise<unknown>): Promise<void> => {
    if (await ledger.isErased(userId)) return;
    await write();
    if (await ledger.isErased(userId)) await copies.forget(userId);
  };
  const onEvent = (kind: RelationKind, active: boolean) => async (event: DomainEvent<OnEventFact>) => {
    await copies.saveRelation(event.aggregateVersion, {
      _id: `${kind}:${event.aggregateId}`,
      kind,
      userId: event.data.userId,
      targetId: event.data.eventId,
      active,
    });
  };
  const onFollow = (active: boolean) => async (event: DomainEvent<FollowFact>) => {
    await copies.saveRelation(event.aggregateVersion, {
      _id: `follow:${event.aggregateId}`,
      kind: 'follow',
      userId: event.data.followerId,
      targetId: event.data.followeeId,
      active,
    });
  };
  const baseDeleted = base['user.deleted'];
  return {
    'interaction.like.added': onEvent('like', true),
    'interaction.like.removed': onEvent('like', false),
    'interaction.participation.added': onEvent('participation', true),
    'interaction.participation.removed': onEvent('participation', false),
    'interaction.follow.added': onFollow(true),
    'interaction.follow.removed': onFollow(false),
    'user.created': async (event) => {
      const { userId, displayName, role } = event.data;
      await unlessErased(userId, () => copies.saveSnapshot(event.aggregateVersion, userId, { displayName, role }));
    },
    'user.updated': async (event) => {
      const { userId, displayName, role } = event.data;
      await unlessErased(userId, () => copies.saveSnapshot(event.aggregateVersion, userId, { displayName, role }));
    },
    'user.preferences.changed': async (event) => {
      const { userId, categories, city, privateProfile } = event.data;
      await unlessErased(userId, () => copies.savePreferences(event.aggregateVersion, userId, { categories, city, privateProfile }));
    },
    'user.deleted': async (event, context) => {
      if (baseDeleted !== undefined) await baseDeleted(event, context);
      await copies.forget(event.data.userId);
    },
  };
}
