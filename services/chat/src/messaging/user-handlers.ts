import type { EventHandlers } from '@eventonight/platform';
import type { ChatDeps } from '../application/deps.js';
import { eraseUser } from '../application/erase-user.js';
import { answerExport } from '../application/export-data.js';
import { upsertUserCopy } from '../application/sync-users.js';

/** user.* events: the local copies that conversation lists show, erasure and export; redeliveries are harmless. */
export function userHandlers(deps: ChatDeps): EventHandlers {
  return {
    'user.created': async (event) => {
      await upsertUserCopy(deps, { ...event.data, version: event.aggregateVersion });
    },
    'user.updated': async (event) => {
      await upsertUserCopy(deps, { ...event.data, version: event.aggregateVersion });
    },
    'user.deleted': async (event, { log }) => {
      const summary = await eraseUser(deps, event.data.userId);
      log.info({ ...summary }, 'user erased from chat');
    },
    'user.export.requested': async (event, { log }) => {
      const outcome = await answerExport(deps, event.data);
      log.info({ exportId: event.data.exportId, outcome }, 'data export answered');
    },
  };
}
