import { call } from '../api/client';
import type { paths as InteractionPaths } from '../api/generated/interaction';
import { useApi } from '../app/context';

export type UserStats = InteractionPaths['/users/{userId}/stats']['get']['responses'][200]['content']['application/json'];

export function userStatsOf(userId: string): Promise<UserStats> {
  return call(useApi().interaction.GET('/users/{userId}/stats', { params: { path: { userId } } }));
}

export async function isFollowing(userId: string): Promise<boolean> {
  return (await call(useApi().interaction.GET('/users/{userId}/me', { params: { path: { userId } } }))).following;
}

export async function setFollowing(userId: string, follow: boolean): Promise<void> {
  const api = useApi().interaction;
  const options = { params: { path: { userId } } };
  await call(follow ? api.PUT('/users/{userId}/follow', options) : api.DELETE('/users/{userId}/follow', options));
}
