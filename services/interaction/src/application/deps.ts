import type { AggregateStore, ErasureLedger, ExportPartState, Logger, RedisRateLimiter, SafetyCopies } from '@eventonight/platform';
import type { FollowState, LikeState, ParticipationState, ReviewState } from '../domain/relations.js';
import type { Copies } from '../persistence/copies.js';
import type { InteractionReads } from '../persistence/reads.js';

export type Clock = () => Date;

/** Everything the commands and queries use, built once in service.ts. */
export interface InteractionDeps {
  likes: AggregateStore<LikeState>;
  follows: AggregateStore<FollowState>;
  participations: AggregateStore<ParticipationState>;
  reviews: AggregateStore<ReviewState>;
  /** This service's answers to data-export requests (ADR 0027). */
  exportParts: AggregateStore<ExportPartState>;
  /** The users erased here: refuses their tokens and keeps late events from bringing them back. */
  ledger: ErasureLedger;
  copies: Copies;
  reads: InteractionReads;
  clock: Clock;
  logger: Logger;
  /** Blocks, suspensions, hidden reviews (ADR 0041). */
  safety: SafetyCopies;
  /** Reviews per member per minute, shared by the replicas; null without Redis. */
  limiter: { limiter: RedisRateLimiter; perMinute: number } | null;
}
