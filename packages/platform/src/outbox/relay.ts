import { randomUUID } from 'node:crypto';
import type { Collection, Db, Document, Filter } from 'mongodb';
import type { DomainEvent } from '@eventonight/contracts';
import type { Logger } from '../logger/logger.js';
import type { EventPublisher } from '../bus/publisher.js';
import { sleep } from '../util/backoff.js';
import { NO_LEASE, type OutboxFields } from './fields.js';
import type { OutboxSignal } from './signal.js';

export interface OutboxRelayOptions {
  db: Db;
  /** Aggregate collections whose documents carry an outbox. */
  collections: readonly string[];
  publisher: EventPublisher;
  signal: OutboxSignal;
  logger: Logger;
  /** Poll interval for writes made by other processes and leftovers after a crash. */
  pollIntervalMs?: number;
  /** Documents claimed per round. */
  batchSize?: number;
  /** How long a claim protects a document from other relays; longer than one publish round. */
  leaseMs?: number;
}

type OutboxDocument = Document & { _id: string } & OutboxFields;

interface Claimed {
  collection: Collection<OutboxDocument>;
  document: OutboxDocument;
}

/**
 * Moves outbox entries to the broker. Each round claims a batch of pending documents with a
 * lease (so another relay never publishes the same outbox at the same time), publishes their
 * entries in order with confirms, and removes from each document only the prefix the broker
 * confirmed. Order within an aggregate holds because a document's entries are only ever
 * published by the lease holder, in array order, and removed oldest first.
 */
export class OutboxRelay {
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly collections: Array<Collection<OutboxDocument>>;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private rung = false;
  private unsubscribe: (() => void) | null = null;
  private failures = 0;
  private lastReclaimAt = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.batchSize = options.batchSize ?? 2_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.collections = options.collections.map((name) => options.db.collection<OutboxDocument>(name));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.options.signal.subscribe(() => this.wake());
    this.loop = this.run();
  }

  /** Stops after the current round; `flush` first to publish what is pending. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    await this.loop;
  }

  /** Publishes until no pending entry is left (or the deadline passes); used at shutdown and in tests. */
  async flush(deadlineMs = 10_000): Promise<boolean> {
    const until = Date.now() + deadlineMs;
    while (Date.now() < until) {
      if ((await this.pendingCount()) === 0) return true;
      this.wake();
      await sleep(50);
    }
    return (await this.pendingCount()) === 0;
  }

  async pendingCount(): Promise<number> {
    let total = 0;
    for (const collection of this.collections) {
      total += await collection.countDocuments({ outboxPending: true } as Filter<OutboxDocument>);
    }
    return total;
  }

  private wake(): void {
    this.rung = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.rung = false;
      let published = 0;
      try {
        published = await this.round();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 30 === 0) {
          this.options.logger.warn({ err: error, failures: this.failures }, 'outbox relay round failed');
        }
      }
      if (published > 0 || this.rung) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollIntervalMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  /** One claim → publish → acknowledge round over all collections; returns events published. */
  private async round(): Promise<number> {
    if (!this.options.publisher.ready) return 0;
    const token = randomUUID();
    const claimed: Claimed[] = [];
    for (const collection of this.collections) {
      for (const document of await this.claim(collection, token)) claimed.push({ collection, document });
    }
    if (claimed.length === 0) return 0;
    try {
      const events = claimed.flatMap((c) => c.document.outbox);
      const confirmed = await this.options.publisher.publish(events);
      if (confirmed.every(Boolean)) {
        await this.acknowledgeWholeBatch(claimed, token);
        return events.length;
      }
      const acknowledged: Array<{ claim: Claimed; count: number }> = [];
      let offset = 0;
      for (const claim of claimed) {
        const flags = confirmed.slice(offset, offset + claim.document.outbox.length);
        offset += claim.document.outbox.length;
        const count = confirmedPrefixLength(flags);
        if (count > 0) acknowledged.push({ claim, count });
      }
      await this.acknowledgeAll(acknowledged, token);
      return acknowledged.reduce((sum, a) => sum + a.count, 0);
    } finally {
      // Release whatever this round still holds (a failed publish, a write that raced us).
      for (const collection of this.collections) {
        await collection
          .updateMany({ outboxLeaseToken: token } as Filter<OutboxDocument>, {
            $set: { outboxLeaseToken: NO_LEASE, outboxLeaseUntil: null },
          })
          .catch(() => undefined);
      }
    }
  }

  private async claim(collection: Collection<OutboxDocument>, token: string): Promise<OutboxDocument[]> {
    await this.reclaimExpiredLeases(collection);
    // Only equality filters: FerretDB evaluates those (and the limit) in its storage.
    const free = { outboxPending: true, outboxLeaseToken: NO_LEASE } as Filter<OutboxDocument>;
    const candidates = await collection.find(free, { projection: { _id: 1 } }).limit(this.batchSize).toArray();
    if (candidates.length === 0) return [];
    // The filter is re-checked per document inside updateMany, so two relays never both win one.
    await collection.updateMany({ ...free, _id: { $in: candidates.map((c) => c._id) } } as Filter<OutboxDocument>, {
      $set: {
        outboxLeaseToken: token,
        outboxLeaseUntil: new Date(Date.now() + this.leaseMs),
        outboxAppendedSinceClaim: false,
      },
    });
    return collection
      .find({ outboxLeaseToken: token } as Filter<OutboxDocument>, { projection: { _id: 1, version: 1, outbox: 1 } })
      .toArray();
  }

  /** Frees documents whose relay died holding them (checked at most twice per lease period). */
  private async reclaimExpiredLeases(collection: Collection<OutboxDocument>): Promise<void> {
    const now = Date.now();
    if (now - this.lastReclaimAt < this.leaseMs / 2) return;
    this.lastReclaimAt = now;
    await collection.updateMany(
      { outboxPending: true, outboxLeaseToken: { $ne: NO_LEASE }, outboxLeaseUntil: { $lt: new Date(now) } } as Filter<OutboxDocument>,
      { $set: { outboxLeaseToken: NO_LEASE, outboxLeaseUntil: null } },
    );
  }

  /**
   * Everything read was confirmed: documents nobody appended to since the claim lose their
   * whole outbox in one update; the others fall back to removing their published entries.
   */
  private async acknowledgeWholeBatch(claimed: readonly Claimed[], token: string): Promise<void> {
    const stillLeased = new Set<string>();
    for (const collection of this.collections) {
      await collection.updateMany(
        { outboxLeaseToken: token, outboxAppendedSinceClaim: false } as Filter<OutboxDocument>,
        { $set: removal([]) },
      );
      const left = await collection
        .find({ outboxLeaseToken: token } as Filter<OutboxDocument>, { projection: { _id: 1 } })
        .toArray();
      for (const document of left) stillLeased.add(`${collection.collectionName}/${document._id}`);
    }
    for (const claim of claimed) {
      if (stillLeased.has(`${claim.collection.collectionName}/${claim.document._id}`)) await this.acknowledgeOne(claim, token, claim.document.outbox.length);
    }
  }

  /**
   * Removes each document's published prefix in one bulk write per collection (the common
   * case: nobody wrote meanwhile). A document whose version moved on is redone on its own.
   */
  private async acknowledgeAll(acknowledged: ReadonlyArray<{ claim: Claimed; count: number }>, token: string): Promise<void> {
    for (const collection of this.collections) {
      const mine = acknowledged.filter((a) => a.claim.collection === collection);
      for (let start = 0; start < mine.length; start += ACK_CHUNK) {
        const chunk = mine.slice(start, start + ACK_CHUNK);
        const result = await collection.bulkWrite(
          chunk.map(({ claim, count }) => ({
            updateOne: {
              filter: removalGuard(claim.document, token),
              update: { $set: removal(claim.document.outbox.slice(count)) },
            },
          })),
          { ordered: false },
        );
        if (result.matchedCount === chunk.length) continue;
        for (const { claim, count } of chunk) await this.acknowledgeOne(claim, token, count);
      }
    }
  }

  /**
   * Removes the first `count` published entries of one document. Writers only append to the
   * outbox, and the version guard makes the removal lose (and be recomputed) if a writer
   * appended meanwhile. A document no longer leased by `token` was already acknowledged.
   */
  private async acknowledgeOne({ collection, document }: Claimed, token: string, count: number): Promise<void> {
    const publishedIds = new Set(document.outbox.slice(0, count).map((event: DomainEvent) => event.id));
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const current = await collection.findOne(
        { _id: document._id, outboxLeaseToken: token } as Filter<OutboxDocument>,
        { projection: { _id: 1, version: 1, outbox: 1 } },
      );
      if (current === null) return;
      const remaining = current.outbox.filter((event: DomainEvent) => !publishedIds.has(event.id));
      const result = await collection.updateOne(removalGuard(current, token), { $set: removal(remaining) });
      if (result.matchedCount === 1) return;
    }
  }
}

/**
 * Updates per bulk write. FerretDB 1.24 keeps a database connection open for every statement
 * of a command until the whole command ends; its pool has 50, so a bigger batch deadlocks it.
 */
const ACK_CHUNK = 16;

function removalGuard(document: Pick<OutboxDocument, '_id' | 'version'>, token: string): Filter<OutboxDocument> {
  return { _id: document._id, version: document.version, outboxLeaseToken: token } as Filter<OutboxDocument>;
}

function removal(remaining: readonly DomainEvent[]): Partial<OutboxFields> {
  return { outbox: [...remaining], outboxPending: remaining.length > 0, outboxLeaseToken: NO_LEASE, outboxLeaseUntil: null };
}

function confirmedPrefixLength(flags: readonly boolean[]): number {
  const firstFailure = flags.indexOf(false);
  return firstFailure === -1 ? flags.length : firstFailure;
}
