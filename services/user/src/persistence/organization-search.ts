import type { Filter } from 'mongodb';
import type { ActiveProfile, Profile } from '../domain/profile.js';
import type { Cursor } from './cursor.js';
import type { ProfileStore } from './profiles.js';

export interface OrganizationPage {
  items: ActiveProfile[];
  /** The last item's key when more items may follow. */
  next: Cursor | null;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Active organizations whose lower-cased name starts with `prefix`, by name then id.
 * Reads one extra item to know whether a next page exists.
 */
export async function findOrganizations(
  store: ProfileStore,
  query: { prefix: string; limit: number; after: Cursor | undefined },
): Promise<OrganizationPage> {
  const byPrefix: Filter<Profile> = { searchName: { $regex: `^${escapeRegex(query.prefix.toLowerCase())}` } };
  const filter: Filter<Profile> =
    query.after === undefined
      ? byPrefix
      : {
          $and: [
            byPrefix,
            { $or: [{ searchName: { $gt: query.after[0] } }, { searchName: query.after[0], _id: { $gt: query.after[1] } }] },
          ],
        };
  const found = (await store.collection
    .find(filter, { projection: { outbox: 0 } })
    .sort({ searchName: 1, _id: 1 })
    .limit(query.limit + 1)
    .toArray()) as unknown as Profile[];
  const active = found.filter((profile): profile is ActiveProfile => profile.state === 'active');
  const items = active.slice(0, query.limit);
  const last = items.at(-1);
  const more = found.length > query.limit;
  return { items, next: more && last !== undefined && last.searchName !== null ? [last.searchName, last._id] : null };
}
