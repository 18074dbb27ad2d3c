import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { call } from '../api/client';
import { useApi } from '../app/context';
import type { Auth, SignedInUser } from './auth';

/**
 * The session every page shares: who is signed in, and whether a session just ended by
 * itself (then the layout offers to sign in again and come back to the same page).
 */
export const useSession = defineStore('session', () => {
  const user = ref<SignedInUser | null>(null);
  const ready = ref(false);
  const ended = ref(false);
  let auth: Auth | undefined;

  const isMember = computed(() => user.value?.roles.includes('member') ?? false);
  const isOrganization = computed(() => user.value?.roles.includes('organization') ?? false);

  function requireAuth(): Auth {
    if (auth === undefined) throw new Error('the session store is used before it was started');
    return auth;
  }

  /** The name people chose in their profile (the token carries Keycloak's account name). */
  async function withProfileName(next: SignedInUser): Promise<SignedInUser> {
    try {
      const profile = await call(useApi().user.GET('/users/me'));
      return { ...next, name: profile.displayName };
    } catch {
      return next;
    }
  }

  async function start(value: Auth): Promise<void> {
    auth = value;
    auth.onChange((next) => {
      if (next === null && user.value !== null) ended.value = true;
      // A renewal keeps the name already shown.
      user.value = next === null ? null : { ...next, name: user.value?.name ?? next.name };
    });
    try {
      const restored = await auth.restore();
      user.value = restored.user === null ? null : await withProfileName(restored.user);
      ended.value = restored.ended;
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
    user.value = await withProfileName(outcome.user);
    ended.value = false;
    return outcome.returnTo;
  }

  async function signOut(): Promise<void> {
    await requireAuth().signOut();
  }

  function accessToken(): Promise<string | null> {
    return requireAuth().accessToken();
  }

  return { user, ready, ended, isMember, isOrganization, start, signIn, completeSignIn, signOut, accessToken };
});
