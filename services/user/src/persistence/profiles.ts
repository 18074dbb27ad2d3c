import type { AggregateStore, BaseServiceConfig, ServiceContext } from '@eventonight/platform';
import type { Filter } from 'mongodb';
import type { Profile } from '../domain/profile.js';

export const PROFILES = 'profiles';

export type ProfileStore = AggregateStore<Profile>;

/**
 * The profile store, the index behind organization search (prefix on searchName, then _id) and
 * the one that finds the profile a confirmation link belongs to.
 */
export async function openProfileStore<C extends BaseServiceConfig>(context: ServiceContext<C>): Promise<ProfileStore> {
  const store = context.store<Profile>(PROFILES);
  await store.ensureIndexes([
    { key: { searchName: 1, _id: 1 }, name: 'organization_search' },
    { key: { 'emailChallenge.tokenHash': 1 }, name: 'email_challenge' },
  ]);
  return store;
}

/** The id of the profile whose pending confirmation has this digest, if any. */
export async function profileIdByChallenge(store: ProfileStore, tokenHash: string): Promise<string | null> {
  const found = await store.collection.findOne({ 'emailChallenge.tokenHash': tokenHash } as Filter<Profile>, { projection: { _id: 1 } });
  return found === null ? null : found._id;
}
