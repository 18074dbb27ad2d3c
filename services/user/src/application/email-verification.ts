import { linkSecretDigest, newLinkSecret, problemOf, problems, problemSubtype, retryOnVersionConflict, type Principal } from '@eventonight/platform';
import { contactChanged, emailVerificationRequested } from '../domain/events.js';
import { challengeFor, decideConfirm, decideEmailChange, decideResend, pendingChallenge } from '../domain/email-verification.js';
import { isActive, type ActiveProfile, type EmailChallenge } from '../domain/profile.js';
import { profileIdByChallenge } from '../persistence/profiles.js';
import type { ProfileDeps } from './deps.js';
import { ensureProfile } from './ensure-profile.js';
import { AccountExistsError, type IdentityProvider } from './identity-provider.js';

export const alreadyVerified = problemSubtype('conflict', 'email-already-verified', 'Email already verified');
export const recentlySent = problemSubtype('conflict', 'verification-recently-sent', 'Verification recently sent');
export const linkExpired = problemSubtype('gone', 'verification-link-expired', 'Verification link expired');

export interface VerificationDeps extends ProfileDeps {
  identity: IdentityProvider;
  clock: () => Date;
}

type Saved = { profile: ActiveProfile; version: number };

function tooSoon(retryAt: Date): never {
  throw problemOf(recentlySent, 'We sent you a link less than a minute ago: look for it in your mailbox (and spam folder) before asking again.', {
    extensions: { retryAt: retryAt.toISOString() },
  });
}

async function activeProfileOf(deps: ProfileDeps, principal: Principal): Promise<Saved> {
  const { profile, version } = await ensureProfile(deps, principal);
  if (!isActive(profile)) throw problems.accountDeleted();
  return { profile, version };
}

/** Stores a new challenge (replacing any earlier one) and mails its link from the same write. */
async function challenge(deps: VerificationDeps, saved: Saved, email: string, reason: EmailChallenge['reason']): Promise<Saved> {
  const now = deps.clock();
  const token = newLinkSecret();
  const pending = challengeFor(email, reason, linkSecretDigest(token), now);
  const changes = { emailChallenge: pending, updatedAt: now.toISOString() };
  const version = await deps.store.update(saved.profile._id, saved.version, changes, [emailVerificationRequested(saved.profile._id, pending, token)]);
  return { profile: { ...saved.profile, ...changes }, version };
}

/** Mails another link for what waits to be confirmed (the earlier link stops working). */
export function resendVerification(deps: VerificationDeps, principal: Principal): Promise<Saved> {
  return retryOnVersionConflict(3, async () => {
    const saved = await activeProfileOf(deps, principal);
    const decision = decideResend(saved.profile, deps.clock());
    if (!decision.ok) {
      if (decision.why === 'too-soon') tooSoon(decision.retryAt);
      throw problemOf(alreadyVerified, 'Your email address is already confirmed.');
    }
    return challenge(deps, saved, decision.email, decision.reason);
  });
}

/** Starts moving the account to another address; the current one stays in use until the new one is confirmed. */
export function changeEmail(deps: VerificationDeps, principal: Principal, requested: string): Promise<Saved> {
  const email = requested.toLowerCase();
  return retryOnVersionConflict(3, async () => {
    const saved = await activeProfileOf(deps, principal);
    const decision = decideEmailChange(saved.profile, email, deps.clock());
    if (!decision.ok) {
      if (decision.why === 'too-soon' && decision.retryAt !== undefined) tooSoon(decision.retryAt);
      throw problems.unprocessable('That is already your email address.');
    }
    if (await deps.identity.emailInUse(email, saved.profile._id)) throw problems.conflict('Another account uses this email address.');
    return challenge(deps, saved, email, 'change');
  });
}

const invalidLink = (): never => {
  throw problems.notFound('This confirmation link is not valid: it was replaced by a newer one or already used. Ask for a new one from your profile.');
};

/**
 * Opening the mailed link: the address becomes the account's confirmed address, in Keycloak first
 * (a failure there changes nothing here; opening the link again finishes the job), then in the profile.
 */
export function confirmEmail(deps: VerificationDeps, token: string): Promise<{ email: string }> {
  const tokenHash = linkSecretDigest(token);
  return retryOnVersionConflict(3, async () => {
    const userId = await profileIdByChallenge(deps.store, tokenHash);
    if (userId === null) return invalidLink();
    const loaded = await deps.store.load(userId);
    const profile = loaded?.state;
    const pending = profile === undefined ? null : pendingChallenge(profile);
    if (loaded === null || profile === undefined || !isActive(profile) || pending === null || pending.tokenHash !== tokenHash) return invalidLink();
    const decision = decideConfirm(profile, pending, deps.clock());
    if (!decision.ok) throw problemOf(linkExpired, 'This confirmation link has expired (links work for 24 hours). Ask for a new one from your profile.');
    try {
      await deps.identity.confirmEmail(userId, decision.email);
    } catch (error) {
      if (error instanceof AccountExistsError) throw problems.conflict('Another account started using this email address in the meantime.');
      throw error;
    }
    await deps.store.update(userId, loaded.version, decision.changes, decision.addressChanged ? [contactChanged(userId, decision.email)] : []);
    return { email: decision.email };
  });
}
