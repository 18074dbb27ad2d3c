import type { EventHandlers } from '@eventonight/platform';
import type { InteractionDeps } from '../application/deps.js';
import { answerExport, eraseUser } from '../application/privacy.js';

/** A member's rights (ADR 0027): erasure on `user.deleted`, their data on `user.export.requested`. */
export function privacyHandlers(deps: InteractionDeps): EventHandlers {
  return {
    'user.deleted': async (event, { log }) => {
      const summary = await eraseUser(deps, event.data.userId);
      log.info({ ...summary }, 'user erased');
    },
    'user.export.requested': async (event, { log }) => {
      const outcome = await answerExport(deps, event.data);
      log.info({ exportId: event.data.exportId, outcome }, 'export request answered');
    },
  };
}
