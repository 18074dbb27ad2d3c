import { AggregateAlreadyExistsError, linkSecretDigest, newLinkSecret, problems, type Logger } from '@eventonight/platform';
import { emailVerificationRequested, profileCreated } from '../domain/events.js';
import { challengeFor } from '../domain/email-verification.js';
import { newProfile, type ActiveProfile, type Organization, type Role } from '../domain/profile.js';
import type { ProfileStore } from '../persistence/profiles.js';
import { AccountExistsError, AccountRejectedError, type IdentityProvider } from './identity-provider.js';

export interface Registration {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  organization?: { name: string; description?: string | undefined; website?: string | undefined } | undefined;
}

export interface RegisterDeps {
  store: ProfileStore;
  identity: IdentityProvider;
  log: Logger;
  clock: () => Date;
}

function organizationOf(registration: Registration): Organization | null {
  const given = registration.organization;
  if (registration.role !== 'organization' || given === undefined) return null;
  return { name: given.name, description: given.description ?? null, website: given.website ?? null };
}

/**
 * Two steps, Keycloak first: the account (with its role, its address not yet confirmed) is all or nothing inside the
 * identity adapter; the profile is one atomic insert carrying `user.created`. If the
 * process dies between them the request fails, and ensureProfile repairs it on the
 * user's first authenticated call.
 */
export async function registerUser(deps: RegisterDeps, registration: Registration): Promise<{ profile: ActiveProfile; version: number }> {
  const email = registration.email.toLowerCase();
  let userId: string;
  try {
    ({ userId } = await deps.identity.createAccount({ email, password: registration.password, role: registration.role }));
  } catch (error) {
    if (error instanceof AccountExistsError) throw problems.conflict('An account with this email already exists.');
    // Well-formed (the schema admits only what Keycloak accepts), refused anyway: its policy, not the request's shape.
    if (error instanceof AccountRejectedError) throw problems.unprocessable('The identity provider refused these credentials (password policy).');
    throw error;
  }
  const now = deps.clock();
  const token = newLinkSecret();
  const challenge = challengeFor(email, 'sign-up', linkSecretDigest(token), now);
  const profile: ActiveProfile = {
    ...newProfile({
      id: userId,
      role: registration.role,
      email,
      emailVerified: false,
      displayName: registration.displayName,
      organization: organizationOf(registration),
      now,
    }),
    emailChallenge: challenge,
  };
  try {
    // The confirmation link is mailed from the same write: no profile without its link.
    const created = await deps.store.create(profile, [...profileCreated(profile), emailVerificationRequested(userId, challenge, token)]);
    return { profile, version: created.version };
  } catch (error) {
    if (!(error instanceof AggregateAlreadyExistsError)) {
      deps.log.error({ err: error, userId }, 'account created but profile not stored; first login will recover it');
      throw error;
    }
    // The user's first request already recovered the profile: registration still succeeded.
    const existing = await deps.store.load(userId);
    if (existing === null || existing.state.state !== 'active' || existing.state.displayName === null) throw error;
    return { profile: existing.state as ActiveProfile, version: existing.version };
  }
}
