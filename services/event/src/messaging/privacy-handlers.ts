import type { EventHandlers } from '@eventonight/platform';
import type { EventAppDeps } from '../application/deps.js';
import { followTierChange } from '../application/follow-tier-change.js';
import { answerExport, eraseUser } from '../application/privacy.js';

/** What this service consumes: a person's rights (ADR 0027), erasure and export. */
export function privacyHandlers(deps: EventAppDeps): EventHandlers {
  return {
    'user.deleted': async (event, { log }) => {
      await eraseUser(deps, event.data.userId);
      log.info('user erased');
    },
    // Not a privacy fact: a published event's tiers as ticketing now sells them (ADR 0039).
    'ticketing.tier.changed': async (event, { log }) => {
      const outcome = await followTierChange(deps, event.data, event.aggregateVersion);
      log.debug({ eventId: event.data.eventId, tierId: event.data.tierId, outcome }, 'tier change followed');
    },
    'user.export.requested': async (event, { log }) => {
      const outcome = await answerExport(deps, event.data);
      log.info({ exportId: event.data.exportId, outcome }, 'export request answered');
    },
  };
}
