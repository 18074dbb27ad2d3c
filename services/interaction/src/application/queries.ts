import { visibleReviews } from './safety.js';
import { problems } from '@eventonight/platform';
import { relationId } from '../domain/keys.js';
import type { EventCopy } from '../domain/copies.js';
import type { FollowState, ParticipationState, ReviewState } from '../domain/relations.js';
import type { TimeCursor } from '@eventonight/platform';
import type { Page } from '../persistence/reads.js';
import type { InteractionDeps } from './deps.js';
import { asLiveCaller, visibleEvent } from './event-gate.js';
import { isFollowing, knownUser } from './follows.js';
import { goingIsPublic } from './profile-privacy.js';
import { isParticipant } from './participations.js';

export interface PageRequest {
  limit: number;
  after?: TimeCursor;
}

export async function myEventRelations(deps: InteractionDeps, userId: string, eventId: string) {
  await asLiveCaller(deps, userId, () => visibleEvent(deps, eventId));
  const [like, participating, review] = await Promise.all([
    deps.likes.load(relationId('like', eventId, userId)),
    isParticipant(deps, userId, eventId),
    deps.reviews.load(relationId('review', eventId, userId)),
  ]);
  return { eventId, liked: like?.state.active === true, participating, review: review?.state ?? null };
}

export async function myUserRelations(deps: InteractionDeps, userId: string, otherId: string) {
  await asLiveCaller(deps, userId, () => knownUser(deps, otherId));
  const [following, followedBy] = await Promise.all([isFollowing(deps, userId, otherId), isFollowing(deps, otherId, userId)]);
  return { userId: otherId, following, followedBy };
}

export async function eventStats(deps: InteractionDeps, eventId: string) {
  await visibleEvent(deps, eventId);
  const [likes, participants, reviews] = await Promise.all([
    deps.reads.likeCount(eventId),
    deps.reads.participantCount(eventId),
    deps.reads.reviewSummary(eventId),
  ]);
  return { eventId, likes, participants, reviewCount: reviews.count, averageRating: reviews.averageRating };
}

export async function userStats(deps: InteractionDeps, userId: string) {
  await knownUser(deps, userId);
  const [followers, following] = await Promise.all([deps.reads.followerCount(userId), deps.reads.followingCount(userId)]);
  return { userId, followers, following };
}

async function withUsers<T>(deps: InteractionDeps, page: Page<T>, userIdOf: (item: T) => string) {
  const users = await deps.copies.usersById([...new Set(page.items.map(userIdOf))]);
  const items = page.items.map((item) => {
    const user = users.get(userIdOf(item));
    return { item, user: user === undefined || user.deleted ? null : user };
  });
  return { items, next: page.next };
}

export async function reviewsOfEvent(deps: InteractionDeps, eventId: string, request: PageRequest, callerId?: string) {
  await visibleEvent(deps, eventId);
  const page = await deps.reads.reviewsOf(eventId, request.limit, request.after);
  const withAuthors = await withUsers<ReviewState>(deps, page, (review) => review.userId);
  return { ...withAuthors, items: await visibleReviews(deps, callerId, withAuthors.items) };
}

export async function followersOfUser(deps: InteractionDeps, userId: string, request: PageRequest) {
  await knownUser(deps, userId);
  const page = await deps.reads.followersOf(userId, request.limit, request.after);
  return withUsers<FollowState>(deps, page, (follow) => follow.followerId);
}

export async function followeesOfUser(deps: InteractionDeps, userId: string, request: PageRequest) {
  await knownUser(deps, userId);
  const page = await deps.reads.followeesOf(userId, request.limit, request.after);
  return withUsers<FollowState>(deps, page, (follow) => follow.followeeId);
}

/**
 * What a member goes to: listed to others unless their profile is private (ADR 0040); for anyone
 * else a private, unknown or organization's list does not exist (404).
 */
export async function participationsOfUser(deps: InteractionDeps, callerId: string, userId: string, request: PageRequest) {
  if (callerId !== userId && !(await goingIsPublic(deps, userId))) throw problems.notFound('The resource does not exist.');
  await deps.ledger.refuseErased(callerId);
  const page = await deps.reads.participationsOf(userId, request.limit, request.after);
  const events = await deps.copies.eventsById(page.items.map((p) => p.eventId));
  const items = page.items.map((participation: ParticipationState) => ({
    participation,
    event: (events.get(participation.eventId) ?? null) as EventCopy | null,
  }));
  return { items, next: page.next };
}
