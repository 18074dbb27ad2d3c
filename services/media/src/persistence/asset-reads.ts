import type { Collection, Filter } from 'mongodb';
import type { StoredAggregate } from '@eventonight/platform';
import type { AssetState } from '../domain/asset.js';

/** Queries the sweeper runs; both only return ids, bounded by `limit`. */
export class AssetReads {
  constructor(private readonly collection: Collection<StoredAggregate<AssetState>>) {}

  /** Pending uploads whose URL expired before `cutoff`. */
  async overduePending(cutoff: Date, limit: number): Promise<string[]> {
    const filter = { status: 'pending', uploadExpiresAt: { $lt: cutoff } } as Filter<StoredAggregate<AssetState>>;
    return this.ids(filter, limit);
  }

  /** Expired or deleted assets whose object may still be in the bucket. */
  async awaitingPurge(limit: number): Promise<string[]> {
    return this.ids({ objectPurgePending: true } as Filter<StoredAggregate<AssetState>>, limit);
  }

  private async ids(filter: Filter<StoredAggregate<AssetState>>, limit: number): Promise<string[]> {
    const found = await this.collection.find(filter, { projection: { _id: 1 } }).limit(limit).toArray();
    return found.map((document) => document._id);
  }
}
