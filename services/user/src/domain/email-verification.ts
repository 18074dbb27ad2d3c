import type { ActiveProfile, EmailChallenge, Profile } from './profile.js';

/** How long a confirmation link works. */
export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
/** A new link is mailed at most this often (each one replaces the last). */
export const RESEND_INTERVAL_MS = 60 * 1000;

/** Profiles made before confirmation existed carry no flag: their accounts were created verified. */
export function isEmailVerified(profile: Profile): boolean {
  return profile.emailVerified !== false;
}

/**
 * Keycloak holds whether the address is confirmed (an operator may confirm it there too): when the
 * caller's token says so, the profile reads as confirmed and a sign-up link as no longer waiting.
 */
export function asConfirmedByToken<P extends Profile>(profile: P, tokenSaysConfirmed: boolean): P {
  if (!tokenSaysConfirmed || isEmailVerified(profile)) return profile;
  const pending = pendingChallenge(profile);
  return { ...profile, emailVerified: true, emailChallenge: pending?.reason === 'sign-up' ? null : pending };
}

export function pendingChallenge(profile: Profile): EmailChallenge | null {
  return profile.emailChallenge ?? null;
}

export function challengeFor(email: string, reason: EmailChallenge['reason'], tokenHash: string, now: Date): EmailChallenge {
  return {
    email,
    tokenHash,
    reason,
    sentAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS).toISOString(),
  };
}

export type ResendDecision =
  | { ok: true; email: string; reason: EmailChallenge['reason'] }
  | { ok: false; why: 'already-verified' }
  | { ok: false; why: 'too-soon'; retryAt: Date };

/**
 * Another link for what is waiting: the pending change, else the unconfirmed current address.
 * Nothing is waiting when the address is confirmed and no change is pending.
 */
export function decideResend(profile: ActiveProfile, now: Date): ResendDecision {
  const pending = pendingChallenge(profile);
  if (pending !== null) {
    const retryAt = new Date(Date.parse(pending.sentAt) + RESEND_INTERVAL_MS);
    if (now < retryAt) return { ok: false, why: 'too-soon', retryAt };
    return { ok: true, email: pending.email, reason: pending.reason };
  }
  if (isEmailVerified(profile) || profile.email === null) return { ok: false, why: 'already-verified' };
  return { ok: true, email: profile.email, reason: 'sign-up' };
}

export type ChangeDecision = { ok: true } | { ok: false; why: 'same-address' | 'too-soon'; retryAt?: Date };

/** A member may ask to move to any other address; the current one stays in use until the new one is confirmed. */
export function decideEmailChange(profile: ActiveProfile, email: string, now: Date): ChangeDecision {
  if (email === profile.email) return { ok: false, why: 'same-address' };
  const pending = pendingChallenge(profile);
  if (pending !== null && pending.email === email) {
    const retryAt = new Date(Date.parse(pending.sentAt) + RESEND_INTERVAL_MS);
    if (now < retryAt) return { ok: false, why: 'too-soon', retryAt };
  }
  return { ok: true };
}

export type ConfirmDecision =
  | { ok: true; email: string; addressChanged: boolean; changes: Partial<Omit<Profile, '_id'>> }
  | { ok: false; why: 'expired' };

/** Opening the link confirms the address it was mailed to, which becomes the account's address. */
export function decideConfirm(profile: ActiveProfile, challenge: EmailChallenge, now: Date): ConfirmDecision {
  if (now.getTime() >= Date.parse(challenge.expiresAt)) return { ok: false, why: 'expired' };
  return {
    ok: true,
    email: challenge.email,
    addressChanged: challenge.email !== profile.email,
    changes: { email: challenge.email, emailVerified: true, emailChallenge: null, updatedAt: now.toISOString() },
  };
}
