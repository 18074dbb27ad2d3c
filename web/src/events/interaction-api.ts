import { call } from '../api/client';
import type { paths as InteractionPaths } from '../api/generated/interaction';
import type { paths as UserPaths } from '../api/generated/user';
import { useApi } from '../app/context';

export type EventStats = InteractionPaths['/events/{eventId}/stats']['get']['responses'][200]['content']['application/json'];
export type MyEventState = InteractionPaths['/events/{eventId}/me']['get']['responses'][200]['content']['application/json'];
type ReviewList = InteractionPaths['/events/{eventId}/reviews']['get']['responses'][200]['content']['application/json'];
export type ReviewView = ReviewList['items'][number];
export type PublicProfile = UserPaths['/users/{id}']['get']['responses'][200]['content']['application/json'];

export function statsOf(eventId: string): Promise<EventStats> {
  return call(useApi().interaction.GET('/events/{eventId}/stats', { params: { path: { eventId } } }));
}

export function myStateOf(eventId: string): Promise<MyEventState> {
  return call(useApi().interaction.GET('/events/{eventId}/me', { params: { path: { eventId } } }));
}

export function reviewsOf(eventId: string, cursor: string | undefined): Promise<ReviewList> {
  return call(useApi().interaction.GET('/events/{eventId}/reviews', { params: { path: { eventId }, query: cursor === undefined ? {} : { cursor } } }));
}

export async function setLiked(eventId: string, liked: boolean): Promise<void> {
  const api = useApi().interaction;
  const options = { params: { path: { eventId } } };
  await call(liked ? api.PUT('/events/{eventId}/like', options) : api.DELETE('/events/{eventId}/like', options));
}

export async function setGoing(eventId: string, going: boolean): Promise<void> {
  const api = useApi().interaction;
  const options = { params: { path: { eventId } } };
  await call(going ? api.PUT('/events/{eventId}/participation', options) : api.DELETE('/events/{eventId}/participation', options));
}

export async function writeReview(eventId: string, rating: number, text: string): Promise<void> {
  await call(useApi().interaction.PUT('/events/{eventId}/review', { params: { path: { eventId } }, body: { rating, text } }));
}

export function profileOf(id: string): Promise<PublicProfile> {
  return call(useApi().user.GET('/users/{id}', { params: { path: { id } } }));
}
