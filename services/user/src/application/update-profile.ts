import { problems, retryOnVersionConflict, type Principal } from '@eventonight/platform';
import { preferencesChanged, userUpdated } from '../domain/events.js';
import { decidePatch, type ProfilePatch } from '../domain/profile-changes.js';
import { isActive, type ActiveProfile } from '../domain/profile.js';
import type { ProfileDeps } from './deps.js';
import { ensureProfile } from './ensure-profile.js';

/** A change discovery copies (ADR 0040): what to suggest, where, and whether going lists are private. */
const touchesDiscovery = (patch: ProfilePatch): boolean =>
  patch.preferences !== undefined || patch.city !== undefined || patch.privateProfile !== undefined;

/**
 * Changes the caller's profile and raises `user.updated` with the new snapshot.
 * With `expectedVersion` (If-Match) a stale client gets 409; without it a lost race is
 * simply re-decided on fresh state, since a patch does not depend on what it replaces.
 */
export async function updateProfile(
  deps: ProfileDeps,
  principal: Principal,
  patch: ProfilePatch,
  expectedVersion: number | undefined,
): Promise<{ profile: ActiveProfile; version: number }> {
  const attempt = async () => {
    const { profile, version } = await ensureProfile(deps, principal);
    // A profile that is not active is a deleted one (ensureProfile refuses those already).
    if (!isActive(profile)) throw problems.accountDeleted();
    if (expectedVersion !== undefined && expectedVersion !== version) throw problems.versionConflict();
    const decision = decidePatch(profile, patch, new Date());
    if (!decision.ok) throw problems.forbidden('Only organizations have organization fields.');
    const next = await deps.store.update(profile._id, version, decision.changes, [userUpdated(decision.next), ...(touchesDiscovery(patch) ? [preferencesChanged(decision.next)] : [])]);
    return { profile: decision.next, version: next };
  };
  // With If-Match, a lost race must reach the client as 409, so no retry.
  return expectedVersion === undefined ? retryOnVersionConflict(3, attempt) : attempt();
}
