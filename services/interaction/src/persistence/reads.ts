import type { StoredAggregate } from '@eventonight/platform';
import type { Collection, Document, Filter } from 'mongodb';
import type { FollowState, LikeState, ParticipationState, ReviewState } from '../domain/relations.js';
import { withoutOutbox } from './collections.js';
import { afterTimeCursor, type TimeCursor } from '@eventonight/platform';

export interface Page<T> {
  items: T[];
  next: TimeCursor | null;
}

export interface ReviewSummary {
  count: number;
  averageRating: number | null;
}

type Stored<T extends { _id: string }> = Collection<StoredAggregate<T>>;

/**
 * The query side. Counts are computed from the relation documents themselves (countDocuments
 * over an indexed equality filter), so they are exact by construction: there is no second
 * counter document that a crash or a race could leave out of step.
 */
export class InteractionReads {
  constructor(
    private readonly likes: Stored<LikeState>,
    private readonly follows: Stored<FollowState>,
    private readonly participations: Stored<ParticipationState>,
    private readonly reviews: Stored<ReviewState>,
  ) {}

  likeCount(eventId: string): Promise<number> {
    return this.likes.countDocuments({ eventId, active: true } as Filter<StoredAggregate<LikeState>>);
  }

  participantCount(eventId: string): Promise<number> {
    return this.participations.countDocuments({ eventId, active: true } as Filter<StoredAggregate<ParticipationState>>);
  }

  followerCount(userId: string): Promise<number> {
    return this.follows.countDocuments({ followeeId: userId, active: true } as Filter<StoredAggregate<FollowState>>);
  }

  followingCount(userId: string): Promise<number> {
    return this.follows.countDocuments({ followerId: userId, active: true } as Filter<StoredAggregate<FollowState>>);
  }

  /**
   * Count and sum in the database, the division here. Two queries on purpose: FerretDB 1.24 has
   * no $avg and computes only the first of two $sum accumulators in one $group (measured).
   */
  async reviewSummary(eventId: string): Promise<ReviewSummary> {
    const [count, rows] = await Promise.all([
      this.reviews.countDocuments({ eventId } as Filter<StoredAggregate<ReviewState>>),
      this.reviews
        .aggregate<{ total: number }>([{ $match: { eventId } }, { $group: { _id: null, total: { $sum: '$rating' } } }])
        .toArray(),
    ]);
    const total = rows[0]?.total ?? 0;
    if (count === 0) return { count: 0, averageRating: null };
    return { count, averageRating: Math.round((total / count) * 100) / 100 };
  }

  reviewsOf(eventId: string, limit: number, after?: TimeCursor): Promise<Page<ReviewState>> {
    return page(this.reviews, { eventId }, 'createdAt', limit, after, (review) => review.createdAt);
  }

  followersOf(userId: string, limit: number, after?: TimeCursor): Promise<Page<FollowState>> {
    return page(this.follows, { followeeId: userId, active: true }, 'activatedAt', limit, after, (follow) => follow.activatedAt);
  }

  followeesOf(userId: string, limit: number, after?: TimeCursor): Promise<Page<FollowState>> {
    return page(this.follows, { followerId: userId, active: true }, 'activatedAt', limit, after, (follow) => follow.activatedAt);
  }

  participationsOf(userId: string, limit: number, after?: TimeCursor): Promise<Page<ParticipationState>> {
    return page(this.participations, { userId, active: true }, 'activatedAt', limit, after, (p) => p.activatedAt);
  }
}

/** One page in (sortField desc, _id desc) order: fetch limit + 1 to know whether more exist. */
async function page<T extends { _id: string }>(
  collection: Stored<T>,
  equal: Document,
  sortField: string,
  limit: number,
  after: TimeCursor | undefined,
  sortKeyOf: (item: T) => Date,
): Promise<Page<T>> {
  const filter = { ...equal, ...afterTimeCursor(sortField, after) };
  const documents = await collection
    .find(filter as Filter<StoredAggregate<T>>, { projection: withoutOutbox })
    .sort({ [sortField]: -1, _id: -1 })
    .limit(limit + 1)
    .toArray();
  const items = documents.slice(0, limit).map((document) => document as unknown as T);
  const last = items.at(-1);
  const next = documents.length > limit && last !== undefined ? { at: sortKeyOf(last), id: last._id } : null;
  return { items, next };
}
