import type { AggregateStore, BaseServiceConfig, ServiceContext } from '@eventonight/platform';
import type { Profile } from '../domain/profile.js';

export const PROFILES = 'profiles';

export type ProfileStore = AggregateStore<Profile>;

/**
 * The profile store and the index behind organization search (prefix on searchName, then _id).
 * The index is created on its own rather than through `store.ensureIndexes([...])`: FerretDB 1.24
 * drops the connection when one createIndexes command names two or more indexes that all exist
 * already, which would make every restart on an existing database fail.
 */
export async function openProfileStore<C extends BaseServiceConfig>(context: ServiceContext<C>): Promise<ProfileStore> {
  const store = context.store<Profile>(PROFILES);
  await store.collection.createIndex({ searchName: 1, _id: 1 }, { name: 'organization_search' });
  return store;
}
