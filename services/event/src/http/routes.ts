import { createHash } from 'node:crypto';
import { defineRoute, textResponse, type RouteHost } from '@eventonight/platform';
import { cancelEvent } from '../application/cancel-event.js';
import { createEvent } from '../application/create-event.js';
import { eventCalendar } from '../application/event-calendar.js';
import type { EventAppDeps } from '../application/deps.js';
import { getEvent } from '../application/get-event.js';
import { listMyEvents, listPublishedEvents, refuseErasedOrganizer } from '../application/list-events.js';
import { publishEvent } from '../application/publish-event.js';
import { updateEvent } from '../application/update-event.js';
import { etagOf, toCreateInput, toListView, toPatch, toView } from './presenter.js';
import {
  cancelEventBody,
  createEventBody,
  eventIdParams,
  eventList,
  eventView,
  ifMatchHeaders,
  listEventsQuery,
  myEventsQuery,
  updateEventBody,
} from './schemas.js';

const organization = { roles: ['organization'] } as const;
const DEFAULT_LIMIT = 20;

/** A parsed query as a short, stable string: its keys in a fixed order, hashed. */
function queryDigest(query: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(canonical).digest('base64url');
}

/** One cache key per distinct public query. */
function listCacheKey(query: Record<string, unknown>): string {
  return `list:${queryDigest(query)}`;
}

/**
 * One cache key per organization and query: its own list holds its drafts, so the key carries
 * the id from the verified token and no one else's request can ever name it.
 */
function organizerListCacheKey(organizerId: string, query: Record<string, unknown>): string {
  return `organizer:${organizerId}:${queryDigest(query)}`;
}

/** Tells clients (and bench:read) whether the catalogue cache answered. */
function cacheHeader(hit: boolean): Record<string, string> {
  return { 'x-cache': hit ? 'hit' : 'miss' };
}

export function eventRoutes(host: RouteHost, deps: EventAppDeps): void {
  defineRoute(
    host,
    {
      method: 'post',
      path: '/events',
      summary: 'Create an event as a draft',
      description:
        'Rules the schema cannot state are answered 422 `unprocessable`, each named in `errors`: `startsAt` must be in the future and `endsAt` after `startsAt`; tier names are unique within the event, ignoring case.',
      tags: ['events'],
      auth: organization,
      body: createEventBody,
      responses: { 201: eventView },
      problems: ['unprocessable'],
    },
    async ({ principal, body }) => {
      const created = await createEvent(deps, principal, toCreateInput(body));
      return {
        status: 201,
        body: toView(created),
        headers: { ...etagOf(created.version), location: `/events/${encodeURIComponent(created.state._id)}` },
      };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events',
      summary: 'Browse published events',
      description:
        'Published events sorted by start then id. `from` is inclusive and `to` exclusive on startsAt; `city` matches exactly, ignoring case; `q` searches title and description. Answered 422 `unprocessable`: `to` not after `from`, or a `cursor` that is not the `nextCursor` of a page of this list.',
      tags: ['events'],
      auth: 'public',
      query: listEventsQuery,
      responses: { 200: eventList },
      problems: ['unprocessable'],
    },
    async ({ query }) => {
      const { from, to, cursor, limit, ...rest } = query;
      const { body, hit } = await deps.catalogue.readJson(listCacheKey(query), eventList, async () => {
        const page = await listPublishedEvents(
          deps,
          { ...rest, ...(from === undefined ? {} : { from: new Date(from) }), ...(to === undefined ? {} : { to: new Date(to) }) },
          { limit: limit ?? DEFAULT_LIMIT, ...(cursor === undefined ? {} : { after: cursor }) },
        );
        return { value: toListView(page), share: true };
      });
      return { status: 200, body, headers: cacheHeader(hit) };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/organizers/me/events',
      summary: "The calling organization's events, drafts included",
      description: 'Sorted by start then id. A `cursor` that is not the `nextCursor` of a page of this list is answered 422 `unprocessable`.',
      tags: ['events'],
      auth: organization,
      query: myEventsQuery,
      responses: { 200: eventList },
      problems: ['unprocessable'],
    },
    async ({ principal, query }) => {
      await refuseErasedOrganizer(deps, principal);
      const { body, hit } = await deps.catalogue.readJson(organizerListCacheKey(principal.userId, query), eventList, async () => {
        const page = await listMyEvents(deps, principal, query.status, {
          limit: query.limit ?? DEFAULT_LIMIT,
          ...(query.cursor === undefined ? {} : { after: query.cursor }),
        });
        // Stored under this organization's own key (drafts included): only it reads it back.
        return { value: toListView(page), share: true };
      });
      return { status: 200, body, headers: cacheHeader(hit) };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId',
      summary: 'Read an event (a draft only by its organizer)',
      description: 'A missing event, and a draft read by anyone but its organizer, are the same 404 `not-found`.',
      tags: ['events'],
      auth: 'optional',
      params: eventIdParams,
      responses: { 200: eventView },
      problems: ['not-found'],
    },
    async ({ principal, params }) => {
      const { value, hit } = await deps.catalogue.read(`event:${params.eventId}`, eventView, async () => {
        const found = await getEvent(deps, principal, params.eventId);
        // A draft is its organizer's alone: served, never shared through the cache.
        // A moderator may read a hidden event: never shared either.
        return { value: toView(found), share: found.state.status !== 'draft' && principal?.roles.has('moderator') !== true };
      });
      return { status: 200, body: value, headers: { ...etagOf(value.version), ...cacheHeader(hit) } };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId/calendar.ics',
      summary: 'The event as an iCalendar file (RFC 5545): "Add to calendar"',
      description:
        'One VEVENT: UID stable per event, SEQUENCE the event\'s version (a calendar importing it again after a change replaces the entry), ' +
        'times in UTC, LOCATION the venue, URL the event\'s page in the web app, STATUS:CANCELLED for a cancelled event. ' +
        'Read like the event: a missing event, and a draft asked for by anyone but its organizer, are the same 404 `not-found`.',
      tags: ['events'],
      auth: 'optional',
      params: eventIdParams,
      responses: { 200: textResponse('text/calendar') },
      problems: ['not-found'],
    },
    async ({ principal, params }) => {
      const file = await eventCalendar(deps, principal, params.eventId);
      return {
        status: 200,
        body: file.ics,
        headers: {
          'content-disposition': `attachment; filename="event-${params.eventId}.ics"`,
          // Short: a reschedule should reach the next download soon; a draft is never stored by others.
          'cache-control': file.shared ? 'public, max-age=60' : 'private, no-store',
        },
      };
    },
  );

  defineRoute(
    host,
    {
      method: 'patch',
      path: '/events/:eventId',
      summary: 'Edit an event (tiers only while it is a draft)',
      description:
        'Only its organizer edits an event: another organization\'s draft is 404 `not-found` (as if missing), its other events 403 `forbidden`. 409 `version-conflict`: `If-Match` names another version. 409 `conflict`: the event is cancelled or completed, or the tiers change after it was published. 422 `unprocessable`, each rule named in `errors`: a changed `startsAt` must be in the future, a changed `endsAt` too, `endsAt` after `startsAt`; tier names unique ignoring case; a `tierId` must be one of this event\'s tiers, at most once. A patch that changes nothing writes nothing.',
      tags: ['events'],
      auth: organization,
      params: eventIdParams,
      headers: ifMatchHeaders,
      body: updateEventBody,
      responses: { 200: eventView },
      problems: ['not-found', 'conflict', 'version-conflict', 'unprocessable'],
    },
    async ({ principal, params, headers, body }) => {
      const outcome = await updateEvent(deps, principal, params.eventId, toPatch(body), headers['if-match']);
      return { status: 200, body: toView(outcome), headers: etagOf(outcome.version) };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/events/:eventId/publish',
      summary: 'Publish a draft',
      description:
        'Only its organizer publishes a draft: another organization\'s draft is 404 `not-found` (as if missing), its other events 403 `forbidden`. 409 `version-conflict`: `If-Match` names another version. 409 `conflict`: the event is not a draft. 422 `unprocessable`: its `startsAt` has passed.',
      tags: ['events'],
      auth: organization,
      params: eventIdParams,
      headers: ifMatchHeaders,
      responses: { 200: eventView },
      problems: ['not-found', 'conflict', 'version-conflict', 'unprocessable'],
    },
    async ({ principal, params, headers }) => {
      const outcome = await publishEvent(deps, principal, params.eventId, headers['if-match']);
      return { status: 200, body: toView(outcome), headers: etagOf(outcome.version) };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/events/:eventId/cancel',
      summary: 'Cancel a published event',
      description:
        'Only its organizer cancels an event: another organization\'s draft is 404 `not-found` (as if missing), its other events 403 `forbidden`. 409 `version-conflict`: `If-Match` names another version. 409 `conflict`: the event is not published, or it has already ended.',
      tags: ['events'],
      auth: organization,
      params: eventIdParams,
      headers: ifMatchHeaders,
      body: cancelEventBody,
      responses: { 200: eventView },
      problems: ['not-found', 'conflict', 'version-conflict'],
    },
    async ({ principal, params, headers, body }) => {
      const outcome = await cancelEvent(deps, principal, params.eventId, body?.reason ?? null, headers['if-match']);
      return { status: 200, body: toView(outcome), headers: etagOf(outcome.version) };
    },
  );
}
