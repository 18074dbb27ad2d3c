import type { EventData } from '@eventonight/contracts';
import type { EventState } from './event.js';

export type EventSnapshot = EventData<'event.created'>;

/** What other services copy about an event (contracts: eventSnapshot). */
export function snapshotOf(state: EventState): EventSnapshot {
  return {
    eventId: state._id,
    organizerId: state.organizerId,
    title: state.title,
    category: state.category,
    startsAt: state.startsAt.toISOString(),
    endsAt: state.endsAt.toISOString(),
    city: state.venue.city,
    coverMediaId: state.coverMediaId,
    status: state.status,
  };
}
