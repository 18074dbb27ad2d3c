import { isProblem } from '@eventonight/platform';
import type { ReviewState } from '../domain/relations.js';
import type { InteractionDeps } from './deps.js';
import { unfollowCommand } from './follows.js';

/** A suspended account writes nothing; a blocked pair does not follow each other (ADR 0041). */
export async function refuseUnsafeFollow(deps: InteractionDeps, followerId: string, followeeId: string): Promise<void> {
  await deps.safety.refuseSuspended(followerId);
  await deps.safety.refuseBlocked(followerId, followeeId, 'You cannot follow this member: one of you has blocked the other.');
}

/** A suspended account writes no review; one review of the caller's per-minute allowance (429 past it). */
export async function refuseUnsafeReview(deps: InteractionDeps, userId: string): Promise<void> {
  await deps.safety.refuseSuspended(userId);
  if (deps.limiter !== null) await deps.limiter.limiter.take('review', userId, deps.limiter.perMinute, 60, 'reviews');
}

/** A block ends the follows between the two, both ways (idempotent: unfollowing twice changes nothing). */
export async function endFollowsOnBlock(deps: InteractionDeps, blockerId: string, blockedId: string): Promise<void> {
  for (const [follower, followee] of [[blockerId, blockedId], [blockedId, blockerId]] as const) {
    // An erased member's follows are gone already (its refusal is a problem, not a failure to retry).
    await unfollowCommand(deps, follower, followee).catch((error: unknown) => {
      if (!isProblem(error)) throw error;
    });
  }
}

/** Reviews a moderator hid leave every list; so do, for the caller, those of members blocked either way. */
export async function visibleReviews<T extends { item: ReviewState }>(deps: InteractionDeps, callerId: string | undefined, items: T[]): Promise<T[]> {
  const hidden = await deps.safety.hiddenAmong('review', items.map(({ item }) => item._id));
  const blocked = callerId === undefined ? new Set<string>() : await deps.safety.blockedWith(callerId);
  if (hidden.size === 0 && blocked.size === 0) return items;
  return items.filter(({ item }) => !hidden.has(item._id) && !blocked.has(item.userId));
}

/** For the caller, the members blocked either way leave a list of people (followers, following): ADR 0041. */
export async function visibleMembers<T>(deps: InteractionDeps, callerId: string | undefined, items: T[], memberOf: (item: T) => string): Promise<T[]> {
  if (callerId === undefined || items.length === 0) return items;
  const blocked = await deps.safety.blockedWith(callerId);
  return blocked.size === 0 ? items : items.filter((item) => !blocked.has(memberOf(item)));
}
