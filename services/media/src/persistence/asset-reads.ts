import type { Collection, Filter } from 'mongodb';
import type { StoredAggregate } from '@eventonight/platform';
import type { AssetState } from '../domain/asset.js';

/** Queries of the sweeper (ids, bounded by `limit`), the erasure and the export. */
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

  /** Every asset of an owner, whatever its state (erasure, export), oldest first. */
  async ownedBy(ownerId: string): Promise<AssetState[]> {
    const found = await this.collection
      .find({ ownerId } as Filter<StoredAggregate<AssetState>>, { projection: { outbox: 0, outboxPending: 0, outboxTicket: 0, version: 0 } })
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
    return found as unknown as AssetState[];
  }

  /** Owners of pending uploads whose URL still works after `since`: the uploads that could still land. */
  async ownersOfOpenUploads(since: Date): Promise<string[]> {
    const filter = { status: 'pending', uploadExpiresAt: { $gte: since } } as Filter<StoredAggregate<AssetState>>;
    const found = await this.collection.find(filter, { projection: { ownerId: 1 } }).toArray();
    return [...new Set(found.map((document) => document.ownerId))];
  }

  private async ids(filter: Filter<StoredAggregate<AssetState>>, limit: number): Promise<string[]> {
    const found = await this.collection.find(filter, { projection: { _id: 1 } }).limit(limit).toArray();
    return found.map((document) => document._id);
  }
}
