import type { EventHandlers } from '@eventonight/platform';
import type { TicketingDeps } from '../application/deps.js';
import { eraseUser } from '../application/erase-user.js';
import { answerExport } from '../application/export-user.js';
import { upsertUserCopy } from '../application/sync-users.js';

/**
 * user.* events keep the local copies that name ticket holders, erase a deleted member and
 * answer their data-export requests; redeliveries are harmless.
 */
export function userHandlers(deps: TicketingDeps): EventHandlers {
  return {
    'user.created': async (event) => {
      await upsertUserCopy(deps, { userId: event.data.userId, displayName: event.data.displayName, version: event.aggregateVersion });
    },
    'user.updated': async (event) => {
      await upsertUserCopy(deps, { userId: event.data.userId, displayName: event.data.displayName, version: event.aggregateVersion });
    },
    'user.deleted': async (event, { log }) => {
      const report = await eraseUser(deps, event.data.userId);
      log.info(report, 'user erased: copy and export parts forgotten, open orders closed');
    },
    'user.export.requested': async (event, { log }) => {
      const outcome = await answerExport(deps, event.data);
      log.info({ exportId: event.data.exportId, outcome }, 'data export answered');
    },
  };
}
