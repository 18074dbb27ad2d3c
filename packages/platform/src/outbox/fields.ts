import type { DomainEvent } from '@eventonight/contracts';

/**
 * Fields every aggregate document carries next to its state. The outbox lives inside the
 * aggregate's own document, so a state change and the events it raises are one atomic write
 * (FerretDB and a lone mongod offer no multi-document transactions).
 */
export interface OutboxFields {
  /** Domain version, incremented by every state change; the optimistic-concurrency guard. */
  version: number;
  /** Events raised and not yet confirmed by the broker, oldest first. */
  outbox: DomainEvent[];
  /** Indexed flag so the relay finds pending documents without scanning arrays. */
  outboxPending: boolean;
  /**
   * A relay's claim on this document's outbox, so two relays never publish it concurrently;
   * `NO_LEASE` when unclaimed. A string rather than null because FerretDB pushes string
   * equality down to its storage, and null comparisons not.
   */
  outboxLeaseToken: string;
  outboxLeaseUntil: Date | null;
  /**
   * Set by every write that appends events, cleared when a relay claims the document: a
   * claimed document still `false` at acknowledgement has exactly the entries the relay read,
   * so all of them can be removed at once.
   */
  outboxAppendedSinceClaim: boolean;
  /**
   * The ticket of the relay round that is to publish this outbox (ADR 0020): stamped by every
   * write that appends events, so a relay claims exactly the documents of one ticket.
   * `NO_TICKET` once the outbox is empty, or when no relay runs in the writer's process.
   */
  outboxTicket: string;
}

/** The lease token of an unclaimed outbox. */
export const NO_LEASE = '';

export const outboxFieldNames = [
  'version',
  'outbox',
  'outboxPending',
  'outboxLeaseToken',
  'outboxLeaseUntil',
  'outboxAppendedSinceClaim',
  'outboxTicket',
] as const;
