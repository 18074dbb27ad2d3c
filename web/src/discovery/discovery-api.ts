import { call } from '../api/client';
import type { paths as EventPaths } from '../api/generated/event';
import type { paths as InteractionPaths } from '../api/generated/interaction';
import { useApi } from '../app/context';

/** Discovery (ADR 0040): near me, For you, Following, followed people going; following members. */

type NearResult = EventPaths['/discover/near']['get']['responses'][200]['content']['application/json'];
export type NearQuery = NonNullable<EventPaths['/discover/near']['get']['parameters']['query']>;
export type Discovered = NearResult['items'][number];
export type NearSort = NonNullable<NearQuery['sort']>;
export type FollowedGoing = EventPaths['/discover/events/{eventId}/followed-going']['get']['responses'][200]['content']['application/json'];
type UserList = InteractionPaths['/users/{userId}/followers']['get']['responses'][200]['content']['application/json'];
export type ListedUser = UserList['items'][number];
type Going = InteractionPaths['/users/{userId}/participations']['get']['responses'][200]['content']['application/json'];
export type GoingItem = Going['items'][number];
export type MyRelation = InteractionPaths['/users/{userId}/me']['get']['responses'][200]['content']['application/json'];

export function nearEvents(query: NearQuery): Promise<NearResult> {
  return call(useApi().event.GET('/discover/near', { params: { query } }));
}

export async function forYou(): Promise<Discovered[]> {
  return (await call(useApi().event.GET('/discover/for-you', { params: { query: { limit: 12 } } }))).items;
}

export async function followingFeed(): Promise<Discovered[]> {
  return (await call(useApi().event.GET('/discover/following', { params: { query: { limit: 50 } } }))).items;
}

export function followedGoing(eventId: string): Promise<FollowedGoing> {
  return call(useApi().event.GET('/discover/events/{eventId}/followed-going', { params: { path: { eventId } } }));
}

export function relationTo(userId: string): Promise<MyRelation> {
  return call(useApi().interaction.GET('/users/{userId}/me', { params: { path: { userId } } }));
}

export async function setFollowing(userId: string, follow: boolean): Promise<void> {
  const api = useApi().interaction;
  const options = { params: { path: { userId } } };
  await call(follow ? api.PUT('/users/{userId}/follow', options) : api.DELETE('/users/{userId}/follow', options));
}

export async function followersOf(userId: string): Promise<ListedUser[]> {
  return (await call(useApi().interaction.GET('/users/{userId}/followers', { params: { path: { userId } } }))).items;
}

export async function followingOf(userId: string): Promise<ListedUser[]> {
  return (await call(useApi().interaction.GET('/users/{userId}/following', { params: { path: { userId } } }))).items;
}

export async function goingOf(userId: string): Promise<GoingItem[]> {
  return (await call(useApi().interaction.GET('/users/{userId}/participations', { params: { path: { userId } } }))).items;
}

export async function setPrivateProfile(privateProfile: boolean): Promise<void> {
  await call(useApi().user.PATCH('/users/me', { body: { privateProfile } }));
}

/** "2.4 km", "850 m", "120 km". */
export function distanceLabel(km: number | null): string | null {
  if (km === null) return null;
  if (km < 1) return `${Math.round(km * 1000)} m`;
  return km < 10 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}
