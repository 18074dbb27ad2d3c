import type { EventHandlers } from '@eventonight/platform';
import type { InteractionDeps } from '../application/deps.js';
import { savePrivacy } from '../application/profile-privacy.js';

/** Whether a member's going list is private (ADR 0040). */
export function profilePrivacyHandlers(deps: InteractionDeps): EventHandlers {
  return {
    'user.preferences.changed': async (event) => {
      await savePrivacy(deps, event.data.userId, event.aggregateVersion, event.data.privateProfile);
    },
  };
}
