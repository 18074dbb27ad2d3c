import type { DomainEvent } from '@eventonight/contracts';
import type { EventHandlers } from '@eventonight/platform';
import type { Copies } from '../persistence/copies.js';

type EventFact = 'event.created' | 'event.updated' | 'event.published' | 'event.cancelled' | 'event.completed';
type UserFact = 'user.created' | 'user.updated';

/**
 * Keeps the local copies of events and users. Keyed by aggregateId and applied only when the
 * envelope's aggregateVersion is newer than the copy's: redeliveries and late, older events
 * change nothing (design §2).
 */
export function copyHandlers(copies: Copies): EventHandlers {
  const saveEvent = async (event: DomainEvent<EventFact>): Promise<void> => {
    const { organizerId, title, startsAt, endsAt, status } = event.data;
    await copies.saveEvent(event.aggregateVersion, {
      _id: event.aggregateId,
      organizerId,
      title,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      status,
    });
  };
  const saveUser = async (event: DomainEvent<UserFact>): Promise<void> => {
    const { role, displayName, avatarMediaId } = event.data;
    await copies.saveUser(event.aggregateVersion, { _id: event.aggregateId, deleted: false, role, displayName, avatarMediaId });
  };
  return {
    'event.created': saveEvent,
    'event.updated': saveEvent,
    'event.published': saveEvent,
    'event.cancelled': saveEvent,
    'event.completed': saveEvent,
    'user.created': saveUser,
    'user.updated': saveUser,
    // A tombstone, not a delete: it keeps the version, so a late user.updated cannot resurrect the user.
    'user.deleted': async (event) => {
      await copies.saveUser(event.aggregateVersion, { _id: event.aggregateId, deleted: true });
    },
  };
}
