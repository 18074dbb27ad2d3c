import { ERASURES_COLLECTION } from '@eventonight/platform';
import type { Collection, Db } from 'mongodb';

/**
 * Reads the erasure ledger's dates (never an id: the ledger holds digests only), so that the
 * sweeper looks for late uploads of erased owners only while one could still arrive.
 */
export class RecentErasures {
  private readonly collection: Collection<{ _id: string; erasedAt: Date }>;

  constructor(db: Db) {
    this.collection = db.collection(ERASURES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndexes([{ key: { erasedAt: 1 }, name: 'by_erased_at' }]);
  }

  async anySince(since: Date): Promise<boolean> {
    return (await this.collection.countDocuments({ erasedAt: { $gte: since } }, { limit: 1 })) > 0;
  }
}
