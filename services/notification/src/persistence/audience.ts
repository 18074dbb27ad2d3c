import type { Collection, Db } from 'mongodb';
import { upsertIfNewer } from '@eventonight/platform';

/**
 * This service's own copy of who belongs to whose audience, fed by events: the followers of a
 * user (interaction.follow.*) and the participants of an event (interaction.participation.*,
 * which ticket purchases feed too). A removal keeps the document with `active: false`, so a
 * late "added" (older `sourceVersion`) cannot resurrect it.
 */
export interface AudienceDocument {
  _id: string;
  /** The follower, or the participant. */
  memberId: string;
  /** The followed user, or the event. */
  targetId: string;
  active: boolean;
  /** The source aggregate's version: the order of add/remove of one pair. */
  sourceVersion: number;
}

export const FOLLOWERS_COLLECTION = 'followers';
export const PARTICIPANTS_COLLECTION = 'participants';

export function audienceId(memberId: string, targetId: string): string {
  return JSON.stringify([targetId, memberId]);
}

export class AudienceRepository {
  readonly collection: Collection<AudienceDocument>;

  constructor(db: Db, collectionName: string) {
    this.collection = db.collection<AudienceDocument>(collectionName);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ targetId: 1, active: 1, _id: 1 }, { name: 'target_active' });
  }

  record(memberId: string, targetId: string, active: boolean, sourceVersion: number): Promise<'applied' | 'stale'> {
    return upsertIfNewer(this.collection, audienceId(memberId, targetId), sourceVersion, { memberId, targetId, active });
  }

  /** Erasure: every entry of the user, as a member (follower, participant) and as a target (followee). */
  async forget(userId: string): Promise<number> {
    return (await this.collection.deleteMany({ $or: [{ memberId: userId }, { targetId: userId }] })).deletedCount;
  }

  /**
   * Streams the active members of `targetId` in batches of `batchSize` ids: the driver fetches
   * one batch at a time, so memory stays bounded by the batch, not the audience.
   */
  async *memberBatches(targetId: string, batchSize: number): AsyncGenerator<string[]> {
    const cursor = this.collection
      .find({ targetId, active: true }, { projection: { memberId: 1 }, batchSize })
      .sort({ _id: 1 });
    let batch: string[] = [];
    try {
      for await (const row of cursor) {
        batch.push(row.memberId);
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
