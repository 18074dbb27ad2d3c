import { isRestricted } from './moderation.js';
import type { SafetyStores } from '../persistence/safety.js';
import { problems, type Principal } from '@eventonight/platform';
import { isActive, type ActiveProfile } from '../domain/profile.js';
import { encodeCursor, type Cursor } from '../persistence/cursor.js';
import { findOrganizations } from '../persistence/organization-search.js';
import type { ProfileStore } from '../persistence/profiles.js';
import type { ProfileDeps } from './deps.js';
import { ensureProfile } from './ensure-profile.js';

const notFound = () => problems.notFound('This profile does not exist.');

/** The caller's own profile (recovered on first login); 401 account-deleted once deleted. */
export async function getOwnProfile(deps: ProfileDeps, principal: Principal): Promise<{ profile: ActiveProfile; version: number }> {
  const { profile, version } = await ensureProfile(deps, principal);
  // A profile that is not active is a deleted one (ensureProfile refuses those already).
  if (!isActive(profile)) throw problems.accountDeleted();
  return { profile, version };
}

/** Anyone's public profile; unknown and deleted ids are the same 404. */
export async function getPublicProfile(store: ProfileStore, userId: string, safety?: Pick<SafetyStores, 'items'>): Promise<ActiveProfile> {
  const loaded = await store.load(userId);
  if (loaded === null || !isActive(loaded.state)) throw notFound();
  // A profile a moderator hid is gone for everyone (ADR 0041).
  if (safety !== undefined && (await isRestricted(safety, 'profile', userId))) throw notFound();
  return loaded.state;
}

export async function searchOrganizations(
  store: ProfileStore,
  query: { search: string; limit: number; cursor?: Cursor | undefined },
): Promise<{ items: ActiveProfile[]; nextCursor: string | null }> {
  // The cursor was decoded (and an unknown one refused, 422) with the query.
  const page = await findOrganizations(store, { prefix: query.search, limit: query.limit, after: query.cursor });
  return { items: page.items, nextCursor: page.next === null ? null : encodeCursor(page.next) };
}
