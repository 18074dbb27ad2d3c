import type { AggregateStore, BaseServiceConfig, ServiceContext } from '@eventonight/platform';
import type { Profile } from '../domain/profile.js';

export const PROFILES = 'profiles';

export type ProfileStore = AggregateStore<Profile>;

/** The profile store and the index behind organization search (prefix on searchName, then _id). */
export async function openProfileStore<C extends BaseServiceConfig>(context: ServiceContext<C>): Promise<ProfileStore> {
  const store = context.store<Profile>(PROFILES);
  await store.ensureIndexes([{ key: { searchName: 1, _id: 1 }, name: 'organization_search' }]);
  return store;
}
