import type { Principal } from '@eventonight/platform';
import { decideCancel } from '../domain/lifecycle.js';
import { changeEvent, type ChangeOutcome } from './change-event.js';
import type { EventAppDeps } from './deps.js';

export function cancelEvent(
  deps: EventAppDeps,
  principal: Principal,
  eventId: string,
  reason: string | null,
  expectedVersion: number | undefined,
): Promise<ChangeOutcome> {
  return changeEvent(deps, principal, eventId, expectedVersion, (state, now) => decideCancel(state, reason, now));
}
