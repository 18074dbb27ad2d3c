import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { infra, keycloakIssuer, registerAccount, userAdminToken, waitFor, type Account } from '@eventonight/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { assertThemed, screenshots, seriousViolations, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * Issue 27, part 4 (ADR 0033): the password, which Keycloak owns, in the app's look. A member
 * changes it from the profile page (Keycloak's UPDATE_PASSWORD application-initiated action) and
 * comes back told so; a cancel is told too; Keycloak's own pages carry the EventoNight theme; six
 * wrong passwords lock the account for a while (the realm's brute-force detection).
 */

const OLD_PASSWORD = 'Journey-night-2026!';
const NEW_PASSWORD = 'Velvet-curtain-2027!';

/** Keycloak's answer to a password grant: `ok`, or its OAuth error (`invalid_grant` for a wrong password). */
async function passwordGrant(email: string, password: string): Promise<string> {
  const reply = await fetch(`${keycloakIssuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: infra.keycloakTestClientId, username: email, password }),
  });
  return reply.ok ? 'ok' : String(((await reply.json()) as { error?: unknown }).error);
}

/** What Keycloak's brute-force detector holds on a user. */
async function lockState(userId: string): Promise<{ disabled: boolean; numFailures: number }> {
  const reply = await fetch(`${infra.keycloakUrl}/admin/realms/${infra.keycloakRealm}/attack-detection/brute-force/users/${userId}`, {
    headers: { authorization: `Bearer ${await userAdminToken()}` },
  });
  assert.equal(reply.status, 200, await reply.clone().text());
  return (await reply.json()) as { disabled: boolean; numFailures: number };
}

describe('web app in the browser: the password, on Keycloak pages in the app’s look', () => {
  let stack: WebStack;
  let browser: Browser;
  let page: Page;
  let member: Account;

  before(async () => {
    stack = await startWebStack();
    member = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Pat Passwordchanger' });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Rome', locale: 'en-GB' });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('changes the password from the profile page: back on the profile, told so; the new one works, the old is refused', async () => {
    await page.goto(`${stack.baseUrl}/signin`);
    await page.waitForURL((url) => url.pathname.includes('/protocol/openid-connect/auth'));
    await assertThemed(page, 'the sign-in page');
    await page.getByRole('link', { name: 'Forgot your password?' }).waitFor();
    await screenshots(page, 'keycloak-login');
    assert.deepEqual(await seriousViolations(page), [], 'the sign-in page: no serious accessibility problem');
    await signInOnKeycloak(page, stack.baseUrl, member.email, OLD_PASSWORD);

    await page.goto(`${stack.baseUrl}/account/profile`);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('#password-new').waitFor();
    await assertThemed(page, 'the new-password page');
    assert.equal((await page.locator('#kc-page-title').innerText()).trim(), 'Choose a new password');

    // A mistake is told in the app's words, on the same themed page.
    await page.locator('#password-new').fill(NEW_PASSWORD);
    await page.locator('#password-confirm').fill(`${NEW_PASSWORD}x`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('The two passwords are not the same.').waitFor();
    await screenshots(page, 'keycloak-change-password-mismatch');
    assert.deepEqual(await seriousViolations(page), [], 'the new-password page: no serious accessibility problem');

    await page.locator('#password-new').fill(NEW_PASSWORD);
    await page.locator('#password-confirm').fill(NEW_PASSWORD);
    await screenshots(page, 'keycloak-change-password');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL((url) => url.origin === new URL(stack.baseUrl).origin && url.pathname === '/account/profile', { timeout: 20_000 });
    const outcome = page.getByTestId('password-outcome');
    await outcome.waitFor();
    assert.equal((await outcome.innerText()).trim(), 'Your password has been changed.');
    await page.getByRole('button', { name: /^Account:/ }).waitFor();
    await screenshots(page, 'profile-password-changed');

    assert.equal(await passwordGrant(member.email, OLD_PASSWORD), 'invalid_grant', 'the old password is refused');
    assert.equal(await passwordGrant(member.email, NEW_PASSWORD), 'ok', 'the new one works');
    // The message is told once: a reload of the profile does not say it again.
    await page.reload();
    await page.getByRole('button', { name: 'Change password' }).waitFor();
    assert.equal(await page.getByTestId('password-outcome').count(), 0);
  });

  it('a cancel on Keycloak’s page comes back to the profile saying nothing changed', async () => {
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('#password-new').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL((url) => url.origin === new URL(stack.baseUrl).origin && url.pathname === '/account/profile', { timeout: 20_000 });
    const outcome = page.getByTestId('password-outcome');
    await outcome.waitFor();
    assert.equal((await outcome.innerText()).trim(), 'You cancelled: your password has not been changed.');
    assert.equal(await passwordGrant(member.email, NEW_PASSWORD), 'ok', 'the password is still the new one');
  });

  it('Keycloak’s other pages carry the theme too: forgotten password, an error, an expired page', async () => {
    const fresh = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await fresh.goto(`${stack.baseUrl}/signin`);
    await fresh.waitForURL((url) => url.pathname.includes('/protocol/openid-connect/auth'));
    const loginAction = (await fresh.locator('#kc-form-login').getAttribute('action')) ?? '';
    await fresh.getByRole('link', { name: 'Forgot your password?' }).click();
    await fresh.locator('#kc-reset-password-form').waitFor();
    await assertThemed(fresh, 'the forgotten-password page');
    await fresh.getByText('We will send you a link to choose a new password.').waitFor();
    await screenshots(fresh, 'keycloak-forgot-password');
    assert.deepEqual(await seriousViolations(fresh), [], 'the forgotten-password page: no serious accessibility problem');

    // The sign-in form's step asked for again once the flow has moved on: Keycloak's "page expired".
    const stale = new URL(loginAction);
    stale.searchParams.delete('session_code');
    stale.searchParams.set('execution', '00000000-0000-0000-0000-000000000000');
    await fresh.goto(stale.href);
    await assertThemed(fresh, 'the expired page');
    assert.equal((await fresh.locator('#kc-page-title').innerText()).trim(), 'This page has expired');
    await fresh.getByRole('link', { name: 'Sign in again' }).waitFor();
    await screenshots(fresh, 'keycloak-page-expired');

    // A request Keycloak refuses (a redirect the client does not allow) ends on its themed error page.
    await fresh.goto(`${keycloakIssuer}/protocol/openid-connect/auth?client_id=eventonight-web&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('https://elsewhere.invalid/')}`);
    await assertThemed(fresh, 'the error page');
    assert.equal((await fresh.locator('#kc-page-title').innerText()).trim(), 'Something went wrong');
    await fresh.getByRole('link', { name: 'Back to EventoNight' }).waitFor();
    await screenshots(fresh, 'keycloak-error');
    await fresh.context().close();
  });

  it('six wrong passwords lock the account for a while: the right one is refused until the wait passes', async () => {
    const target = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Gus Guessedat' });
    assert.equal(await passwordGrant(target.email, OLD_PASSWORD), 'ok', 'the right password works before');
    // More than a second apart (the realm's quickLoginCheckMilliSeconds): slow, human-paced failures,
    // counted against failureFactor (5). Faster ones lock at once (minimumQuickLoginWaitSeconds).
    for (let attempt = 1; attempt <= 6; attempt++) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 1_100));
      assert.equal(await passwordGrant(target.email, `Wrong-guess-${attempt}!`), 'invalid_grant', `wrong password ${attempt}`);
      if (attempt === 4) assert.equal((await lockState(target.id)).disabled, false, 'four typos are not a lockout');
    }
    const state = await waitFor(async () => {
      const current = await lockState(target.id);
      return current.disabled ? current : undefined;
    }, { what: 'Keycloak to lock the account', timeoutMs: 10_000 });
    assert.ok(state.numFailures >= 5, `failures counted: ${state.numFailures}`);
    // Locked: the right password gets the same answer as a wrong one (nothing tells a guesser).
    assert.equal(await passwordGrant(target.email, OLD_PASSWORD), 'invalid_grant', 'the right password is refused while locked');
    // The operator (or the wait) lifts it; then the right password works again.
    const unlock = await fetch(`${infra.keycloakUrl}/admin/realms/${infra.keycloakRealm}/attack-detection/brute-force/users/${target.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await userAdminToken()}` },
    });
    assert.equal(unlock.status, 204);
    assert.equal(await passwordGrant(target.email, OLD_PASSWORD), 'ok', 'the right password works once the lock is lifted');
  });
});
