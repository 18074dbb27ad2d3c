import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { TokenSource } from '../api/client';
import type { RuntimeConfig } from '../config/runtime-config';
import { needsRenewal, renewDelayMs } from './renewal';

/**
 * OpenID Connect against Keycloak: authorization code flow with PKCE (S256), tokens kept in
 * sessionStorage, renewed with the refresh token ahead of expiry (see renewal.ts). When the
 * renewal is refused (session ended in Keycloak), the person is signed out locally and the
 * session store asks them to sign in again.
 */

export type Role = 'member' | 'organization';

export interface SignedInUser {
  id: string;
  name: string;
  email: string | null;
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
  return roles.filter((role): role is Role => role === 'member' || role === 'organization');
}

function toSignedIn(user: User): SignedInUser {
  const profile = user.profile;
  return {
    id: profile.sub,
    name: profile.name ?? profile.preferred_username ?? profile.email ?? 'You',
    email: profile.email ?? null,
    roles: rolesOf(claimsOf(user.access_token)),
  };
}

export interface Auth extends TokenSource {
  /**
   * The signed-in person after a page load (renewing first when the token expired), or null;
   * `ended` when a stored session could not be renewed (the person must sign in again).
   */
  restore(): Promise<{ user: SignedInUser | null; ended: boolean }>;
  /** Leaves for Keycloak's login (or registration) page; comes back to `returnTo`. */
  signIn(returnTo: string, options?: { loginHint?: string }): Promise<void>;
  /** Finishes the code flow on the callback page; returns the path to go back to. */
  completeSignIn(): Promise<{ user: SignedInUser; returnTo: string }>;
  /** Ends the Keycloak session too, then comes back to the home page. */
  signOut(): Promise<void>;
  /** Told when the session ends by itself (renewal refused) or a token is renewed. */
  onChange(listener: (user: SignedInUser | null) => void): void;
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
  let listeners: Array<(user: SignedInUser | null) => void> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let renewing: Promise<User | null> | undefined;

  const notify = (user: SignedInUser | null): void => {
    for (const listener of listeners) listener(user);
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
        notify(null);
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
    async restore() {
      const stored = await manager.getUser();
      const user = await freshUser();
      if (user === null) {
        if (stored !== null) await manager.removeUser();
        return { user: null, ended: stored !== null };
      }
      schedule(user);
      return { user: toSignedIn(user), ended: false };
    },
    async signIn(returnTo, options = {}) {
      await manager.signinRedirect({ state: { returnTo }, ...(options.loginHint === undefined ? {} : { login_hint: options.loginHint }) });
    },
    async completeSignIn() {
      const user = await manager.signinRedirectCallback();
      schedule(user);
      const state = user.state as { returnTo?: unknown } | undefined;
      const returnTo = typeof state?.returnTo === 'string' && state.returnTo.startsWith('/') ? state.returnTo : '/';
      return { user: toSignedIn(user), returnTo };
    },
    async signOut() {
      clearTimeout(timer);
      await manager.signoutRedirect();
    },
    onChange(listener) {
      listeners = [...listeners, listener];
    },
  };
}
