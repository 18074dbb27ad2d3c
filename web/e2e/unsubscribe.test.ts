import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { call, mailpit, registerAccount, waitFor, type Account } from '@eventonight/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { publishEventStartingSoon, registerOrganization, tokenOf, type DemoAccount } from './demo-data.js';
import { seriousViolations, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * ADR 0032 in the browser: a member going to an event gets the "new time" mail; the "Stop these
 * emails" link taken from that mail, as Mailpit received it, opens the web app's page, which
 * changes nothing until its button is pressed; the notification settings then show that mail off,
 * and the member chooses the locale and time zone their mails are written in.
 */

const DOCS = new URL('../../docs/mail/', import.meta.url);
const PASSWORD = 'Journey-night-2026!';

describe('web app in the browser: stop an email from its link, and choose how mails write dates', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let member: Account;
  let organizer: DemoAccount;
  let eventId: string;

  before(async () => {
    stack = await startWebStack();
    organizer = await registerOrganization(stack.system, 'Harbour Lights');
    member = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Mila Mailwise' });
    eventId = await publishEventStartingSoon(stack.system, organizer, 'Lanterns by the River', 3 * 86_400_000);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Tokyo', locale: 'en-GB' });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`browser error: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** The page at phone and desktop widths, into docs/mail/ (linked from ADR 0032). */
  async function docShots(name: string): Promise<void> {
    await mkdir(DOCS, { recursive: true });
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(150);
      await page.screenshot({ path: fileURLToPath(new URL(`${name}-${width}.png`, DOCS)), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('the link from a real mail opens a page that asks first; its button stops that mail; the settings show it off', async () => {
    const going = await call(stack.system.url('interaction'), 'PUT', `/events/${eventId}/participation`, { token: await member.token() });
    assert.ok(going.status === 200 || going.status === 201, `participation → ${going.status}`);
    // The organizer is told of it once the notification service has the member among those going.
    const organizerToken = await tokenOf(organizer.email, organizer.password);
    await waitFor(async () => {
      const list = await call(stack.system.url('notification'), 'GET', '/notifications', { token: organizerToken });
      return (list.body['items'] as Array<{ type: string }>).some((item) => item.type === 'event.participation') ? true : undefined;
    }, { what: 'the participation known to notification', timeoutMs: 30_000 });
    const event = await call(stack.system.url('event'), 'GET', `/events/${eventId}`, { token: organizerToken });
    const startsAt = new Date(Date.parse(String(event.body['startsAt'])) + 86_400_000);
    const moved = await call(stack.system.url('event'), 'PATCH', `/events/${eventId}`, {
      token: organizerToken,
      body: { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString() },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));

    const summary = await waitFor(async () => (await mailpit.to(member.email)).find((message) => /has a new time/.test(message.Subject)), { what: 'the change mail', timeoutMs: 30_000 });
    const headers = await mailpit.headers(summary.ID);
    assert.deepEqual(headers['List-Unsubscribe-Post'], ['List-Unsubscribe=One-Click']);
    assert.match(headers['List-Unsubscribe']?.[0]?.replace(/\s+/g, '') ?? '', new RegExp(`^<${stack.baseUrl}/api/notification/mail-unsubscribe\\?token=`));
    const html = (await mailpit.message(summary.ID)).HTML;
    const link = /<a href="([^"]+)"[^>]*>Stop these emails<\/a>/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(link !== undefined && link.startsWith(`${stack.baseUrl}/unsubscribe?token=`), `stop link: ${link}`);

    // Opening it, as a link scanner would, changes nothing.
    await page.goto(link);
    await page.getByRole('heading', { name: 'Stop these emails?' }).waitFor();
    assert.match(await page.locator('main, body').first().innerText(), /You will no longer get emails when an event you are going to gets a new time or place\./);
    const still = await call(stack.system.url('notification'), 'GET', '/notification-preferences', { token: await member.token() });
    assert.deepEqual((still.body['mail'] as { off: string[] }).off, []);
    await docShots('unsubscribe-page');
    assert.deepEqual(await seriousViolations(page), []);

    await page.getByRole('button', { name: 'Stop these emails' }).click();
    await page.getByRole('heading', { name: 'Done' }).waitFor();
    await docShots('unsubscribe-done');
    const stopped = await call(stack.system.url('notification'), 'GET', '/notification-preferences', { token: await member.token() });
    assert.deepEqual((stopped.body['mail'] as { off: string[] }).off, ['event.changed']);

    await page.getByRole('link', { name: 'Notification settings' }).click();
    await signInOnKeycloak(page, stack.baseUrl, member.email, PASSWORD);
    const emails = page.getByRole('list', { name: 'Emails' });
    await emails.waitFor();
    assert.equal(await emails.getByLabel('New time or place of events I am going to').isChecked(), false, 'the stopped mail shows off');
    assert.equal(await emails.getByLabel('Reminders the day before').isChecked(), true, 'the others stay on');
  });

  it('the member chooses a locale and takes the zone the page proposes; the sample shows it; mails use it', async () => {
    await page.getByLabel('Dates and money in').selectOption('it-IT');
    await page.getByRole('button', { name: 'Use this device’s zone (Asia/Tokyo)' }).click();
    assert.equal(await page.getByLabel('Time zone').inputValue(), 'Asia/Tokyo');
    assert.match(await page.locator('.sample').innerText(), /GMT\+9 · 1\.?234,50\s€/);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#mail').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await docShots('notification-settings-mail');
    assert.deepEqual(await seriousViolations(page), []);
    const saved = await call(stack.system.url('notification'), 'GET', '/notification-preferences', { token: await member.token() });
    const mail = saved.body['mail'] as { locale: string; timeZone: string; off: string[] };
    assert.deepEqual([mail.locale, mail.timeZone, mail.off], ['it-IT', 'Asia/Tokyo', ['event.changed']]);
  });
});
