import type { EventData } from '@eventonight/contracts';
import type { EventState, Venue } from './event.js';

export type EventSnapshot = EventData<'event.created'>;
export type EventPlace = NonNullable<EventData<'event.created'>['venue']>;

/** The venue as messages carry it: what a person reads, without the map point. */
export function placeOf(venue: Venue): EventPlace {
  return { name: venue.name, address: venue.address, city: venue.city };
}

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
    venue: placeOf(state.venue),
  };
}
