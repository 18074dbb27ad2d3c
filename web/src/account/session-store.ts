import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
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

  async function start(value: Auth): Promise<void> {
    auth = value;
    auth.onChange((next) => {
      if (next === null && user.value !== null) ended.value = true;
      user.value = next;
    });
    try {
      user.value = await auth.restore();
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
    user.value = outcome.user;
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
