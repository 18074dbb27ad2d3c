import type { Collection, Db, Document, Filter, IndexDescription, OptionalUnlessRequiredId, UpdateFilter } from 'mongodb';
import { buildEvent, type DomainEvent, type EventData, type EventType } from '@eventonight/contracts';
import { correlationIdOrNew } from '../context/correlation.js';
import { traceparentOf } from '../tracing/traceparent.js';
import { NO_TICKET, type OutboxFields } from '../outbox/fields.js';
import type { OutboxSignal } from '../outbox/signal.js';
import type { TicketStamp } from '../outbox/tickets.js';
import { AggregateAlreadyExistsError, VersionConflictError, isDuplicateKeyError } from './errors.js';

/** A fact a command wants published; the store stamps id, aggregate, version and correlation. */
export type PendingEvent = { [K in EventType]: { type: K; data: EventData<K> } }[EventType];

export interface AggregateState {
  _id: string;
}

export type StoredAggregate<TState extends AggregateState> = TState & OutboxFields;

export interface Loaded<TState> {
  state: TState;
  version: number;
}

export interface AggregateStoreOptions {
  /** Name of the publishing service, written into each envelope's `source`. */
  source: string;
  /** Rung after every write that carried events. */
  signal?: OutboxSignal;
}

const withoutOutbox = {
  outbox: 0,
  outboxPending: 0,
  outboxTicket: 0,
} as const;

/**
 * One collection of aggregates. Every write is ONE single-document operation that carries
 * the state change, the version check and the raised events together (design §3).
 */
export class AggregateStore<TState extends AggregateState> {
  readonly collection: Collection<StoredAggregate<TState>>;

  constructor(
    db: Db,
    readonly name: string,
    private readonly options: AggregateStoreOptions,
  ) {
    this.collection = db.collection<StoredAggregate<TState>>(name);
  }

  /** The relay's index plus the caller's query indexes. Idempotent. */
  async ensureIndexes(indexes: IndexDescription[] = []): Promise<void> {
    // One index per call: FerretDB 1.24 drops the connection when a single createIndexes
    // names two or more indexes that already exist (every restart of a service).
    // The relay's rounds select by ticket, its sweep by the pending flag (ADR 0020).
    const relayIndexes: IndexDescription[] = [
      { key: { outboxPending: 1 }, name: 'outbox_pending' },
      { key: { outboxTicket: 1 }, name: 'outbox_ticket' },
    ];
    for (const index of [...relayIndexes, ...indexes]) {
      await this.collection.createIndexes([index]);
    }
  }

  async load(id: string): Promise<Loaded<TState> | null> {
    const found = await this.collection.findOne({ _id: id } as Filter<StoredAggregate<TState>>, {
      projection: withoutOutbox,
    });
    if (found === null) return null;
    const { version, ...state } = found as unknown as TState & { version: number };
    return { state: state as unknown as TState, version };
  }

  /** Inserts a new aggregate at version 1 with its events; an existing id is a conflict. */
  async create(state: TState, events: readonly PendingEvent[]): Promise<Loaded<TState>> {
    const version = 1;
    const outbox = this.stamp(state._id, version, events);
    const ticket = this.takeTicket(outbox);
    const document = {
      ...state,
      version,
      outbox,
      outboxPending: outbox.length > 0,
      outboxTicket: ticket?.ticket ?? NO_TICKET,
    } as unknown as OptionalUnlessRequiredId<StoredAggregate<TState>>;
    try {
      await this.collection.insertOne(document);
      ticket?.done(1);
    } catch (error) {
      ticket?.done(0);
      if (isDuplicateKeyError(error)) throw new AggregateAlreadyExistsError(this.name, state._id);
      throw error;
    }
    this.ringIf(outbox);
    return { state, version };
  }

  /**
   * Applies `changes` only if the aggregate is still at `expectedVersion`; bumps the version and
   * appends the events in the same update. A lost race throws VersionConflictError and writes nothing.
   * Returns the new version.
   */
  async update(
    id: string,
    expectedVersion: number,
    changes: Partial<Omit<TState, '_id'>>,
    events: readonly PendingEvent[],
  ): Promise<number> {
    const version = expectedVersion + 1;
    const outbox = this.stamp(id, version, events);
    const set: Document = { ...changes, version };
    const update: Document = { $set: set };
    const ticket = this.takeTicket(outbox);
    if (outbox.length > 0) {
      set['outboxPending'] = true;
      update['$push'] = { outbox: { $each: outbox } };
      // An outbox that already has a ticket keeps it (older ids sort first), so its relay
      // round keeps it whole; an empty one (NO_TICKET sorts last) joins the open ticket.
      if (ticket !== undefined) update['$min'] = { outboxTicket: ticket.ticket };
    }
    let matched = 0;
    try {
      const result = await this.collection.updateOne(
        { _id: id, version: expectedVersion } as Filter<StoredAggregate<TState>>,
        update as UpdateFilter<StoredAggregate<TState>>,
      );
      matched = result.matchedCount;
    } finally {
      ticket?.done(matched);
    }
    if (matched === 0) throw new VersionConflictError(this.name, id, expectedVersion);
    this.ringIf(outbox);
    return version;
  }

  private stamp(aggregateId: string, aggregateVersion: number, events: readonly PendingEvent[]): DomainEvent[] {
    const correlationId = correlationIdOrNew();
    // The span that wrote the events: the relay's publish continues it (ADR 0036).
    const traceparent = traceparentOf();
    return events.map((event) =>
      buildEvent({
        type: event.type,
        data: event.data,
        source: this.options.source,
        aggregateId,
        aggregateVersion,
        correlationId,
        traceparent,
      } as Parameters<typeof buildEvent>[0]),
    );
  }

  /** The relay's open ticket for a write that appends events; none without events or without a relay. */
  private takeTicket(outbox: readonly DomainEvent[]): TicketStamp | undefined {
    if (outbox.length === 0) return undefined;
    return this.options.signal?.tickets.stamp(this.name);
  }

  private ringIf(outbox: readonly DomainEvent[]): void {
    if (outbox.length > 0) this.options.signal?.ring();
  }
}

/**
 * Runs load → decide → save again when another writer won the race, a bounded number of times.
 * Use it for commands whose decision stays valid when re-made on fresher state.
 */
export async function retryOnVersionConflict<T>(attempts: number, command: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await command();
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= attempts) throw error;
    }
  }
}
