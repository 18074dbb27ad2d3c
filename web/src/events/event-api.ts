import { call } from '../api/client';
import type { paths as EventPaths } from '../api/generated/event';
import { useApi } from '../app/context';
import type { CursorPage } from '../ui/cursor-pager';

type EventList = EventPaths['/events']['get']['responses'][200]['content']['application/json'];
export type EventView = EventList['items'][number];
export type EventCategory = EventView['category'];
export type EventQuery = NonNullable<EventPaths['/events']['get']['parameters']['query']>;

/** Every category the API knows, with its label; the Record makes a new API category a type error here. */
export const CATEGORY_LABELS: Record<EventCategory, string> = {
  music: 'Music',
  sport: 'Sport',
  art: 'Art',
  theatre: 'Theatre',
  food: 'Food & drink',
  tech: 'Tech',
  education: 'Learning',
  community: 'Community',
  nightlife: 'Nightlife',
  other: 'Other',
};
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as EventCategory[];

/** Published events, soonest first, filtered and paged by cursor. */
export async function listEvents(query: EventQuery, cursor: string | undefined): Promise<CursorPage<EventView>> {
  const api = useApi();
  return call(api.event.GET('/events', { params: { query: { ...query, ...(cursor === undefined ? {} : { cursor }), limit: 20 } } }));
}

export function getEvent(eventId: string): Promise<EventView> {
  return call(useApi().event.GET('/events/{eventId}', { params: { path: { eventId } } }));
}

/**
 * The covers of a page of events in ONE call (the media service's batch read), never one per
 * card. Returns assetId → URL; events without a cover or with an unreadable one get none.
 */
export async function coversOf(events: readonly EventView[]): Promise<Map<string, string>> {
  const ids = [...new Set(events.map((event) => event.coverMediaId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const reply = await call(useApi().media.GET('/media', { params: { query: { ids: ids.join(',') } } }));
  return new Map(reply.items.map((item) => [item.assetId, item.url]));
}
