import type { StoredAggregate } from '@eventonight/platform';
import type { Collection, Filter } from 'mongodb';
import type { EventCategory, EventState, GeoPoint } from '../domain/event.js';
import { withoutOutbox } from './event-collection.js';

type EventDocument = StoredAggregate<EventState>;

export interface VersionedState {
  state: EventState;
  version: number;
}

/** Where and when an event in a geohash cell takes place: what near me keeps per cell. */
export interface CellEntry {
  eventId: string;
  lat: number;
  lng: number;
  /** ISO 8601: the entry is kept as JSON in the catalogue cache. */
  startsAt: string;
}

/** A bound on what one discovery query reads and scores in memory. */
export const CANDIDATE_LIMIT = 2_000;

function unpack(documents: unknown[]): VersionedState[] {
  return documents.map((document) => {
    const { version, ...state } = document as EventState & { version: number };
    return { state: state as EventState, version };
  });
}

/**
 * Discovery's reads of the catalogue (ADR 0040). Every filter keeps `status` a top-level equality
 * (FerretDB pushes it down) and puts the rest under `$and`; bounded by CANDIDATE_LIMIT.
 */
export class DiscoveryReads {
  constructor(private readonly collection: Collection<EventDocument>) {}

  private async find(equal: Record<string, unknown>, and: Array<Record<string, unknown>>): Promise<VersionedState[]> {
    const filter = { status: 'published', ...equal, ...(and.length === 0 ? {} : { $and: and }) } as Filter<EventDocument>;
    const documents = await this.collection.find(filter, { projection: withoutOutbox }).sort({ startsAt: 1, _id: 1 }).limit(CANDIDATE_LIMIT).toArray();
    return unpack(documents);
  }

  /**
   * The published events stored under `cell`: a top-level equality on `status` and `geoCells`
   * (FerretDB filters those in PostgreSQL; a `$in` of cells it would filter in Go after decoding
   * every published event). What near me keeps per cell in the catalogue cache (ADR 0040).
   */
  async inCell(cell: string, category: EventCategory | undefined): Promise<VersionedState[]> {
    const filter = { status: 'published', geoCells: cell, ...(category === undefined ? {} : { category }) } as Filter<EventDocument>;
    return unpack(await this.collection.find(filter, { projection: withoutOutbox }).limit(CANDIDATE_LIMIT).toArray());
  }

  byOrganizers(organizerIds: readonly string[], from: Date): Promise<VersionedState[]> {
    if (organizerIds.length === 0) return Promise.resolve([]);
    return this.find({}, [{ organizerId: { $in: [...organizerIds] } }, { startsAt: { $gte: from } }]);
  }

  byIds(ids: readonly string[], from: Date): Promise<VersionedState[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.find({}, [{ _id: { $in: [...ids] } }, { startsAt: { $gte: from } }]);
  }

  byCategories(categories: readonly EventCategory[], from: Date): Promise<VersionedState[]> {
    if (categories.length === 0) return Promise.resolve([]);
    return this.find({}, [{ category: { $in: [...categories] } }, { startsAt: { $gte: from } }]);
  }

  inCity(cityKey: string, from: Date): Promise<VersionedState[]> {
    return this.find({ cityKey }, [{ startsAt: { $gte: from } }]);
  }

  upcoming(from: Date, limit: number): Promise<VersionedState[]> {
    return this.find({}, [{ startsAt: { $gte: from } }]).then((found) => found.slice(0, limit));
  }

  /** A city's point: the mean of its published events' venues (as unit vectors, so ±180 averages right). */
  async cityCenter(cityKey: string): Promise<GeoPoint | null> {
    const documents = await this.collection
      .find({ status: 'published', cityKey } as Filter<EventDocument>, { projection: { 'venue.location': 1 } })
      .limit(CANDIDATE_LIMIT)
      .toArray();
    const points = documents.map((document) => (document as unknown as EventState).venue.location).filter((point): point is GeoPoint => point !== null && point !== undefined);
    if (points.length === 0) return null;
    let x = 0;
    let y = 0;
    let z = 0;
    for (const point of points) {
      const lat = (point.lat * Math.PI) / 180;
      const lng = (point.lng * Math.PI) / 180;
      x += Math.cos(lat) * Math.cos(lng);
      y += Math.cos(lat) * Math.sin(lng);
      z += Math.sin(lat);
    }
    const lng = Math.atan2(y, x);
    const lat = Math.atan2(z, Math.hypot(x, y));
    return { lat: (lat * 180) / Math.PI, lng: (lng * 180) / Math.PI };
  }
}
