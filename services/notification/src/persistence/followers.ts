import type { Collection, Db } from 'mongodb';
import { upsertIfNewer } from '@eventonight/platform';

export const FOLLOWERS_COLLECTION = 'followers';

/**
 * This service's own copy of "who follows whom", fed by interaction.follow.* events.
 * An unfollow keeps the document with `active: false`, so a late follow.added (older
 * `sourceVersion`) cannot resurrect it.
 */
export interface FollowerDocument {
  _id: string;
  followerId: string;
  followeeId: string;
  active: boolean;
  /** The follow aggregate's version in the source event: the order of follow/unfollow of one pair. */
  sourceVersion: number;
}

export function followId(followerId: string, followeeId: string): string {
  return JSON.stringify([followeeId, followerId]);
}

export class FollowerRepository {
  readonly collection: Collection<FollowerDocument>;

  constructor(db: Db) {
    this.collection = db.collection<FollowerDocument>(FOLLOWERS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ followeeId: 1, active: 1, _id: 1 }, { name: 'followee_active' });
  }

  record(followerId: string, followeeId: string, active: boolean, sourceVersion: number): Promise<'applied' | 'stale'> {
    return upsertIfNewer(this.collection, followId(followerId, followeeId), sourceVersion, { followerId, followeeId, active });
  }

  /**
   * Streams the active followers of `followeeId` in batches of `batchSize` ids: the driver
   * fetches one batch at a time, so memory stays bounded by the batch, not the audience.
   */
  async *followerBatches(followeeId: string, batchSize: number): AsyncGenerator<string[]> {
    const cursor = this.collection
      .find({ followeeId, active: true }, { projection: { followerId: 1 }, batchSize })
      .sort({ _id: 1 });
    let batch: string[] = [];
    try {
      for await (const row of cursor) {
        batch.push(row.followerId);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      await cursor.close();
    }
  }
}
