import type { EventHandlers, SafetyCopies } from '@eventonight/platform';

/** Blocks, suspensions and hidden messages, copied from the user service (ADR 0041). */
export function safetyHandlers(safety: SafetyCopies): EventHandlers {
  return {
    'user.block.changed': (event) => safety.applyBlock(event),
    'user.suspension.changed': (event) => safety.applySuspension(event),
    'moderation.item.visibility.changed': (event) => safety.applyVisibility(event),
  };
}
