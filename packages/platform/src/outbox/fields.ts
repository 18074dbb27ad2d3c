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
  /** Indexed flag: whether `outbox` has entries (counts, and the relay's sweep). */
  outboxPending: boolean;
  /**
   * The relay ticket this outbox belongs to (ADR 0020): the oldest open ticket of a writer
   * since the outbox was last emptied (`$min`), so a document stays with one relay round until
   * its entries are confirmed. `NO_TICKET` while the outbox is empty.
   */
  outboxTicket: string;
}

/**
 * The ticket of an empty outbox. It sorts after every ticket id (those start with a base-36
 * time), so a writer's `$min` replaces it and keeps any real ticket.
 */
export const NO_TICKET = '~';

export const outboxFieldNames = ['version', 'outbox', 'outboxPending', 'outboxTicket'] as const;
