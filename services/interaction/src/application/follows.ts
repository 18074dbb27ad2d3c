import { problemOf, problems } from '@eventonight/platform';
import { followEvent } from '../domain/events.js';
import { relationId } from '../domain/keys.js';
import type { UserCopy } from '../domain/copies.js';
import type { InteractionDeps } from './deps.js';
import { asLiveCaller } from './event-gate.js';
import { selfFollow } from './problem-kinds.js';
import { decideAndWrite, type Outcome } from './write-once.js';
import { refuseUnsafeFollow } from './safety.js';

function refuseSelf(followerId: string, followeeId: string): void {
  if (followerId === followeeId) throw problemOf(selfFollow, 'You cannot follow yourself.', { extensions: { reason: 'self-follow' } });
}

/** A known, not deleted user, or 404. */
export async function knownUser(deps: InteractionDeps, userId: string): Promise<UserCopy> {
  const user = await deps.copies.user(userId);
  if (user === null || user.deleted) throw problems.notFound('The user does not exist.');
  return user;
}

/** Following oneself is a well-formed request the rules refuse (422); anyone else who exists may be followed. */
export async function followCommand(deps: InteractionDeps, followerId: string, followeeId: string): Promise<Outcome> {
  refuseSelf(followerId, followeeId);
  await refuseUnsafeFollow(deps, followerId, followeeId);
  // Organizations and members alike (ADR 0040): the followee need only exist.
  await asLiveCaller(deps, followerId, () => knownUser(deps, followeeId));
  const id = relationId('follow', followeeId, followerId);
  const now = deps.clock();
  return decideAndWrite(deps.follows, id, (current) => {
    if (current === null) {
      const state = { _id: id, followerId, followeeId, active: true, activatedAt: now, updatedAt: now };
      return { kind: 'create', state, events: [followEvent('interaction.follow.added', state)] };
    }
    if (current.state.active) return { kind: 'none' };
    return {
      kind: 'update',
      changes: { active: true, activatedAt: now, updatedAt: now },
      events: [followEvent('interaction.follow.added', current.state)],
    };
  });
}

/** Unfollowing needs no copy of the followee: one can always stop following a deleted account. */
export async function unfollowCommand(deps: InteractionDeps, followerId: string, followeeId: string): Promise<Outcome> {
  refuseSelf(followerId, followeeId);
  await deps.ledger.refuseErased(followerId);
  const now = deps.clock();
  return decideAndWrite(deps.follows, relationId('follow', followeeId, followerId), (current) => {
    if (current === null || !current.state.active) return { kind: 'none' };
    return { kind: 'update', changes: { active: false, updatedAt: now }, events: [followEvent('interaction.follow.removed', current.state)] };
  });
}

export async function isFollowing(deps: InteractionDeps, followerId: string, followeeId: string): Promise<boolean> {
  const found = await deps.follows.load(relationId('follow', followeeId, followerId));
  return found?.state.active === true;
}
