import { problems, type Principal } from '@eventonight/platform';
import type { EventAppDeps, VersionedEvent } from './deps.js';

/** Anyone sees a non-draft event; a draft only its organizer (others get the same 404 as for a missing id). */
export async function getEvent(deps: EventAppDeps, principal: Principal | undefined, eventId: string): Promise<VersionedEvent> {
  const loaded = await deps.store.load(eventId);
  if (loaded === null) throw problems.notFound('No such event.');
  if (loaded.state.status === 'draft' && loaded.state.organizerId !== principal?.userId) {
    throw problems.notFound('No such event.');
  }
  // A hidden event is gone for everyone but moderators (ADR 0041).
  if (principal?.roles.has('moderator') !== true && (await deps.safety.isHidden('event', eventId))) throw problems.notFound('No such event.');
  return loaded;
}
