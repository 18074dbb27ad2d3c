import type { EventHandlers } from '@eventonight/platform';
import type { TicketingDeps } from '../application/deps.js';
import { tombstoneUserCopy, upsertUserCopy } from '../application/sync-users.js';

/** user.* events keep the local copies that name ticket holders; redeliveries are harmless. */
export function userHandlers(deps: TicketingDeps): EventHandlers {
  return {
    'user.created': async (event) => {
      await upsertUserCopy(deps, { userId: event.data.userId, displayName: event.data.displayName, version: event.aggregateVersion });
    },
    'user.updated': async (event) => {
      await upsertUserCopy(deps, { userId: event.data.userId, displayName: event.data.displayName, version: event.aggregateVersion });
    },
    'user.deleted': async (event) => {
      await tombstoneUserCopy(deps, event.data.userId, event.aggregateVersion);
    },
  };
}
