import type { AggregateStore, ErasureLedger, ExportPartState, Logger, RedisRateLimiter, SafetyCopies } from '@eventonight/platform';
import type { ConversationState } from '../domain/conversation.js';
import type { ConversationReads } from '../persistence/conversation-reads.js';
import type { Messages } from '../persistence/messages.js';
import type { UserCopies } from '../persistence/user-copies.js';

/** Everything the commands and queries use, built once in service.ts. */
export interface ChatDeps {
  conversations: AggregateStore<ConversationState>;
  reads: ConversationReads;
  messages: Messages;
  users: UserCopies;
  /** Who was erased (digests only): late events and old tokens must not bring them back. */
  ledger: ErasureLedger;
  /** This service's answers to data exports (ADR 0027), published through their outbox. */
  exportParts: AggregateStore<ExportPartState>;
  clock: () => Date;
  logger: Logger;
  /** Blocks, suspensions, hidden messages (ADR 0041). */
  safety: SafetyCopies;
  /** Messages per member per minute, shared by the replicas; null without Redis. */
  limiter: { limiter: RedisRateLimiter; perMinute: number } | null;
}

/** Lost optimistic races are retried this many times before the caller sees a 409. */
export const RACE_ATTEMPTS = 10;
