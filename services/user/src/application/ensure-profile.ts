import { AggregateAlreadyExistsError, problems, type Principal } from '@eventonight/platform';
import { profileCreated } from '../domain/events.js';
import { asConfirmedByToken } from '../domain/email-verification.js';
import { newProfile, type Profile, type Role } from '../domain/profile.js';
import type { ProfileDeps } from './deps.js';

export interface Loaded {
  profile: Profile;
  version: number;
}

function roleOf(principal: Principal): Role {
  return principal.roles.has('organization') ? 'organization' : 'member';
}

/** A display name from the token: its `name`, else the email's local part, else the username. */
function displayNameOf(principal: Principal): string {
  const fromEmail = principal.email?.split('@', 1)[0];
  const candidate = principal.displayName ?? fromEmail ?? principal.username ?? 'user';
  return candidate.trim().slice(0, 120) || 'user';
}

/**
 * First-login recovery (seed design, "user crash during register"): every authenticated
 * route goes through here, so a Keycloak account whose profile was never written gets a
 * minimal one from the token claims, raising `user.created` exactly once (the insert is
 * keyed by the user id, so concurrent first requests create one profile).
 *
 * A deleted account's token may live on until it expires: its id is in the erasure ledger
 * (ADR 0027), so it gets 401 account-deleted and its profile is never recreated, neither while
 * the tombstone exists nor after the service's own `user.deleted` handler removed it.
 */
export async function ensureProfile(deps: ProfileDeps, principal: Principal, now = new Date()): Promise<Loaded> {
  const { store, ledger } = deps;
  await ledger.refuseErased(principal.userId);
  const existing = await store.load(principal.userId);
  if (existing !== null) {
    if (existing.state.state === 'deleted') throw problems.accountDeleted();
    return { profile: asConfirmedByToken(existing.state, principal.emailVerified === true), version: existing.version };
  }
  const role = roleOf(principal);
  const displayName = displayNameOf(principal);
  const profile = newProfile({
    id: principal.userId,
    role,
    email: principal.email?.toLowerCase() ?? null,
    // No link was mailed for an account recovered here: the member asks for one from their profile.
    emailVerified: principal.emailVerified === true,
    displayName,
    organization: role === 'organization' ? { name: displayName, description: null, website: null } : null,
    now,
  });
  try {
    const created = await store.create(profile, profileCreated(profile));
    return { profile: created.state, version: created.version };
  } catch (error) {
    if (!(error instanceof AggregateAlreadyExistsError)) throw error;
    const raced = await store.load(principal.userId);
    // There a moment ago and gone now: only erasure deletes a profile.
    if (raced === null) throw problems.accountDeleted();
    if (raced.state.state === 'deleted') throw problems.accountDeleted();
    return { profile: asConfirmedByToken(raced.state, principal.emailVerified === true), version: raced.version };
  }
}
