import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { infra, mailpit, registerAccount, waitFor, type Account } from '@eventonight/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { assertThemed, screenshots, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * Issue 27, part 4 (the first flow): a member who forgot their password gets back in from the
 * sign-in page. Keycloak's reset flow, its mail through the same local SMTP server (Mailpit) as
 * the platform's, the link in that mail, a new password; then the old password is refused and
 * the new one works. Every page on the way is Keycloak's in the app's look (ADR 0033).
 */

const OLD_PASSWORD = 'Journey-night-2026!';
const NEW_PASSWORD = 'Harbour-lights-2027!';

/** Keycloak's answer to a password grant: `ok`, or its OAuth error (`invalid_grant` for a wrong password). */
async function passwordGrant(email: string, password: string): Promise<string> {
  const reply = await fetch(`${infra.keycloakUrl}/realms/${infra.keycloakRealm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: infra.keycloakTestClientId, username: email, password }),
  });
  return reply.ok ? 'ok' : String(((await reply.json()) as { error?: unknown }).error);
}

describe('web app in the browser: a forgotten password', () => {
  let stack: WebStack;
  let browser: Browser;
  let page: Page;
  let member: Account;

  before(async () => {
    stack = await startWebStack();
    member = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Remy Forgetful' });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, timezoneId: 'Europe/Rome', locale: 'en-GB' });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('from the sign-in page: the reset mail arrives, its link sets a new password, the old one is refused', async () => {
    await page.goto(`${stack.baseUrl}/signin`);
    await page.waitForURL((url) => url.pathname.includes('/protocol/openid-connect/auth'));
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.locator('#kc-reset-password-form').waitFor();
    await assertThemed(page, 'the forgotten-password page');
    await page.locator('#username').fill(member.email);
    await page.locator('input[type="submit"], button[type="submit"]').first().click();
    await page.getByText(/you should receive an email/i).waitFor();
    await assertThemed(page, 'the "check your email" page');
    await screenshots(page, 'keycloak-reset-sent');

    const summary = await waitFor(async () => (await mailpit.to(member.email)).find((message) => /password/i.test(message.Subject)), {
      what: 'the reset mail',
      timeoutMs: 30_000,
    });
    const message = await mailpit.message(summary.ID);
    // The platform's name and voice, in the platform's mail frame (the realm's email theme).
    assert.equal(summary.Subject, 'Choose a new EventoNight password');
    assert.match(message.Text, /your EventoNight account/);
    assert.match(message.HTML, /#4f2bd9/, "the HTML part carries the app's violet");
    const rendered = await browser.newPage();
    await rendered.goto(mailpit.viewUrl(summary.ID));
    await screenshots(rendered, 'mail-password-reset');
    await rendered.close();
    const link = /(https?:\/\/\S+\/login-actions\/action-token\?\S+)/.exec(message.Text)?.[1];
    assert.ok(link !== undefined, `a reset link in the mail: ${message.Text}`);

    await page.goto(link.replaceAll('&amp;', '&'));
    await page.locator('#password-new').waitFor();
    await assertThemed(page, 'the new-password page of the reset');
    await page.locator('#password-new').fill(NEW_PASSWORD);
    await page.locator('#password-confirm').fill(NEW_PASSWORD);
    await screenshots(page, 'keycloak-update-password');
    await page.locator('input[type="submit"], button[type="submit"]').first().click();
    // The reset continues the sign-in that asked for it: back in the app, signed in.
    await page.waitForURL((url) => url.origin === new URL(stack.baseUrl).origin && url.pathname !== '/auth/callback', { timeout: 20_000 });
    await page.getByRole('button', { name: /^Account:/ }).waitFor();

    assert.equal(await passwordGrant(member.email, OLD_PASSWORD), 'invalid_grant', 'the old password is refused');
    assert.equal(await passwordGrant(member.email, NEW_PASSWORD), 'ok', 'the new one works');
    // And on the sign-in form itself, in a browser that was never signed in.
    const fresh = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await fresh.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(fresh, stack.baseUrl, member.email, NEW_PASSWORD);
  });
});
