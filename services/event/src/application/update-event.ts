import type { Principal } from '@eventonight/platform';
import { decideUpdate, type EventPatch } from '../domain/lifecycle.js';
import { changeEvent, type ChangeOutcome } from './change-event.js';
import type { EventAppDeps } from './deps.js';

export function updateEvent(
  deps: EventAppDeps,
  principal: Principal,
  eventId: string,
  patch: EventPatch,
  expectedVersion: number | undefined,
): Promise<ChangeOutcome> {
  return changeEvent(deps, principal, eventId, expectedVersion, (state, now) => decideUpdate(state, patch, now, deps.newId));
}
