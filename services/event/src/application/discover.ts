import { problems, type Principal } from '@eventonight/platform';
import type { EventCategory, GeoPoint } from '../domain/event.js';
import { cityKeyOf } from '../domain/event.js';
import { coveringCells, distanceKm } from '../domain/geo.js';
import type { DiscoveryCopies, PersonCopy } from '../persistence/discovery-copies.js';
import type { CellEntry, DiscoveryReads, VersionedState } from '../persistence/discovery-reads.js';
import type { EventAppDeps } from './deps.js';

/** Discovery (ADR 0040): near me, For you, Following. Queries only; nothing here writes. */

export interface DiscoveryDeps {
  app: EventAppDeps;
  reads: DiscoveryReads;
  copies: DiscoveryCopies;
}

export interface Discovered {
  event: VersionedState;
  distanceKm: number | null;
  likes: number;
  participants: number;
  reason: string | null;
}

export type NearSort = 'distance' | 'date' | 'popularity';

export interface NearQuery {
  at?: GeoPoint;
  city?: string;
  radiusKm: number;
  sort: NearSort;
  category?: EventCategory;
  limit: number;
}

/** Drops the events a moderator hid (ADR 0041): they leave every list, discovery's included. */
async function withoutHidden<T>(deps: DiscoveryDeps, entries: T[], idOf: (entry: T) => string): Promise<T[]> {
  const hidden = await deps.app.safety.hiddenAmong('event', entries.map(idOf));
  return hidden.size === 0 ? entries : entries.filter((entry) => !hidden.has(idOf(entry)));
}

async function withCounts(deps: DiscoveryDeps, events: VersionedState[]): Promise<Map<string, { likes: number; participants: number }>> {
  const counts = await deps.copies.popularityOf(events.map((event) => event.state._id));
  return new Map(events.map((event) => [event.state._id, { likes: counts.get(event.state._id)?.likes ?? 0, participants: counts.get(event.state._id)?.participants ?? 0 }]));
}

/** An event of a geohash cell as near me keeps it: where and when, and how it is shown (`V`). */
export interface NearEntry<V> extends CellEntry {
  view: V;
}

/**
 * Where near me finds a cell's events: the routes hand one that keeps each cell, presented, in
 * the catalogue cache (ADR 0016), so a search near a place others searched reads no event.
 */
export type CellSource<V> = (cell: string, category: EventCategory | undefined) => Promise<Array<NearEntry<V>>>;

export interface NearItem<V> {
  view: V;
  distanceKm: number;
  likes: number;
  participants: number;
}

/**
 * The published events of one geohash cell that a moderator has not hidden: what a CellSource
 * keeps. Hiding moves the catalogue on (ADR 0041), so a kept cell never outlives a hide.
 */
export async function eventsOfCell(deps: DiscoveryDeps, cell: string, category: EventCategory | undefined): Promise<VersionedState[]> {
  return withoutHidden(deps, await deps.reads.inCell(cell, category), (event) => event.state._id);
}

/** Events within `radiusKm` of a point (or of a city's published venues' centre), each with its exact distance. */
export async function nearEvents<V>(deps: DiscoveryDeps, query: NearQuery, entriesOf: CellSource<V>): Promise<{ center: GeoPoint; items: Array<NearItem<V>> }> {
  let center = query.at;
  if (center === undefined) {
    const found = query.city === undefined ? null : await deps.reads.cityCenter(cityKeyOf(query.city));
    if (found === null) throw problems.notFound('No published event has a place in that city, so its position is unknown.');
    center = found;
  }
  const now = deps.app.clock().toISOString();
  const perCell = await Promise.all(coveringCells(center, query.radiusKm).map((cell) => entriesOf(cell, query.category)));
  const within = new Map<string, { entry: NearEntry<V>; distance: number }>();
  for (const entry of perCell.flat()) {
    if (entry.startsAt < now || within.has(entry.eventId)) continue;
    const distance = distanceKm(center, entry);
    if (distance <= query.radiusKm) within.set(entry.eventId, { entry, distance });
  }
  const inside = [...within.values()];
  // Counts are read live (a like does not move the catalogue on).
  const counts = await deps.copies.popularityOf(inside.map((found) => found.entry.eventId));
  const ranked = inside.map(({ entry, distance }) => ({
    entry,
    distanceKm: distance,
    likes: counts.get(entry.eventId)?.likes ?? 0,
    participants: counts.get(entry.eventId)?.participants ?? 0,
  }));
  ranked.sort(nearComparators[query.sort]);
  const items = ranked.slice(0, query.limit).map(({ entry, ...rest }) => ({ view: entry.view, ...rest }));
  return { center, items };
}

interface Ranked {
  entry: CellEntry;
  distanceKm: number;
  likes: number;
  participants: number;
}

const rankedByStart = (a: Ranked, b: Ranked): number =>
  a.entry.startsAt < b.entry.startsAt ? -1 : a.entry.startsAt > b.entry.startsAt ? 1 : a.entry.eventId < b.entry.eventId ? -1 : 1;

const nearComparators: Record<NearSort, (a: Ranked, b: Ranked) => number> = {
  distance: (a, b) => a.distanceKm - b.distanceKm || rankedByStart(a, b),
  date: rankedByStart,
  popularity: (a, b) => b.participants + b.likes - (a.participants + a.likes) || rankedByStart(a, b),
};

const CATEGORY_LABEL = (category: string): string => category.charAt(0).toUpperCase() + category.slice(1);

function goingLine(goers: string[], people: Map<string, PersonCopy>): string {
  if (goers.length === 1) return `${people.get(goers[0]!)?.displayName ?? 'Someone'}, whom you follow, is going`;
  return `${goers.length} people you follow are going`;
}

/** The people a member follows whose going may be told: members whose profile is not private. */
function visibleGoers(followees: string[], people: Map<string, PersonCopy>): string[] {
  return followees.filter((id) => {
    const person = people.get(id);
    return person?.role !== 'organization' && person?.privateProfile !== true;
  });
}

/**
 * For you: upcoming events ranked by followed organizations (3), followed people going (2 each,
 * at most 3 counted), preferred categories (1) and the member's city (1); each with its reason.
 * Events with no score fill the page after the ranked ones, by date.
 */
export async function forYou(deps: DiscoveryDeps, principal: Principal, limit: number): Promise<Discovered[]> {
  const now = deps.app.clock();
  const [me, followees] = await Promise.all([deps.copies.person(principal.userId), deps.copies.followees(principal.userId)]);
  const people = await deps.copies.peopleById(followees);
  const goers = visibleGoers(followees, people);
  const going = await deps.copies.goingOf(goers);
  const categories = me?.categories ?? [];
  const cityKey = me?.city === null || me?.city === undefined ? null : cityKeyOf(me.city);
  const lists = await Promise.all([
    deps.reads.byOrganizers(followees, now),
    deps.reads.byIds([...going.keys()], now),
    deps.reads.byCategories(categories, now),
    cityKey === null ? Promise.resolve([]) : deps.reads.inCity(cityKey, now),
    deps.reads.upcoming(now, limit),
  ]);
  const unique = new Map<string, VersionedState>();
  for (const list of lists) for (const event of list) unique.set(event.state._id, event);
  const followed = new Set(followees);
  const visible = await withoutHidden(deps, [...unique.values()], (event) => event.state._id);
  const scored = visible.map((event) => {
    const state = event.state;
    const reasons: string[] = [];
    let score = 0;
    if (followed.has(state.organizerId)) {
      score += 3;
      reasons.push(`Because you follow ${people.get(state.organizerId)?.displayName ?? 'this organizer'}`);
    }
    const friends = going.get(state._id) ?? [];
    if (friends.length > 0) {
      score += 2 * Math.min(friends.length, 3);
      reasons.push(goingLine(friends, people));
    }
    const place: string[] = [];
    if (categories.includes(state.category)) {
      score += 1;
      place.push(CATEGORY_LABEL(state.category));
    }
    if (cityKey !== null && state.cityKey === cityKey) {
      score += 1;
      place.push(`near ${state.venue.city}`);
    }
    if (place.length > 0) reasons.push(place.join(' · ').replace(/^near/, 'Near'));
    return { event, score, reason: reasons.length === 0 ? null : reasons.join(' · ') };
  });
  scored.sort((a, b) => b.score - a.score || a.event.state.startsAt.getTime() - b.event.state.startsAt.getTime() || (a.event.state._id < b.event.state._id ? -1 : 1));
  const page = scored.slice(0, limit);
  const counts = await withCounts(
    deps,
    page.map((entry) => entry.event),
  );
  return page.map(({ event, reason }) => ({ event, distanceKm: null, ...counts.get(event.state._id)!, reason }));
}

/** Following: upcoming events of followed organizations and those followed people go to, newest published first. */
export async function followingFeed(deps: DiscoveryDeps, principal: Principal, limit: number): Promise<Discovered[]> {
  const now = deps.app.clock();
  const followees = await deps.copies.followees(principal.userId);
  const people = await deps.copies.peopleById(followees);
  const going = await deps.copies.goingOf(visibleGoers(followees, people));
  const [organized, attended] = await Promise.all([deps.reads.byOrganizers(followees, now), deps.reads.byIds([...going.keys()], now)]);
  const unique = new Map<string, VersionedState>();
  for (const event of [...organized, ...attended]) unique.set(event.state._id, event);
  const followed = new Set(followees);
  const events = (await withoutHidden(deps, [...unique.values()], (event) => event.state._id)).sort(
    (a, b) => (b.state.publishedAt?.getTime() ?? 0) - (a.state.publishedAt?.getTime() ?? 0) || (a.state._id < b.state._id ? -1 : 1),
  );
  const page = events.slice(0, limit);
  const counts = await withCounts(deps, page);
  return page.map((event) => {
    const friends = going.get(event.state._id) ?? [];
    const reasons = [
      ...(followed.has(event.state.organizerId) ? [`Because you follow ${people.get(event.state.organizerId)?.displayName ?? 'this organizer'}`] : []),
      ...(friends.length > 0 ? [goingLine(friends, people)] : []),
    ];
    return { event, distanceKm: null, ...counts.get(event.state._id)!, reason: reasons.join(' · ') || null };
  });
}

/** "3 people you follow are going" on an event's page: only the caller's own follows, only non-private goers. */
export async function followedGoing(deps: DiscoveryDeps, principal: Principal, eventId: string): Promise<{ count: number; names: string[] }> {
  const followees = await deps.copies.followees(principal.userId);
  const people = await deps.copies.peopleById(followees);
  const going = await deps.copies.goingOf(visibleGoers(followees, people));
  const goers = going.get(eventId) ?? [];
  const names = goers.map((id) => people.get(id)?.displayName ?? 'Someone').sort((a, b) => a.localeCompare(b));
  return { count: goers.length, names: names.slice(0, 3) };
}
