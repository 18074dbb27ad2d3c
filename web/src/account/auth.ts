import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { TokenSource } from '../api/client';
import type { RuntimeConfig } from '../config/runtime-config';
import { actionOf, type AccountAction, type ActionResult } from './account-action';
import { needsRenewal, renewDelayMs } from './renewal';

/**
 * OpenID Connect against Keycloak: authorization code flow with PKCE (S256), tokens kept in
 * sessionStorage, renewed with the refresh token ahead of expiry (see renewal.ts). When the
 * renewal is refused (session ended in Keycloak), the person is signed out locally and the
 * session store asks them to sign in again. When a service says the account itself was deleted
 * (401 account-deleted, or the notification socket's session_expired), they are signed out
 * locally for good: there is nothing to renew and no Keycloak session left to end.
 */

/** Why a session ended by itself: it could not be renewed, or its account was deleted. */
export type SessionEnd = 'expired' | 'account-deleted';

export type Role = 'member' | 'organization' | 'moderator';

export interface SignedInUser {
  id: string;
  name: string;
  email: string | null;
  /** The address was confirmed (Keycloak's `email_verified`): buying tickets needs it. */
  emailVerified: boolean;
  roles: Role[];
}

interface AccessClaims {
  iat?: number;
  exp?: number;
  realm_access?: { roles?: unknown };
}

function claimsOf(accessToken: string): AccessClaims {
  const payload = accessToken.split('.')[1] ?? '';
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as AccessClaims;
  } catch {
    return {};
  }
}

function rolesOf(claims: AccessClaims): Role[] {
  const roles = Array.isArray(claims.realm_access?.roles) ? (claims.realm_access.roles as unknown[]) : [];
  return roles.filter((role): role is Role => role === 'member' || role === 'organization' || role === 'moderator');
}

function toSignedIn(user: User): SignedInUser {
  const profile = user.profile;
  return {
    id: profile.sub,
    name: profile.name ?? profile.preferred_username ?? profile.email ?? 'You',
    email: profile.email ?? null,
    emailVerified: profile.email_verified === true,
    roles: rolesOf(claimsOf(user.access_token)),
  };
}

export interface Auth extends TokenSource {
  /**
   * The signed-in person after a page load (renewing first when the token expired), or null;
   * `ended` when a stored session could not be renewed (the person must sign in again).
   */
  restore(): Promise<{ user: SignedInUser | null; ended: SessionEnd | null }>;
  /** Leaves for Keycloak's login (or registration) page; comes back to `returnTo`. */
  signIn(returnTo: string, options?: { loginHint?: string }): Promise<void>;
  /**
   * Leaves for Keycloak to do `action` for the signed-in person (it may ask for the password
   * again first), then comes back to `returnTo` signed in, with the action's outcome.
   */
  startAction(action: AccountAction, returnTo: string): Promise<void>;
  /**
   * Finishes the code flow on the callback page; returns the path to go back to, and how an
   * action asked for by startAction ended (null for a plain sign-in).
   */
  completeSignIn(): Promise<{ user: SignedInUser; returnTo: string; action: ActionResult | null }>;
  /** Ends the Keycloak session too, then comes back to the home page. */
  signOut(): Promise<void>;
  /** Renews the tokens now, e.g. after the address was confirmed, so they say so; false when the session ended. */
  refresh(): Promise<boolean>;
  /** The person chose to go on signed out: stop offering to sign in again. */
  forgetEnded(): void;
  /** Told when the session ends by itself (renewal refused, account deleted) or a token is renewed. */
  onChange(listener: (user: SignedInUser | null, end?: SessionEnd) => void): void;
}

/**
 * Remembers, for this tab, that a session ended by itself and why ('1' expired, 'account-deleted'),
 * so the notice survives a reload.
 */
const ENDED_KEY = 'eventonight.session-ended';

function storedEnd(): SessionEnd | null {
  const value = window.sessionStorage.getItem(ENDED_KEY);
  if (value === null) return null;
  return value === 'account-deleted' ? 'account-deleted' : 'expired';
}

export function createAuth(config: RuntimeConfig): Auth {
  const origin = window.location.origin;
  const manager = new UserManager({
    authority: `${config.keycloak.url}/realms/${config.keycloak.realm}`,
    client_id: config.keycloak.clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile email',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Renewal is scheduled here (renewal.ts), not by the library's timer, and never with an iframe.
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
    // A Keycloak that does not answer must not hold the page: give up and treat it as signed out.
    requestTimeoutInSeconds: 10,
  });
  let listeners: Array<(user: SignedInUser | null, end?: SessionEnd) => void> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let renewing: Promise<User | null> | undefined;
  /** Set once the account was found deleted (every later 401 says so again) or the person signs out. */
  let finished = false;

  const notify = (user: SignedInUser | null, end?: SessionEnd): void => {
    for (const listener of listeners) listener(user, end);
  };

  /** Signed out here because the session ended by itself; a deleted account is never told as merely expired. */
  const ended = (end: SessionEnd): void => {
    const why = storedEnd() === 'account-deleted' ? 'account-deleted' : end;
    window.sessionStorage.setItem(ENDED_KEY, why === 'account-deleted' ? 'account-deleted' : '1');
    notify(null, why);
  };

  const schedule = (user: User): void => {
    clearTimeout(timer);
    const claims = claimsOf(user.access_token);
    const expiresAtMs = (user.expires_at ?? claims.exp ?? 0) * 1000;
    const issuedAtMs = (claims.iat ?? 0) * 1000;
    timer = setTimeout(() => void renew(), renewDelayMs(expiresAtMs, issuedAtMs, Date.now()));
  };

  /** One renewal at a time; null when Keycloak refuses it (the person must sign in again). */
  const renew = (): Promise<User | null> => {
    renewing ??= (async () => {
      try {
        const user = await manager.signinSilent({ silentRequestTimeoutInSeconds: 10 });
        if (user === null) throw new Error('no user after renewal');
        schedule(user);
        notify(toSignedIn(user));
        return user;
      } catch {
        clearTimeout(timer);
        await manager.removeUser();
        if (!finished) ended('expired');
        return null;
      } finally {
        renewing = undefined;
      }
    })();
    return renewing;
  };

  const freshUser = async (): Promise<User | null> => {
    const user = await manager.getUser();
    if (user === null) return null;
    if (user.expires_at !== undefined && needsRenewal(user.expires_at * 1000, Date.now())) {
      return user.refresh_token ? renew() : null;
    }
    return user;
  };

  return {
    async accessToken() {
      return (await freshUser())?.access_token ?? null;
    },
    async renewAfterRejection() {
      return (await renew())?.access_token ?? null;
    },
    accountDeleted() {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      void manager.removeUser();
      ended('account-deleted');
    },
    async restore() {
      const stored = await manager.getUser();
      const user = await freshUser();
      if (user === null) {
        if (stored !== null) {
          await manager.removeUser();
          if (storedEnd() === null) window.sessionStorage.setItem(ENDED_KEY, '1');
        }
        return { user: null, ended: storedEnd() };
      }
      schedule(user);
      return { user: toSignedIn(user), ended: null };
    },
    async signIn(returnTo, options = {}) {
      await manager.signinRedirect({ state: { returnTo }, ...(options.loginHint === undefined ? {} : { login_hint: options.loginHint }) });
    },
    async startAction(action, returnTo) {
      await manager.signinRedirect({ state: { returnTo, action }, extraQueryParams: { kc_action: action } });
    },
    async completeSignIn() {
      // Read before the library consumes the URL: Keycloak's word on the action, beside code and state.
      const status = new URL(window.location.href).searchParams.get('kc_action_status');
      const user = await manager.signinRedirectCallback();
      window.sessionStorage.removeItem(ENDED_KEY);
      finished = false;
      schedule(user);
      const state = user.state as { returnTo?: unknown; action?: unknown } | undefined;
      const returnTo = typeof state?.returnTo === 'string' && state.returnTo.startsWith('/') ? state.returnTo : '/';
      return { user: toSignedIn(user), returnTo, action: actionOf(state, status) };
    },
    async signOut() {
      // Leaving for Keycloak's logout: a deletion told meanwhile must not end the session a second time.
      finished = true;
      clearTimeout(timer);
      window.sessionStorage.removeItem(ENDED_KEY);
      try {
        await manager.signoutRedirect();
      } catch (error) {
        finished = false;
        throw error;
      }
    },
    async refresh() {
      return (await manager.getUser()) === null ? false : (await renew()) !== null;
    },
    forgetEnded() {
      window.sessionStorage.removeItem(ENDED_KEY);
    },
    onChange(listener) {
      listeners = [...listeners, listener];
    },
  };
}
