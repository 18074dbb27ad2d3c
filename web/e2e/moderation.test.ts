import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { call, grantModeratorRole, registerAccount, waitFor, type Account } from '@eventonight/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { publishEvents, registerOrganization, type DemoAccount, type DemoEvent } from './demo-data.js';
import { seriousViolations, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * Issue 30 (safety) through the real Keycloak login form and the seven built services: a member
 * reports a scam event, a moderator (realm role granted as an operator would) hides it from the
 * moderation page, and the event is gone for the member at once, from its page and the catalogue.
 */
const PASSWORD = 'Journey-night-2026!';
const PICTURES = new URL('../../docs/moderation/', import.meta.url);

async function pictures(page: Page, name: string): Promise<void> {
  await mkdir(PICTURES, { recursive: true });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    await page.screenshot({ path: fileURLToPath(new URL(`${name}-${width}.png`, PICTURES)), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('web app in the browser: report, moderate, gone', { timeout: 300_000 }, () => {
  let stack: WebStack;
  let browser: Browser;
  let organization: DemoAccount;
  let event: DemoEvent;
  let reporter: Account;
  let moderator: Account;
  const violations: Array<{ name: string; violations: string[] }> = [];

  async function check(page: Page, name: string): Promise<void> {
    await pictures(page, name);
    violations.push({ name, violations: await seriousViolations(page) });
  }

  before(async () => {
    stack = await startWebStack();
    organization = await registerOrganization(stack.system, `Too Good Tours ${Date.now().toString(36)}`);
    [event] = (await publishEvents(stack.system, organization, 1, () => 'Free flights to the moon, pay by wire')) as [DemoEvent];
    reporter = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Rita Reporter' });
    moderator = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Mo Moderator' });
    await grantModeratorRole(moderator.id);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a member reports the event; a member cannot open the moderation queue', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Rome' });
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(page, stack.baseUrl, reporter.email, PASSWORD);
    await page.goto(`${stack.baseUrl}/events/${event.eventId}`);
    await page.getByRole('heading', { level: 1, name: 'Free flights to the moon, pay by wire' }).waitFor();
    await page.getByRole('button', { name: 'Report this event' }).click();
    await page.getByLabel('What is wrong with this event?').selectOption('scam');
    await page.getByLabel('Tell us more (optional)').fill('Asks for payment by wire transfer to a private account.');
    await check(page, 'report-form');
    await page.getByTestId('report-send').click();
    await page.getByTestId('report-done').waitFor();
    assert.match(await page.getByTestId('report-done').innerText(), /A moderator will look at this event/);

    // The moderator's member page: block and report, as the reporter sees it.
    await page.goto(`${stack.baseUrl}/members/${moderator.id}`);
    await page.getByTestId('block').waitFor();
    await page.getByTestId('block').click();
    await check(page, 'member-block-confirm');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.goto(`${stack.baseUrl}/moderation`);
    await page.getByTestId('not-moderator').waitFor();
    assert.equal(await page.getByTestId('moderation-link').count(), 0, 'no moderation link for a member');
    const refused = await call(stack.system.url('user'), 'GET', '/moderation/reports', { token: await reporter.token() });
    assert.equal(refused.status, 403);
    await context.close();
  });

  it('the moderator hides it with a reason; the member finds it gone from its page and the catalogue at once', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Rome' });
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(page, stack.baseUrl, moderator.email, PASSWORD);
    await page.getByTestId('moderation-link').click();
    const row = page.getByTestId('report-row').filter({ hasText: event.eventId });
    await row.waitFor();
    await check(page, 'moderation-queue');
    await row.getByTestId('hide').click();
    await row.getByText('Write why you do this first').waitFor();
    await row.getByTestId('moderation-reason').fill('Scam: asks for payment by wire transfer.');
    await row.getByTestId('hide').click();
    await page.getByTestId('moderation-done').waitFor();
    await page.getByTestId('audit-log').getByText('Scam: asks for payment by wire transfer.').waitFor();
    await check(page, 'moderation-after-hide');
    await context.close();

    // The catalogue (cached, ADR 0016) and the page stop showing it as soon as the event service applied the fact.
    const token = await reporter.token();
    await waitFor(
      async () => ((await call(stack.system.url('event'), 'GET', `/events/${event.eventId}`, { token })).status === 404 ? true : undefined),
      { timeoutMs: 20_000, intervalMs: 200, what: 'the hidden event to be gone' },
    );
    const list = await call(stack.system.url('event'), 'GET', '/events?limit=100');
    assert.ok(!(list.body['items'] as Array<{ eventId: string }>).some((item) => item.eventId === event.eventId), 'not in the public list');

    const member = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Rome' });
    const memberPage = await member.newPage();
    await memberPage.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(memberPage, stack.baseUrl, reporter.email, PASSWORD);
    await memberPage.goto(`${stack.baseUrl}/events/${event.eventId}`);
    await memberPage.getByRole('heading', { level: 1, name: 'Event not found' }).waitFor();
    await memberPage.goto(`${stack.baseUrl}/reports`);
    await memberPage.getByText('a moderator removed the event you reported').waitFor();
    // Told by a notification too (moderation.report.resolved through the notification service).
    await waitFor(
      async () => {
        const feed = await call(stack.system.url('notification'), 'GET', '/notifications', { token: await reporter.token() });
        return (feed.body['items'] as Array<{ type: string }> | undefined)?.some((n) => n.type === 'report.resolved') === true ? true : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 300, what: 'the reporter to be notified' },
    );
    await check(memberPage, 'my-reports');
    await member.close();
  });

  it('every page is axe clean (serious and critical)', () => {
    assert.deepEqual(violations.filter((v) => v.violations.length > 0), []);
  });
});
