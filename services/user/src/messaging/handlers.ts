import type { DomainEvent, ExportPartSource, ExportPartType } from '@eventonight/contracts';
import type { EventHandlers, HandlerContext } from '@eventonight/platform';
import { storeOwnPart, storePart } from '../application/data-exports.js';
import type { ExportDeps } from '../application/deps.js';
import { eraseUser } from '../application/erase-user.js';

/**
 * The user service consumes its own `user.deleted` (the tombstone goes once the event is out)
 * and `user.export.requested` (it writes its own part), and every other service's export part.
 * Every handler is idempotent: parts are keyed `<exportId>:<source>`, erasure is deletes.
 */
export function userHandlers(deps: ExportDeps): EventHandlers {
  const partHandler =
    (source: ExportPartSource) =>
    async (event: DomainEvent<ExportPartType>, { log }: HandlerContext): Promise<void> => {
      const outcome = await storePart(deps, source, event.data);
      if (outcome !== 'stored') log.debug({ source, exportId: event.data.exportId, outcome }, 'export part not stored');
    };
  return {
    'user.deleted': async (event) => {
      await eraseUser(deps, event.data.userId);
    },
    'user.export.requested': async (event, { log }) => {
      const outcome = await storeOwnPart(deps, event.data);
      if (outcome !== 'stored') log.debug({ exportId: event.data.exportId, outcome }, 'own export part not stored');
    },
    // Written out, not built from the contracts' map: these keys are the queue's bindings and
    // scripts/gen-architecture.ts reads them.
    'event.export.part': partHandler('event'),
    'interaction.export.part': partHandler('interaction'),
    'chat.export.part': partHandler('chat'),
    'ticketing.export.part': partHandler('ticketing'),
    'notification.export.part': partHandler('notification'),
    'media.export.part': partHandler('media'),
  };
}
