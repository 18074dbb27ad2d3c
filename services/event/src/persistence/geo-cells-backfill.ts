import type { StoredAggregate } from '@eventonight/platform';
import type { Collection, Filter } from 'mongodb';
import type { EventState, GeoPoint } from '../domain/event.js';
import { geoCellsOf } from '../domain/geo.js';

type EventDocument = StoredAggregate<EventState>;

/**
 * Gives every event stored before near me (ADR 0040) its `geoCells`, derived from its venue as
 * the lifecycle does for new ones: without them an older event is never found near anyone. Not a
 * change of the event (no version, no domain event), only of what it is indexed under; run at
 * start-up, idempotent (an event that has them is not touched), and cheap once done. Returns how
 * many events it gave cells.
 */
export async function backfillGeoCells(collection: Collection<EventDocument>): Promise<number> {
  const missing = await collection
    .find({ geoCells: { $exists: false } } as Filter<EventDocument>, { projection: { venue: 1, version: 1 } })
    .toArray();
  let filled = 0;
  for (const document of missing) {
    const location = (document as unknown as { venue?: { location?: GeoPoint | null } }).venue?.location;
    const cells = geoCellsOf(location);
    // Only if the event did not change meanwhile (its own write then set its cells).
    const updated = await collection.updateOne({ _id: document._id, version: document.version } as Filter<EventDocument>, { $set: { geoCells: cells } });
    filled += updated.modifiedCount;
  }
  return filled;
}
