import type { EventHandlers } from '@eventonight/platform';
import type { MediaAppDeps } from '../application/deps.js';
import { eraseOwner } from '../application/erase-owner.js';
import { answerExport } from '../application/export-data.js';

/**
 * The user events media acts on (ADR 0027): an erasure deletes everything the user uploaded,
 * an export request gets this service's part. Media keeps no copy of users, so user.created and
 * user.updated are not consumed at all: a late one cannot write anything here.
 */
export function userHandlers(deps: MediaAppDeps): EventHandlers {
  return {
    'user.deleted': async (event, { log }) => {
      const summary = await eraseOwner(deps, event.data.userId);
      log.info({ ...summary }, 'user erased from media');
    },
    'user.export.requested': async (event, { log }) => {
      const outcome = await answerExport(deps, event.data);
      log.info({ exportId: event.data.exportId, outcome }, 'data export answered');
    },
  };
}
