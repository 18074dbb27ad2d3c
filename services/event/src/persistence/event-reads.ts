import type { Collection, Filter } from 'mongodb';
import type { StoredAggregate } from '@eventonight/platform';
import type { EventCategory, EventState, EventStatus } from '../domain/event.js';
import type { EventCursor } from './cursor.js';
import { withoutOutbox } from './event-collection.js';

export interface EventListFilter {
  status?: EventStatus;
  organizerId?: string;
  category?: EventCategory;
  cityKey?: string;
  /** startsAt >= from */
  from?: Date;
  /** startsAt < to */
  to?: Date;
  /** Free text, matched case-insensitively anywhere in title or description. */
  q?: string;
}

export interface EventPage {
  items: Array<{ state: EventState; version: number }>;
  next: EventCursor | null;
}

type EventDocument = StoredAggregate<EventState>;

/** User input becomes a literal pattern: no regex syntax (and no catastrophic backtracking) from outside. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Equality fields stay at the top level of the filter and everything else goes under `$and`:
 * the same query for MongoDB, but FerretDB pushes only top-level equalities down to its
 * storage, so this keeps drafts and past events out of what it has to read and sort.
 */
function toFilter(filter: EventListFilter, after: EventCursor | undefined): Filter<EventDocument> {
  const equal: Record<string, unknown> = {};
  if (filter.status !== undefined) equal['status'] = filter.status;
  if (filter.organizerId !== undefined) equal['organizerId'] = filter.organizerId;
  if (filter.category !== undefined) equal['category'] = filter.category;
  if (filter.cityKey !== undefined) equal['cityKey'] = filter.cityKey;
  const and: Array<Filter<EventDocument>> = [];
  const range: Record<string, Date> = {};
  if (filter.from !== undefined) range['$gte'] = filter.from;
  if (filter.to !== undefined) range['$lt'] = filter.to;
  if (Object.keys(range).length > 0) and.push({ startsAt: range } as Filter<EventDocument>);
  if (filter.q !== undefined) {
    const pattern = { $regex: escapeRegex(filter.q), $options: 'i' };
    and.push({ $or: [{ title: pattern }, { description: pattern }] } as Filter<EventDocument>);
  }
  if (after !== undefined) {
    and.push({
      $or: [{ startsAt: { $gt: after.startsAt } }, { startsAt: after.startsAt, _id: { $gt: after.id } }],
    } as Filter<EventDocument>);
  }
  return (and.length === 0 ? equal : { ...equal, $and: and }) as Filter<EventDocument>;
}

/** The query side: lists and the completion sweep, straight from the collection. */
export class EventReads {
  constructor(private readonly collection: Collection<EventDocument>) {}

  async list(filter: EventListFilter, page: { after?: EventCursor; limit: number }): Promise<EventPage> {
    const documents = await this.collection
      .find(toFilter(filter, page.after), { projection: withoutOutbox })
      .sort({ startsAt: 1, _id: 1 })
      .limit(page.limit + 1)
      .toArray();
    const items = documents.slice(0, page.limit).map((document) => {
      const { version, ...state } = document as unknown as EventState & { version: number };
      return { state: state as EventState, version };
    });
    const last = items.at(-1);
    const next = documents.length > page.limit && last !== undefined ? { startsAt: last.state.startsAt, id: last.state._id } : null;
    return { items, next };
  }

  /** Every event of an organizer, drafts included, oldest start first (a data export; organizer index). */
  async allOfOrganizer(organizerId: string): Promise<EventState[]> {
    const documents = await this.collection
      .find({ organizerId } as Filter<EventDocument>, { projection: { ...withoutOutbox, version: 0 } })
      .sort({ startsAt: 1, _id: 1 })
      .toArray();
    return documents as unknown as EventState[];
  }

  /** Ids of published events that ended at or before `now`, oldest end first. */
  async dueForCompletion(now: Date, limit: number): Promise<string[]> {
    const documents = await this.collection
      .find({ status: 'published', endsAt: { $lte: now } } as Filter<EventDocument>, { projection: { _id: 1 } })
      .sort({ endsAt: 1 })
      .limit(limit)
      .toArray();
    return documents.map((document) => document._id as string);
  }
}
