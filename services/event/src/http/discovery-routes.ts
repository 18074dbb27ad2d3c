import { defineRoute, type RouteHost } from '@eventonight/platform';
import type { z } from 'zod';
import type { EventCategory } from '../domain/event.js';
import { eventsOfCell, followedGoing, followingFeed, forYou, nearEvents, type Discovered, type DiscoveryDeps, type NearEntry } from '../application/discover.js';
import { toView } from './presenter.js';
import { eventIdOnly, feedQuery, feedResult, followedGoingView, nearCell, nearQuery, nearResult } from './discovery-schemas.js';
import type { eventView } from './schemas.js';

const view = (item: Discovered) => ({ ...item, event: toView(item.event) });

type EventView = z.infer<typeof eventView>;

/**
 * A cell's events, presented, through the catalogue cache: shared by everyone searching near
 * it, and dropped with the rest of the catalogue at every write to an event (a hide included).
 */
function cachedCells(deps: DiscoveryDeps) {
  return async (cell: string, category: EventCategory | undefined): Promise<Array<NearEntry<EventView>>> => {
    const { value } = await deps.app.catalogue.read(`near-cell:${cell}:${category ?? 'all'}`, nearCell, async () => ({
      value: (await eventsOfCell(deps, cell, category)).flatMap((event) => {
        const location = event.state.venue.location;
        if (location === null || location === undefined) return [];
        return [{ eventId: event.state._id, lat: location.lat, lng: location.lng, startsAt: event.state.startsAt.toISOString(), view: toView(event) }];
      }),
      share: true,
    }));
    return value;
  };
}

/** Near me, For you, Following (ADR 0040). Under /discover, apart from /events/:eventId. */
export function discoveryRoutes(host: RouteHost, deps: DiscoveryDeps): void {
  defineRoute(
    host,
    {
      method: 'get',
      path: '/discover/near',
      summary: 'Upcoming events within a radius, with their distance',
      description:
        'Around `lat`/`lng` (e.g. the browser\'s position) or around `city` (the centre of its published events\' venues; a city with none is 404 `not-found`). ' +
        'Distances are great-circle km; only events whose venue has a location are found. Sorted by `distance`, `date` or `popularity` (likes + participants). Bounded by `limit`, no cursor. 422 `unprocessable`: `lat` without `lng`, or both a point and a city, or neither.',
      tags: ['discovery'],
      auth: 'public',
      query: nearQuery,
      responses: { 200: nearResult },
      problems: ['not-found', 'unprocessable'],
    },
    async ({ query }) => {
      const { lat, lng, city, ...rest } = query;
      const result = await nearEvents(
        deps,
        {
          ...rest,
          ...(lat !== undefined && lng !== undefined ? { at: { lat, lng } } : {}),
          ...(city === undefined ? {} : { city }),
        },
        cachedCells(deps),
      );
      return { status: 200, body: { center: result.center, items: result.items.map(({ view: event, ...item }) => ({ event, ...item, reason: null })) } };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/discover/for-you',
      summary: 'Upcoming events ranked for the caller, each with why',
      description:
        'Ranked by the organizations the caller follows, what the people they follow go to (not those with a private profile), their preferred categories and their city; then by date. ' +
        'Follows and preferences are copies from the bus: a change shows after its event is consumed (usually well under a second).',
      tags: ['discovery'],
      auth: 'authenticated',
      query: feedQuery,
      responses: { 200: feedResult },
    },
    async ({ principal, query }) => ({ status: 200, body: { items: (await forYou(deps, principal, query.limit)).map(view) } }),
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/discover/following',
      summary: 'Upcoming events of followed organizations and those followed people go to, newest first',
      tags: ['discovery'],
      auth: 'authenticated',
      query: feedQuery,
      responses: { 200: feedResult },
    },
    async ({ principal, query }) => ({ status: 200, body: { items: (await followingFeed(deps, principal, query.limit)).map(view) } }),
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/discover/events/:eventId/followed-going',
      summary: 'How many of the people the caller follows are going to an event',
      description: 'Only the caller\'s own follows count; people with a private profile are never counted.',
      tags: ['discovery'],
      auth: 'authenticated',
      params: eventIdOnly,
      responses: { 200: followedGoingView },
    },
    async ({ principal, params }) => ({ status: 200, body: await followedGoing(deps, principal, params.eventId) }),
  );
}
