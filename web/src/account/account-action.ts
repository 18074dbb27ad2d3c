/**
 * Account actions the app asks Keycloak to run (application-initiated actions: `kc_action` on the
 * authorization request), and how each ended. Keycloak adds `kc_action_status` to its redirect
 * back: `success`, `cancelled` or `error`.
 */

/** The actions the app starts itself: a new password, from the profile page. */
export type AccountAction = 'UPDATE_PASSWORD';

export type ActionOutcome = 'success' | 'cancelled' | 'error';

export interface ActionResult {
  name: AccountAction;
  outcome: ActionOutcome;
}

/**
 * The outcome of the action a sign-in was started for (its OIDC state names it), or null for a
 * plain sign-in. No status at all means Keycloak could not run the action: a failure.
 */
export function actionOf(state: { action?: unknown } | undefined, status: string | null): ActionResult | null {
  if (state?.action !== 'UPDATE_PASSWORD') return null;
  const outcome: ActionOutcome = status === 'success' || status === 'cancelled' ? status : 'error';
  return { name: state.action, outcome };
}

/** What the person is told back in the app. */
export function actionSentence(result: ActionResult): string {
  switch (result.outcome) {
    case 'success':
      return 'Your password has been changed.';
    case 'cancelled':
      return 'You cancelled: your password has not been changed.';
    case 'error':
      return 'Your password could not be changed. Please try again.';
  }
}
