import { problems, retryOnVersionConflict, type Principal } from '@eventonight/platform';
import { userDeleted } from '../domain/events.js';
import { tombstone } from '../domain/profile-changes.js';
import type { ProfileStore } from '../persistence/profiles.js';
import { ensureProfile } from './ensure-profile.js';
import type { IdentityProvider } from './identity-provider.js';

/**
 * Keycloak first, then the tombstone: if Keycloak is down nothing changes (503); if the
 * tombstone write fails after the account is gone, a retry with the still-valid token
 * finds the account absent (not an error) and completes the tombstone.
 */
export async function deleteAccount(deps: { store: ProfileStore; identity: IdentityProvider }, principal: Principal): Promise<void> {
  const first = await ensureProfile(deps.store, principal);
  if (first.profile.state === 'deleted') throw problems.notFound('This profile does not exist.');
  await deps.identity.deleteAccount(principal.userId);
  await retryOnVersionConflict(3, async () => {
    const current = await deps.store.load(principal.userId);
    if (current === null || current.state.state === 'deleted') return;
    await deps.store.update(principal.userId, current.version, tombstone(new Date()), [userDeleted(principal.userId)]);
  });
}
