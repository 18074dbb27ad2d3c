import { problems, retryOnVersionConflict, type Principal } from '@eventonight/platform';
import { userDeleted } from '../domain/events.js';
import { tombstone } from '../domain/profile-changes.js';
import type { ProfileDeps } from './deps.js';
import { ensureProfile } from './ensure-profile.js';
import type { IdentityProvider } from './identity-provider.js';

/**
 * Keycloak first, then the erasure ledger, then the tombstone (which carries `user.deleted`):
 * if Keycloak is down nothing changes (503). If the process dies after the account is gone, a
 * retry with the still-valid token finds the profile still active, the Keycloak account absent
 * (not an error) and the ledger entry already there (idempotent), and completes the tombstone.
 * Once `user.deleted` is published, this service's own handler deletes the tombstone entirely
 * (messaging/handlers.ts); the ledger's digest is what keeps the id from coming back.
 */
export async function deleteAccount(deps: ProfileDeps & { identity: IdentityProvider }, principal: Principal): Promise<void> {
  const { store, ledger, identity } = deps;
  const stored = await store.load(principal.userId);
  // No profile at all: first-login recovery (refused when the id was erased), then deletion.
  const profile = stored === null ? (await ensureProfile(deps, principal)).profile : stored.state;
  if (profile.state === 'deleted') throw problems.accountDeleted();
  await identity.deleteAccount(principal.userId);
  await ledger.record(principal.userId);
  await retryOnVersionConflict(3, async () => {
    const current = await store.load(principal.userId);
    if (current === null || current.state.state === 'deleted') return;
    await store.update(principal.userId, current.version, tombstone(new Date()), [userDeleted(principal.userId)]);
  });
}
