import { performance } from 'node:perf_hooks';
import type { Collection, Db, Document, Filter } from 'mongodb';
import type { DomainEvent } from '@eventonight/contracts';
import type { Logger } from '../logger/logger.js';
import type { EventPublisher } from '../bus/publisher.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import { sleep } from '../util/backoff.js';
import { NO_TICKET, type OutboxFields } from './fields.js';
import type { OutboxSignal } from './signal.js';
import { ticketOpenedAt, type Ticket } from './tickets.js';

export interface OutboxRelayOptions {
  db: Db;
  /** Aggregate collections whose documents carry an outbox. */
  collections: readonly string[];
  publisher: EventPublisher;
  /** Shared with the stores of this process: their writes are stamped with its tickets. */
  signal: OutboxSignal;
  logger: Logger;
  /** Poll interval of the loop (a store's doorbell wakes the relay sooner). */
  pollIntervalMs?: number;
  /** Most documents stamped per ticket, so read per round. */
  batchSize?: number;
  /**
   * Rounds run at the same time (default 2), each on its own ticket: one reads or
   * acknowledges in the database while another waits for the broker's confirms.
   */
  parallelRounds?: number;
  /**
   * How old a ticket gets before any relay takes its documents over (their process died, or
   * their writer has no relay); also the period of the sweep that looks for them (half of it).
   */
  staleTicketMs?: number;
  /** Where publish latency and published entries are counted (ADR 0035). */
  metrics?: Pick<ServiceMetrics, 'relayPublishDuration' | 'relayPublished'>;
}

type OutboxDocument = Document & { _id: string } & OutboxFields;

interface Read {
  collection: Collection<OutboxDocument>;
  document: OutboxDocument;
}

/** What the relay did since it started: the figures `bench:outbox` prints. */
export interface OutboxRelayStats {
  rounds: number;
  /** Documents read and events published (confirmed) over all rounds. */
  documents: number;
  events: number;
  /** Time spent reading tickets, publishing (until every confirm) and acknowledging. */
  claimMs: number;
  publishMs: number;
  acknowledgeMs: number;
  /** Slowest single read of a ticket: bounded by the ticket's size, not by the backlog (ADR 0020). */
  maxClaimMs: number;
  /** Sweeps for stale tickets, and their total time. */
  sweeps: number;
  sweepMs: number;
}

interface RoundOutcome {
  published: number;
  /** Sealed tickets are ready and this round emptied its own: go on without waiting. */
  moreTickets: boolean;
}

/** An emptied outbox. */
const CLEARED: Partial<OutboxFields> = { outbox: [], outboxPending: false, outboxTicket: NO_TICKET };

/**
 * Moves outbox entries to the broker (ADR 0001, ADR 0020). Every write that appends events
 * stamps its document with this process's open ticket, unless the document already belongs to
 * a ticket. A round takes the oldest sealed ticket whose writes have landed, reads its
 * documents, publishes all their entries with confirms outstanding together, and removes from
 * each document only the prefix the broker confirmed: all of them in one update per outbox
 * length when every entry was confirmed. Every command of a round selects by ticket, so its
 * work is bounded by the ticket's size, not by the backlog.
 * Order within an aggregate holds because a document belongs to one ticket until its outbox
 * is empty, a ticket is read by one round at a time, entries are published in array order and
 * removed oldest first.
 */
export class OutboxRelay {
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly staleTicketMs: number;
  private readonly collections: Array<Collection<OutboxDocument>>;
  private readonly parallelRounds: number;
  private running = false;
  private loops: Array<Promise<void>> = [];
  private readonly wakers = new Set<() => void>();
  /** Doorbells so far: a loop that saw it move during its round goes on at once. */
  private rings = 0;
  private unsubscribe: (() => void) | null = null;
  private failures = 0;
  private lastSweepAt = 0;
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
    this.staleTicketMs = options.staleTicketMs ?? 30_000;
    this.parallelRounds = Math.max(1, options.parallelRounds ?? 2);
    this.collections = options.collections.map((name) => options.db.collection<OutboxDocument>(name));
    options.signal.tickets.limitStamps(this.batchSize);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.options.signal.subscribe(() => this.wake());
    this.loops = Array.from({ length: this.parallelRounds }, () => this.run());
  }

  /** Stops after the current round; `flush` first to publish what is pending. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    await Promise.all(this.loops);
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

  /**
   * Seconds since the oldest pending entry was raised (0 when none). The document with the
   * oldest ticket holds it (tickets are opened in time order and a document keeps its first
   * one); only an outbox taken over from a dead process may be older than that. One document
   * read per collection, through the ticket index on MongoDB.
   */
  async oldestPendingAgeSeconds(now = Date.now()): Promise<number> {
    let oldest = now;
    for (const collection of this.collections) {
      const [document] = await collection
        .find({ outboxPending: true } as Filter<OutboxDocument>, { projection: { _id: 1, outbox: 1 } })
        .sort({ outboxTicket: 1 })
        .limit(1)
        .toArray();
      const raisedAt = Date.parse(document?.outbox[0]?.occurredAt ?? '');
      if (Number.isFinite(raisedAt)) oldest = Math.min(oldest, raisedAt);
    }
    return Math.max(0, (now - oldest) / 1000);
  }

  stats(): OutboxRelayStats {
    return { ...this.figures };
  }

  private wake(): void {
    this.rings += 1;
    for (const waker of [...this.wakers]) waker();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const ringsBefore = this.rings;
      let outcome: RoundOutcome = { published: 0, moreTickets: false };
      try {
        outcome = await this.round();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 30 === 0) {
          this.options.logger.warn({ err: error, failures: this.failures }, 'outbox relay round failed');
        }
      }
      // Go on at once while there is work: events moved, a doorbell, or tickets ready.
      if (outcome.published > 0 || outcome.moreTickets || this.rings !== ringsBefore) continue;
      await new Promise<void>((resolve) => {
        const waker = (): void => {
          clearTimeout(timer);
          this.wakers.delete(waker);
          resolve();
        };
        const timer = setTimeout(waker, this.pollIntervalMs);
        this.wakers.add(waker);
      });
    }
  }

  /** One read → publish → acknowledge round for one ticket. */
  private async round(): Promise<RoundOutcome> {
    if (!this.options.publisher.ready) return { published: 0, moreTickets: false };
    await this.sweepWhenDue();
    const tickets = this.options.signal.tickets;
    const ticket = tickets.next();
    if (ticket === null) return { published: 0, moreTickets: false };
    // Kept (and read again later) unless this round leaves it empty.
    let emptied = false;
    const outcome = (published: number): RoundOutcome => ({ published, moreTickets: emptied && tickets.ready > 0 });
    try {
      const read = await this.readTicket(ticket);
      if (read.length === 0) {
        emptied = true;
        return outcome(0);
      }
      const events = read.flatMap((r) => r.document.outbox);
      const publishStartedAt = performance.now();
      const confirmed = await this.options.publisher.publish(events);
      const acknowledgeStartedAt = performance.now();
      this.figures.publishMs += acknowledgeStartedAt - publishStartedAt;
      this.options.metrics?.relayPublishDuration.observe((acknowledgeStartedAt - publishStartedAt) / 1000);
      let count: number;
      if (confirmed.every(Boolean)) {
        emptied = await this.acknowledgeTicket(read, ticket);
        count = events.length;
      } else {
        const acknowledged: Array<{ read: Read; count: number }> = [];
        let offset = 0;
        for (const entry of read) {
          const flags = confirmed.slice(offset, offset + entry.document.outbox.length);
          offset += entry.document.outbox.length;
          const prefix = confirmedPrefixLength(flags);
          if (prefix > 0) acknowledged.push({ read: entry, count: prefix });
        }
        await this.acknowledgePrefixes(acknowledged, ticket);
        count = acknowledged.reduce((sum, a) => sum + a.count, 0);
      }
      this.figures.acknowledgeMs += performance.now() - acknowledgeStartedAt;
      this.figures.events += count;
      this.options.metrics?.relayPublished.inc(count);
      return outcome(count);
    } finally {
      // A ticket kept (refused entries) waits for the next poll, not an immediate retry.
      if (emptied) tickets.finish(ticket);
      else tickets.requeue(ticket);
    }
  }

  /**
   * The documents of `ticket`: one equality on a value only they carry, so the read is
   * bounded by the ticket's size. No write: the ticket itself is the claim.
   */
  private async readTicket(ticket: Ticket): Promise<Read[]> {
    const startedAt = performance.now();
    const read: Read[] = [];
    for (const collection of this.collections) {
      if (!ticket.stamps.has(collection.collectionName)) continue;
      // The whole ticket in one reply: the default first batch (101) would cost a getMore per 101.
      const documents = await collection
        .find({ outboxTicket: ticket.id } as Filter<OutboxDocument>, { projection: { _id: 1, version: 1, outbox: 1 } })
        .batchSize((ticket.stamps.get(collection.collectionName) ?? 0) + 1)
        .toArray();
      for (const document of documents) read.push({ collection, document });
    }
    const ms = performance.now() - startedAt;
    this.figures.rounds += 1;
    this.figures.claimMs += ms;
    this.figures.maxClaimMs = Math.max(this.figures.maxClaimMs, ms);
    this.figures.documents += read.length;
    return read;
  }

  /**
   * Everything read was confirmed: empties the documents read whose outbox still has the
   * length it had when read (writers only append, and only this round removes), in one update
   * per length and collection. A document appended to meanwhile loses only its published
   * entries, on its own. True when the ticket is left empty.
   */
  private async acknowledgeTicket(read: readonly Read[], ticket: Ticket): Promise<boolean> {
    let emptied = true;
    for (const collection of this.collections) {
      const mine = read.filter((r) => r.collection === collection);
      if (mine.length === 0) continue;
      const idsByLength = new Map<number, string[]>();
      for (const { document } of mine) {
        const ids = idsByLength.get(document.outbox.length) ?? [];
        ids.push(document._id);
        idsByLength.set(document.outbox.length, ids);
      }
      let matched = 0;
      for (const [length, ids] of idsByLength) {
        // The ticket is the equality FerretDB pushes down (bounded); `_id` keeps each length's
        // group to its own documents (an appended outbox could take another group's length) and
        // lets the local FerretDB lock only these documents, not the collection, so the likes
        // and the other round's acknowledgement write meanwhile (docs/adr/0003).
        const filter = { outboxTicket: ticket.id, _id: { $in: ids }, outbox: { $size: length } };
        const result = await collection.updateMany(filter as Filter<OutboxDocument>, { $set: CLEARED });
        matched += result.matchedCount;
      }
      if (matched === mine.length) continue;
      emptied = false;
      const left = await collection
        .find({ outboxTicket: ticket.id } as Filter<OutboxDocument>, { projection: { _id: 1 } })
        .toArray();
      const leftIds = new Set(left.map((document) => document._id));
      for (const entry of mine) {
        if (leftIds.has(entry.document._id)) await this.acknowledgeOne(entry, ticket, entry.document.outbox.length);
      }
    }
    return emptied;
  }

  /**
   * Some publishes were refused: removes each document's confirmed prefix in one bulk write
   * per chunk (the ticket keeps the rest for a later round). A document whose version moved on
   * is redone on its own.
   */
  private async acknowledgePrefixes(acknowledged: ReadonlyArray<{ read: Read; count: number }>, ticket: Ticket): Promise<void> {
    for (const collection of this.collections) {
      const mine = acknowledged.filter((a) => a.read.collection === collection);
      for (let start = 0; start < mine.length; start += ACK_CHUNK) {
        const chunk = mine.slice(start, start + ACK_CHUNK);
        const result = await collection.bulkWrite(
          chunk.map(({ read, count }) => ({
            updateOne: {
              filter: removalGuard(read.document, ticket),
              update: { $set: removal(read.document.outbox.slice(count)) },
            },
          })),
          { ordered: false },
        );
        if (result.matchedCount === chunk.length) continue;
        for (const { read, count } of chunk) await this.acknowledgeOne(read, ticket, count);
      }
    }
  }

  /**
   * Removes the first `count` published entries of one document. Writers only append to the
   * outbox, and the version guard makes the removal lose (and be recomputed) if a writer
   * appended meanwhile. A document no longer in the ticket was already acknowledged (or taken
   * over as stale: its entries will then be published again, at least once still holds).
   */
  private async acknowledgeOne({ collection, document }: Read, ticket: Ticket, count: number): Promise<void> {
    const publishedIds = new Set(document.outbox.slice(0, count).map((event: DomainEvent) => event.id));
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const current = await collection.findOne(
        { _id: document._id, outboxTicket: ticket.id } as Filter<OutboxDocument>,
        { projection: { _id: 1, version: 1, outbox: 1 } },
      );
      if (current === null) return;
      const remaining = current.outbox.filter((event: DomainEvent) => !publishedIds.has(event.id));
      const result = await collection.updateOne(removalGuard(current, ticket), { $set: removal(remaining) });
      if (result.matchedCount === 1) return;
    }
  }

  /**
   * At start and then twice per `staleTicketMs` (every 5 × when busy): documents whose ticket is older than that
   * lost their relay (its process died) or never had one; this relay takes them over by
   * stamping them with its open ticket. Reads at most one batch of pending documents (the
   * least recently written come first) and moves their stale tickets whole.
   */
  private async sweepWhenDue(): Promise<void> {
    const now = Date.now();
    const since = now - this.lastSweepAt;
    // On FerretDB the sweep's read grows with the backlog: while this relay has tickets of its
    // own to publish it sweeps five times less often (a dead process's outbox waits longer).
    const busy = this.options.signal.tickets.ready > 0;
    if (since < this.staleTicketMs / 2 || (busy && since < this.staleTicketMs * 5)) return;
    this.lastSweepAt = now;
    const startedAt = performance.now();
    for (const collection of this.collections) {
      const pending = await collection
        .find({ outboxPending: true } as Filter<OutboxDocument>, { projection: { _id: 1, outboxTicket: 1 } })
        .limit(this.batchSize)
        .batchSize(this.batchSize)
        .toArray();
      const stale = new Set<string>();
      const unticketed: string[] = [];
      for (const document of pending) {
        const ticket: unknown = document.outboxTicket;
        if (typeof ticket !== 'string') {
          unticketed.push(document._id); // written before tickets existed
          continue;
        }
        // This process's own tickets are still to be read (a long broker outage ages them).
        if (this.options.signal.tickets.owns(ticket)) continue;
        const openedAt = ticketOpenedAt(ticket);
        if (openedAt === null || now - openedAt > this.staleTicketMs) stale.add(ticket);
      }
      for (const ticket of stale) {
        await this.restamp(collection, { outboxPending: true, outboxTicket: ticket } as Filter<OutboxDocument>);
      }
      if (unticketed.length > 0) {
        await this.restamp(collection, { _id: { $in: unticketed }, outboxPending: true } as Filter<OutboxDocument>);
      }
    }
    this.figures.sweeps += 1;
    this.figures.sweepMs += performance.now() - startedAt;
  }

  /** Moves the documents matching `filter` to the open ticket, counted as its stamps. */
  private async restamp(collection: Collection<OutboxDocument>, filter: Filter<OutboxDocument>): Promise<void> {
    const stamp = this.options.signal.tickets.stamp(collection.collectionName);
    let modified = 0;
    try {
      modified = (await collection.updateMany(filter, { $set: { outboxTicket: stamp.ticket } })).modifiedCount;
    } finally {
      stamp.done(modified);
    }
  }
}

/**
 * Updates per bulk write. FerretDB 1.24 keeps a database connection open for every statement
 * of a command until the whole command ends; its pool has 50, so a bigger batch deadlocks it.
 */
const ACK_CHUNK = 16;

function removalGuard(document: Pick<OutboxDocument, '_id' | 'version'>, ticket: Ticket): Filter<OutboxDocument> {
  return { _id: document._id, version: document.version, outboxTicket: ticket.id } as Filter<OutboxDocument>;
}

/** The entries left; the document stays in its ticket while there are any. */
function removal(remaining: readonly DomainEvent[]): Partial<OutboxFields> {
  return remaining.length > 0 ? { outbox: [...remaining], outboxPending: true } : CLEARED;
}

function confirmedPrefixLength(flags: readonly boolean[]): number {
  const firstFailure = flags.indexOf(false);
  return firstFailure === -1 ? flags.length : firstFailure;
}
