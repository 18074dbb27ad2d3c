import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Collection, Db, Document, Filter } from 'mongodb';
import type { DomainEvent } from '@eventonight/contracts';
import type { Logger } from '../logger/logger.js';
import type { EventPublisher } from '../bus/publisher.js';
import { sleep } from '../util/backoff.js';
import { NO_LEASE, type OutboxFields } from './fields.js';
import type { OutboxSignal } from './signal.js';
import { NO_TICKET, ticketOpenedAt, type Ticket } from './tickets.js';

export interface OutboxRelayOptions {
  db: Db;
  /** Aggregate collections whose documents carry an outbox. */
  collections: readonly string[];
  publisher: EventPublisher;
  /** Shared with the stores of this process: their writes are stamped with its tickets. */
  signal: OutboxSignal;
  logger: Logger;
  /** Poll interval for the rounds (a store's doorbell wakes the relay sooner). */
  pollIntervalMs?: number;
  /** Most documents per ticket, so per claim. */
  batchSize?: number;
  /** How long a claim protects a document from other relays; longer than one publish round. */
  leaseMs?: number;
}

type OutboxDocument = Document & { _id: string } & OutboxFields;

interface Claimed {
  collection: Collection<OutboxDocument>;
  document: OutboxDocument;
}

/** What the relay did since it started: the figures `bench:outbox` prints. */
export interface OutboxRelayStats {
  rounds: number;
  /** Documents claimed and events published (confirmed) over all rounds. */
  documents: number;
  events: number;
  /** Time spent claiming (claim + read), publishing (until every confirm) and acknowledging. */
  claimMs: number;
  publishMs: number;
  acknowledgeMs: number;
  /** Slowest single claim: bounded by the ticket size, not by the backlog (ADR 0020). */
  maxClaimMs: number;
  /** Sweeps for expired leases and stale tickets, and their total time. */
  sweeps: number;
  sweepMs: number;
}

/**
 * Moves outbox entries to the broker (ADR 0001, ADR 0020). Each write that appends events
 * stamps its document with this process's open ticket; a round seals a ticket, claims its
 * documents with a lease (so another relay never publishes the same outbox at the same time),
 * publishes all their entries with confirms outstanding together, and removes from each
 * document only the prefix the broker confirmed. Every command a round sends selects by
 * ticket or lease token, so its work is bounded by the ticket's size, not by the backlog.
 * Order within an aggregate holds because a document's entries are only ever published by
 * the lease holder, in array order, and removed oldest first.
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
  private lastSweepAt = 0;
  private moreTickets = false;
  private readonly figures: OutboxRelayStats = {
    rounds: 0,
    documents: 0,
    events: 0,
    claimMs: 0,
    publishMs: 0,
    acknowledgeMs: 0,
    maxClaimMs: 0,
    sweeps: 0,
    sweepMs: 0,
  };

  constructor(private readonly options: OutboxRelayOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.batchSize = options.batchSize ?? 2_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.collections = options.collections.map((name) => options.db.collection<OutboxDocument>(name));
    options.signal.tickets.limitStamps(this.batchSize);
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

  stats(): OutboxRelayStats {
    return { ...this.figures };
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
      // Go on at once while there is work: events moved, a doorbell, or sealed tickets that
      // are not merely waiting for their writes to land.
      if (published > 0 || this.rung || this.moreTickets) continue;
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

  /** One claim → publish → acknowledge round for the oldest sealed ticket; returns events published. */
  private async round(): Promise<number> {
    this.moreTickets = false;
    if (!this.options.publisher.ready) return 0;
    await this.sweepWhenDue();
    const tickets = this.options.signal.tickets;
    const ticket = tickets.next();
    if (ticket === null) return 0;
    // Writes that took the ticket and have not landed yet: claim again once they have.
    const stillLanding = ticket.inflight > 0;
    this.moreTickets = tickets.waiting > 0;
    const token = randomUUID();
    const claimed: Claimed[] = [];
    try {
      const claimStartedAt = performance.now();
      for (const collection of this.collections) {
        if (!ticket.stamps.has(collection.collectionName)) continue;
        for (const document of await this.claim(collection, ticket, token)) claimed.push({ collection, document });
      }
      const claimMs = performance.now() - claimStartedAt;
      this.figures.rounds += 1;
      this.figures.claimMs += claimMs;
      this.figures.maxClaimMs = Math.max(this.figures.maxClaimMs, claimMs);
      this.figures.documents += claimed.length;
    } catch (error) {
      tickets.requeue(ticket);
      throw error;
    }
    if (stillLanding) tickets.requeue(ticket);
    if (claimed.length === 0) return 0;
    try {
      const events = claimed.flatMap((c) => c.document.outbox);
      const publishStartedAt = performance.now();
      const confirmed = await this.options.publisher.publish(events);
      const acknowledgeStartedAt = performance.now();
      this.figures.publishMs += acknowledgeStartedAt - publishStartedAt;
      let count: number;
      if (confirmed.every(Boolean)) {
        await this.acknowledgeWholeBatch(claimed, token);
        count = events.length;
      } else {
        const acknowledged: Array<{ claim: Claimed; count: number }> = [];
        let offset = 0;
        for (const claim of claimed) {
          const flags = confirmed.slice(offset, offset + claim.document.outbox.length);
          offset += claim.document.outbox.length;
          const prefix = confirmedPrefixLength(flags);
          if (prefix > 0) acknowledged.push({ claim, count: prefix });
        }
        await this.acknowledgeAll(acknowledged, token);
        count = acknowledged.reduce((sum, a) => sum + a.count, 0);
      }
      this.figures.acknowledgeMs += performance.now() - acknowledgeStartedAt;
      this.figures.events += count;
      return count;
    } finally {
      // Whatever this round still holds (nacked entries, a write that raced us, a failed
      // acknowledgement) goes back under the open ticket, so a later round retries it.
      for (const collection of this.collections) {
        await this.restamp(collection, { outboxLeaseToken: token }, { outboxLeaseToken: NO_LEASE, outboxLeaseUntil: null }).catch(() => undefined);
      }
    }
  }

  /**
   * Leases the free documents stamped with `ticket` and reads them. Both commands select by
   * equality on a value only this ticket's documents carry: bounded by the ticket's size.
   */
  private async claim(collection: Collection<OutboxDocument>, ticket: Ticket, token: string): Promise<OutboxDocument[]> {
    const result = await collection.updateMany(
      { outboxTicket: ticket.id, outboxLeaseToken: NO_LEASE } as Filter<OutboxDocument>,
      {
        $set: {
          outboxLeaseToken: token,
          outboxLeaseUntil: new Date(Date.now() + this.leaseMs),
          outboxAppendedSinceClaim: false,
        },
      },
    );
    if (result.modifiedCount === 0) return [];
    return collection
      .find({ outboxLeaseToken: token } as Filter<OutboxDocument>, { projection: { _id: 1, version: 1, outbox: 1 } })
      .toArray();
  }

  /**
   * Sets `changes` and the open ticket on the documents matching `filter`, counted as stamps
   * of that ticket so a round claims them.
   */
  private async restamp(collection: Collection<OutboxDocument>, filter: Filter<OutboxDocument>, changes: Partial<OutboxFields>): Promise<number> {
    const stamp = this.options.signal.tickets.stamp(collection.collectionName);
    let modified = 0;
    try {
      const result = await collection.updateMany(filter, { $set: { ...changes, outboxTicket: stamp.ticket } });
      modified = result.modifiedCount;
    } finally {
      stamp.done(modified);
    }
    return modified;
  }

  /**
   * At start and then twice per lease period: takes over documents whose relay died holding
   * their lease, and documents whose ticket is stale (its process died, or its writer had
   * no relay), by stamping them with this relay's open ticket.
   */
  private async sweepWhenDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweepAt < this.leaseMs / 2) return;
    this.lastSweepAt = now;
    const startedAt = performance.now();
    for (const collection of this.collections) {
      // `$ne` on a string is pushed down by FerretDB: this reads leased documents only.
      await this.restamp(
        collection,
        { outboxPending: true, outboxLeaseToken: { $ne: NO_LEASE }, outboxLeaseUntil: { $lt: new Date(now) } } as Filter<OutboxDocument>,
        { outboxLeaseToken: NO_LEASE, outboxLeaseUntil: null },
      );
      await this.adoptStaleTickets(collection, now);
    }
    this.figures.sweeps += 1;
    this.figures.sweepMs += performance.now() - startedAt;
  }

  /**
   * A live relay claims its tickets within a round or two; a free pending document whose
   * ticket is older than a lease lost its relay. Reads at most one batch of them (the least
   * recently written come first) and adopts their tickets whole.
   */
  private async adoptStaleTickets(collection: Collection<OutboxDocument>, now: number): Promise<void> {
    const free = await collection
      .find({ outboxPending: true, outboxLeaseToken: NO_LEASE } as Filter<OutboxDocument>, { projection: { _id: 1, outboxTicket: 1 } })
      .limit(this.batchSize)
      .toArray();
    const stale = new Set<string>();
    const unticketed: string[] = [];
    for (const document of free) {
      const ticket: unknown = document.outboxTicket;
      if (typeof ticket !== 'string') {
        unticketed.push(document._id); // written before tickets existed
        continue;
      }
      const openedAt = ticketOpenedAt(ticket);
      if (openedAt === null || now - openedAt > this.leaseMs) stale.add(ticket);
    }
    for (const ticket of stale) {
      await this.restamp(collection, { outboxPending: true, outboxTicket: ticket, outboxLeaseToken: NO_LEASE } as Filter<OutboxDocument>, {});
    }
    if (unticketed.length > 0) {
      await this.restamp(collection, { _id: { $in: unticketed }, outboxPending: true, outboxLeaseToken: NO_LEASE } as Filter<OutboxDocument>, {});
    }
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

/**
 * The entries left and the lease released. While entries are left the lease stays: the
 * round's final restamp puts the document under the open ticket (a ticket a writer stamped
 * meanwhile may already have been claimed, and skipped this leased document).
 */
function removal(remaining: readonly DomainEvent[]): Partial<OutboxFields> {
  if (remaining.length > 0) return { outbox: [...remaining], outboxPending: true };
  return { outbox: [], outboxPending: false, outboxLeaseToken: NO_LEASE, outboxLeaseUntil: null, outboxTicket: NO_TICKET };
}

function confirmedPrefixLength(flags: readonly boolean[]): number {
  const firstFailure = flags.indexOf(false);
  return firstFailure === -1 ? flags.length : firstFailure;
}
