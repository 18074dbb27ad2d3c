import { EXPORT_PARTS_COLLECTION, ErasureLedger, RedisRateLimiter, SafetyCopies, type ExportPartState, type ServiceDefinition } from '@eventonight/platform';
import { endFollowsOnBlock } from './application/safety.js';
import type { Clock, InteractionDeps } from './application/deps.js';
import type { InteractionServiceConfig } from './config.js';
import type { FollowState, LikeState, ParticipationState, ReviewState } from './domain/relations.js';
import { interactionRoutes } from './http/routes.js';
import { eraseTombstonedUsers } from './application/privacy.js';
import { copyHandlers } from './messaging/copy-handlers.js';
import { privacyHandlers } from './messaging/privacy-handlers.js';
import { profilePrivacyHandlers } from './messaging/profile-privacy-handlers.js';
import { safetyHandlers } from './messaging/safety-handlers.js';
import { ticketHandlers } from './messaging/ticket-handlers.js';
import {
  AGGREGATE_COLLECTIONS,
  FOLLOWS,
  LIKES,
  PARTICIPATIONS,
  REVIEWS,
  followIndexes,
  likeIndexes,
  participationIndexes,
  reviewIndexes,
} from './persistence/collections.js';
import { Copies } from './persistence/copies.js';
import { InteractionReads } from './persistence/reads.js';

/** Seams for tests; production uses none of them. */
export interface InteractionServiceOverrides {
  clock?: Clock;
}

export function interactionService(overrides: InteractionServiceOverrides = {}): ServiceDefinition<InteractionServiceConfig> {
  return {
    name: 'interaction',
    aggregateCollections: AGGREGATE_COLLECTIONS,
    async setup({ config, db, logger, store, metrics }) {
      const likes = store<LikeState>(LIKES);
      const follows = store<FollowState>(FOLLOWS);
      const participations = store<ParticipationState>(PARTICIPATIONS);
      const reviews = store<ReviewState>(REVIEWS);
      await likes.ensureIndexes(likeIndexes);
      await follows.ensureIndexes(followIndexes);
      await participations.ensureIndexes(participationIndexes);
      await reviews.ensureIndexes(reviewIndexes);
      const copies = new Copies(db, { onLookup: metrics.cacheLookup('event-copies') });
      const limiter = config.REDIS_URL === undefined ? null : new RedisRateLimiter({ url: config.REDIS_URL, namespace: config.MONGO_DB, logger });
      const deps: InteractionDeps = {
        likes,
        follows,
        participations,
        reviews,
        exportParts: store<ExportPartState>(EXPORT_PARTS_COLLECTION),
        ledger: new ErasureLedger(db),
        copies,
        reads: new InteractionReads(likes.collection, follows.collection, participations.collection, reviews.collection),
        clock: overrides.clock ?? (() => new Date()),
        logger,
        safety: new SafetyCopies(db, ['review'], { onBlocked: (blockerId, blockedId) => endFollowsOnBlock(deps, blockerId, blockedId) }),
        limiter: limiter === null ? null : { limiter, perMinute: config.INTERACTION_REVIEWS_PER_MINUTE },
      };
      await deps.safety.ensureIndexes();
      // Before consuming: users the earlier code only tombstoned are erased now (idempotent, usually none).
      const erased = await eraseTombstonedUsers(deps);
      if (erased > 0) logger.info({ erased }, 'tombstoned users erased');
      return {
        routes: (host) => interactionRoutes(host, deps),
        handlers: { ...copyHandlers(deps.copies, deps.ledger), ...ticketHandlers(deps), ...privacyHandlers(deps), ...profilePrivacyHandlers(deps), ...safetyHandlers(deps.safety) },
        jobs: limiter === null ? [] : [{ name: 'rate-limiter', start: () => limiter.start(), stop: () => limiter.stop() }],
      };
    },
  };
}
