import type { EventHandlers, SafetyCopies } from '@eventonight/platform';

/** Events a moderator hid or restored (ADR 0041); the copy's hook moves the catalogue cache on. */
export function safetyHandlers(safety: SafetyCopies): EventHandlers {
  return {
    'moderation.item.visibility.changed': (event) => safety.applyVisibility(event),
  };
}
