import { EXPORT_PARTS_COLLECTION, ErasureLedger, periodicJob, RedisRateLimiter, SafetyCopies, type ExportPartState, type ServiceDefinition } from '@eventonight/platform';
import type { ChatDeps } from './application/deps.js';
import { eraseTombstonedUsers } from './application/erase-user.js';
import { repairUnappliedMessages } from './application/repair.js';
import type { ChatServiceConfig } from './config.js';
import type { ConversationState } from './domain/conversation.js';
import { chatRoutes } from './http/routes.js';
import { userHandlers } from './messaging/user-handlers.js';
import { safetyHandlers } from './messaging/safety-handlers.js';
import { CONVERSATIONS, conversationIndexes, exportPartIndexes, messageIndexes } from './persistence/collections.js';
import { ConversationReads } from './persistence/conversation-reads.js';
import { Messages } from './persistence/messages.js';
import { userCopies } from './persistence/user-copies.js';

/** Seams for tests; production uses none. */
export interface ChatServiceOverrides {
  clock?: () => Date;
}

export function chatService(overrides: ChatServiceOverrides = {}): ServiceDefinition<ChatServiceConfig> {
  return {
    name: 'chat',
    aggregateCollections: [CONVERSATIONS, EXPORT_PARTS_COLLECTION],
    async setup({ config, db, logger, store, jobLease }) {
      const conversations = store<ConversationState>(CONVERSATIONS);
      await conversations.ensureIndexes(conversationIndexes);
      const messages = new Messages(db);
      // One index per call: FerretDB 1.24 mishandles createIndexes naming several existing ones.
      for (const index of messageIndexes) await messages.collection.createIndexes([index]);
      const exportParts = store<ExportPartState>(EXPORT_PARTS_COLLECTION);
      await exportParts.ensureIndexes(exportPartIndexes);
      const safety = new SafetyCopies(db, ['message']);
      await safety.ensureIndexes();
      const limiter = config.REDIS_URL === undefined ? null : new RedisRateLimiter({ url: config.REDIS_URL, namespace: config.MONGO_DB, logger });
      const deps: ChatDeps = {
        conversations,
        reads: new ConversationReads(conversations.collection),
        messages,
        users: userCopies(db),
        ledger: new ErasureLedger(db),
        exportParts,
        clock: overrides.clock ?? (() => new Date()),
        logger,
        safety,
        limiter: limiter === null ? null : { limiter, perMinute: config.CHAT_MESSAGES_PER_MINUTE },
      };
      // Before consuming: users the earlier code only tombstoned are erased now (idempotent, usually none).
      const erased = await eraseTombstonedUsers(deps);
      if (erased > 0) logger.info({ erased }, 'tombstoned users erased');
      return {
        routes: (host) => chatRoutes(host, deps),
        handlers: { ...userHandlers(deps), ...safetyHandlers(safety) },
        jobs: [
          ...(limiter === null ? [] : [{ name: 'rate-limiter', start: () => limiter.start(), stop: () => limiter.stop() }]),
          periodicJob(
            'repair-unapplied-messages',
            config.CHAT_REPAIR_INTERVAL_MS,
            async () => {
              await repairUnappliedMessages(deps, config.CHAT_REPAIR_GRACE_MS);
            },
            logger,
            { lease: jobLease('repair-unapplied-messages', config.CHAT_REPAIR_INTERVAL_MS) },
          ),
        ],
      };
    },
  };
}
