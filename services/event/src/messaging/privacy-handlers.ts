import type { EventHandlers } from '@eventonight/platform';
import type { EventAppDeps } from '../application/deps.js';
import { answerExport, eraseUser } from '../application/privacy.js';

/** What this service consumes: a person's rights (ADR 0027), erasure and export. */
export function privacyHandlers(deps: EventAppDeps): EventHandlers {
  return {
    'user.deleted': async (event, { log }) => {
      await eraseUser(deps, event.data.userId);
      log.info('user erased');
    },
    'user.export.requested': async (event, { log }) => {
      const outcome = await answerExport(deps, event.data);
      log.info({ exportId: event.data.exportId, outcome }, 'export request answered');
    },
  };
}
