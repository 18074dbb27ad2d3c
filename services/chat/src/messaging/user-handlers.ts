import type { EventHandlers } from '@eventonight/platform';
import type { ChatDeps } from '../application/deps.js';
import { tombstoneUserCopy, upsertUserCopy } from '../application/sync-users.js';

/** user.* events keep the local copies that conversation lists show; redeliveries are harmless. */
export function userHandlers(deps: ChatDeps): EventHandlers {
  return {
    'user.created': async (event) => {
      await upsertUserCopy(deps, { ...event.data, version: event.aggregateVersion });
    },
    'user.updated': async (event) => {
      await upsertUserCopy(deps, { ...event.data, version: event.aggregateVersion });
    },
    'user.deleted': async (event) => {
      await tombstoneUserCopy(deps, event.data.userId, event.aggregateVersion);
    },
  };
}
