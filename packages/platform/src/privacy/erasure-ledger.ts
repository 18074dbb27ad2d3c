import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import { problems } from '../http/problem.js';

export const ERASURES_COLLECTION = 'erasures';

/**
 * The one-way digest under which a service remembers that a user was erased (ADR 0027). It is
 * not the id: nothing can be read back from it, and only someone who already holds the id can
 * match it. The prefix keeps it from equalling any other hash of the id.
 */
export function erasureDigest(userId: string): string {
  return createHash('sha256').update(`eventonight-erased-user:${userId}`).digest('hex');
}

interface ErasureDocument {
  _id: string;
  erasedAt: Date;
}

/**
 * The users this service has erased, kept so that a late or replayed message, or a request with
 * an access token issued before the deletion, cannot bring their data back. Record the erasure
 * BEFORE deleting anything: a crash in between leaves a recorded erasure that the redelivered
 * `user.deleted` completes.
 */
export class ErasureLedger {
  private readonly erasures;

  constructor(db: Db) {
    this.erasures = db.collection<ErasureDocument>(ERASURES_COLLECTION);
  }

  /** Idempotent: a second `user.deleted` keeps the first date. */
  async record(userId: string, at: Date = new Date()): Promise<void> {
    await this.erasures.updateOne({ _id: erasureDigest(userId) }, { $setOnInsert: { erasedAt: at } }, { upsert: true });
  }

  async isErased(userId: string): Promise<boolean> {
    return (await this.erasures.countDocuments({ _id: erasureDigest(userId) }, { limit: 1 })) > 0;
  }

  /** For commands taken with the caller's token: a deleted account's token may still be unexpired. */
  async refuseErased(userId: string): Promise<void> {
    if (await this.isErased(userId)) throw problems.accountDeleted();
  }

  /** The ids among `userIds` that were erased (one query for a whole batch). */
  async erasedAmong(userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const byDigest = new Map(userIds.map((userId) => [erasureDigest(userId), userId]));
    const found = await this.erasures.find({ _id: { $in: [...byDigest.keys()] } }, { projection: { _id: 1 } }).toArray();
    return new Set(found.map((document) => byDigest.get(document._id) ?? ''));
  }
}
