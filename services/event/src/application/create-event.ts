import type { Principal } from '@eventonight/platform';
import type { EventDetails, TierInput } from '../domain/event.js';
import { decideCreate } from '../domain/lifecycle.js';
import type { EventAppDeps, VersionedEvent } from './deps.js';
import { decideOrRefuse } from './problems.js';

export interface CreateEventInput {
  details: EventDetails;
  tiers: readonly TierInput[];
}

/** An organization creates a draft; the route already checked the role. */
export async function createEvent(deps: EventAppDeps, principal: Principal, input: CreateEventInput): Promise<VersionedEvent> {
  await deps.ledger.refuseErased(principal.userId);
  const { state, events } = decideOrRefuse(() =>
    decideCreate({
      eventId: deps.newId(),
      organizerId: principal.userId,
      details: input.details,
      tiers: input.tiers,
      now: deps.clock(),
      newTierId: deps.newId,
    }),
  );
  const created = await deps.store.create(state, events);
  // The organization's own (cached) list must show the new draft on its next request.
  await deps.catalogue.changed();
  return { state: created.state, version: created.version };
}
