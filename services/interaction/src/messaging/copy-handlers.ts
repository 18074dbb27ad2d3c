import type { DomainEvent } from '@eventonight/contracts';
import type { ErasureLedger, EventHandlers, HandlerContext } from '@eventonight/platform';
import type { Copies } from '../persistence/copies.js';

type EventFact = 'event.created' | 'event.updated' | 'event.published' | 'event.cancelled' | 'event.completed';
type UserFact = 'user.created' | 'user.updated';

/**
 * Keeps the local copies of events and users. Keyed by aggregateId and applied only when the
 * envelope's aggregateVersion is newer than the copy's: redeliveries and late, older events
 * change nothing (design §2). `user.deleted` is privacy-handlers' (the copy goes entirely).
 */
export function copyHandlers(copies: Copies, ledger: ErasureLedger): EventHandlers {
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
  // An erased user's late or replayed user.created/updated writes nothing (ADR 0027). The ledger is
  // asked again after the write: an erasure recorded meanwhile is recorded before its own delete of
  // the copy, so either that delete comes after this write or this second check sees the record.
  const saveUser = async (event: DomainEvent<UserFact>, { log }: HandlerContext): Promise<void> => {
    const userId = event.aggregateId;
    if (await ledger.isErased(userId)) {
      log.debug({ type: event.type }, 'event about an erased user ignored');
      return;
    }
    const { role, displayName, avatarMediaId } = event.data;
    await copies.saveUser(event.aggregateVersion, { _id: userId, deleted: false, role, displayName, avatarMediaId });
    if (await ledger.isErased(userId)) await copies.forgetUser(userId);
  };
  return {
    'event.created': saveEvent,
    'event.updated': saveEvent,
    'event.published': saveEvent,
    'event.cancelled': saveEvent,
    'event.completed': saveEvent,
    'user.created': saveUser,
    'user.updated': saveUser,
  };
}
