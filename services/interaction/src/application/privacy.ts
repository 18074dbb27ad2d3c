import type { ExportRow, ExportSections } from '@eventonight/contracts';
import { answerExportRequest, forgetExportParts, type StoredAggregate } from '@eventonight/platform';
import type { Filter } from 'mongodb';
import type { EventCopy } from '../domain/copies.js';
import type { FollowState, LikeState, ParticipationState, ReviewState } from '../domain/relations.js';
import { withoutOutbox } from '../persistence/collections.js';
import type { InteractionDeps } from './deps.js';

/** What an erasure removed (for the log; a redelivery finds zeros). */
export interface ErasureSummary {
  likes: number;
  participations: number;
  reviews: number;
  follows: number;
}

type Stored<T extends { _id: string }> = Filter<StoredAggregate<T>>;

/**
 * `user.deleted` (ADR 0027): the erasure is recorded first, then every relation BY the user
 * (likes, participations, reviews, follows both ways) is deleted with its document, pending
 * outbox entries included, so counts (countDocuments of active relations) and the average rating
 * drop them at once; then the user's copy and the record of their exports go. Every step is
 * idempotent: a redelivery, or one after a crash midway, finishes what is left.
 *
 * Nothing is published about the removed relations: a like.removed naming the erased person
 * would carry the id again; the pages that show counts read them from here.
 */
export async function eraseUser(deps: InteractionDeps, userId: string): Promise<ErasureSummary> {
  await deps.ledger.record(userId, deps.clock());
  const [likes, participations, reviews, following, followers] = await Promise.all([
    deps.likes.collection.deleteMany({ userId } as Stored<LikeState>),
    deps.participations.collection.deleteMany({ userId } as Stored<ParticipationState>),
    deps.reviews.collection.deleteMany({ userId } as Stored<ReviewState>),
    deps.follows.collection.deleteMany({ followerId: userId } as Stored<FollowState>),
    deps.follows.collection.deleteMany({ followeeId: userId } as Stored<FollowState>),
  ]);
  await deps.copies.forgetUser(userId);
  await forgetExportParts(deps.exportParts.collection, userId);
  return {
    likes: likes.deletedCount,
    participations: participations.deletedCount,
    reviews: reviews.deletedCount,
    follows: following.deletedCount + followers.deletedCount,
  };
}

/**
 * Copies written before ADR 0027 kept a deleted user as a tombstone with its name, avatar and
 * relations: erase each one completely (once; afterwards none is left to find).
 */
export async function eraseTombstonedUsers(deps: InteractionDeps): Promise<number> {
  const ids = await deps.copies.tombstonedUserIds();
  for (const userId of ids) {
    const summary = await eraseUser(deps, userId);
    deps.logger.info({ ...summary }, 'erased a user the earlier code had kept as a tombstone');
  }
  return ids.length;
}

const iso = (date: Date | undefined | null): string | null => (date instanceof Date ? date.toISOString() : null);

/** Everything this service holds about `userId`, as the export's flat sections. */
export async function exportSectionsOf(deps: InteractionDeps, userId: string): Promise<ExportSections> {
  const projection = { projection: withoutOutbox };
  const [likes, participations, reviews, following, followers] = await Promise.all([
    deps.likes.collection.find({ userId } as Stored<LikeState>, projection).sort({ activatedAt: -1, _id: 1 }).toArray(),
    deps.participations.collection.find({ userId } as Stored<ParticipationState>, projection).sort({ activatedAt: -1, _id: 1 }).toArray(),
    deps.reviews.collection.find({ userId } as Stored<ReviewState>, projection).sort({ createdAt: -1, _id: 1 }).toArray(),
    deps.follows.collection.find({ followerId: userId } as Stored<FollowState>, projection).sort({ activatedAt: -1, _id: 1 }).toArray(),
    deps.follows.collection.find({ followeeId: userId } as Stored<FollowState>, projection).sort({ activatedAt: -1, _id: 1 }).toArray(),
  ]);
  const eventIds = new Set([...likes, ...participations, ...reviews].map((relation) => relation.eventId));
  const otherIds = new Set([...following.map((follow) => follow.followeeId), ...followers.map((follow) => follow.followerId)]);
  const [events, users] = await Promise.all([deps.copies.eventsById([...eventIds]), deps.copies.usersById([...otherIds])]);
  const eventOf = (eventId: string): EventCopy | undefined => events.get(eventId);
  const nameOf = (otherId: string): string | null => {
    const user = users.get(otherId);
    return user === undefined || user.deleted ? null : (user.displayName ?? null);
  };

  const likeRows: ExportRow[] = likes.map((like) => ({
    event_id: like.eventId,
    event_title: eventOf(like.eventId)?.title ?? null,
    liked_now: like.active,
    liked_at: iso(like.activatedAt),
    last_changed_at: iso(like.updatedAt),
  }));
  const participationRows: ExportRow[] = participations.map((participation) => ({
    event_id: participation.eventId,
    event_title: eventOf(participation.eventId)?.title ?? null,
    event_starts_at: iso(eventOf(participation.eventId)?.startsAt),
    going_now: participation.active,
    going_since: iso(participation.activatedAt),
    last_changed_at: iso(participation.updatedAt),
    ticket_order_ids: (participation.ticketOrderIds ?? []).join(' '),
  }));
  const followRow = (direction: 'you follow' | 'follows you', otherId: string, follow: FollowState): ExportRow => ({
    direction,
    user_id: otherId,
    display_name: nameOf(otherId),
    following_now: follow.active,
    since: iso(follow.activatedAt),
    last_changed_at: iso(follow.updatedAt),
  });
  const reviewRows: ExportRow[] = reviews.map((review) => ({
    event_id: review.eventId,
    event_title: eventOf(review.eventId)?.title ?? null,
    rating: review.rating,
    text: review.text,
    written_at: iso(review.createdAt),
    last_edited_at: iso(review.updatedAt),
  }));
  return {
    likes: likeRows,
    participations: participationRows,
    follows: [
      ...following.map((follow) => followRow('you follow', follow.followeeId, follow)),
      ...followers.map((follow) => followRow('follows you', follow.followerId, follow)),
    ],
    reviews: reviewRows,
  };
}

/** `user.export.requested`: answers once per export; an erased user's request gets no answer. */
export async function answerExport(
  deps: InteractionDeps,
  request: { exportId: string; userId: string },
): Promise<'answered' | 'already-answered' | 'erased'> {
  if (await deps.ledger.isErased(request.userId)) return 'erased';
  const sections = await exportSectionsOf(deps, request.userId);
  return answerExportRequest(deps.exportParts, 'interaction', { ...request, sections }, deps.clock());
}
