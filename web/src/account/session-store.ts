import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { call } from '../api/client';
import { useApi } from '../app/context';
import { failedWith } from '../ui/problem';
import type { AccountAction, ActionResult } from './account-action';
import type { Auth, SessionEnd, SignedInUser } from './auth';

/**
 * The session every page shares: who is signed in, and whether a session just ended by
 * itself: expired (the layout offers to sign in again and come back to the same page), or its
 * account was deleted (the layout says so; there is nothing to come back to).
 */
export const useSession = defineStore('session', () => {
  const user = ref<SignedInUser | null>(null);
  const ready = ref(false);
  const ended = ref<SessionEnd | null>(null);
  /** How the last account action (a new password) ended, until the page that asked for it says so. */
  const lastAction = ref<ActionResult | null>(null);
  let auth: Auth | undefined;

  const isMember = computed(() => user.value?.roles.includes('member') ?? false);
  const isOrganization = computed(() => user.value?.roles.includes('organization') ?? false);
  /** Granted by an operator (ADR 0041): the moderation page and its link. */
  const isModerator = computed(() => user.value?.roles.includes('moderator') ?? false);

  function requireAuth(): Auth {
    if (auth === undefined) throw new Error('the session store is used before it was started');
    return auth;
  }

  /**
   * The name people chose in their profile (the token carries Keycloak's account name); null when
   * the account was deleted meanwhile (the API client has then signed the person out).
   */
  async function withProfileName(next: SignedInUser): Promise<SignedInUser | null> {
    try {
      const profile = await call(useApi().user.GET('/users/me'));
      return { ...next, name: profile.displayName };
    } catch (failure) {
      return failedWith(failure, 'account-deleted') ? null : next;
    }
  }

  async function start(value: Auth): Promise<void> {
    auth = value;
    auth.onChange((next, end) => {
      // A deleted account is told even when found before anyone was shown signed in (a reload).
      if (next === null && (user.value !== null || end === 'account-deleted')) {
        ended.value = ended.value === 'account-deleted' ? 'account-deleted' : (end ?? 'expired');
      }
      // A renewal keeps the name already shown.
      user.value = next === null ? null : { ...next, name: user.value?.name ?? next.name };
    });
    try {
      const restored = await auth.restore();
      ended.value = restored.ended;
      user.value = restored.user === null ? null : await withProfileName(restored.user);
    } catch {
      user.value = null;
    }
    ready.value = true;
  }

  async function signIn(returnTo: string, loginHint?: string): Promise<void> {
    await requireAuth().signIn(returnTo, loginHint === undefined ? {} : { loginHint });
  }

  async function completeSignIn(): Promise<string> {
    const outcome = await requireAuth().completeSignIn();
    lastAction.value = outcome.action;
    user.value = await withProfileName(outcome.user);
    if (user.value !== null) ended.value = null;
    return outcome.returnTo;
  }

  /** Leaves for Keycloak to run `action`; the callback comes back to `returnTo` with its outcome. */
  async function startAction(action: AccountAction, returnTo: string): Promise<void> {
    await requireAuth().startAction(action, returnTo);
  }

  /** The last action's outcome, told once. */
  function takeLastAction(): ActionResult | null {
    const result = lastAction.value;
    lastAction.value = null;
    return result;
  }

  async function signOut(): Promise<void> {
    await requireAuth().signOut();
  }

  function dismissEnded(): void {
    ended.value = null;
    requireAuth().forgetEnded();
  }

  /** The account was found deleted (a socket said so, or the person just deleted it): sign out here. */
  function accountDeleted(): void {
    requireAuth().accountDeleted();
  }

  /** New tokens now (the address was just confirmed): the session learns it without signing in again. */
  async function refresh(): Promise<void> {
    if (user.value !== null) await requireAuth().refresh();
  }

  function accessToken(): Promise<string | null> {
    return requireAuth().accessToken();
  }

  return {
    user,
    ready,
    ended,
    isMember,
    isOrganization,
    isModerator,
    start,
    signIn,
    completeSignIn,
    startAction,
    takeLastAction,
    signOut,
    refresh,
    accessToken,
    dismissEnded,
    accountDeleted,
  };
});
