import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { call, registerAccount, type Account } from '@eventonight/testing';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { SCREENSHOT_DIR, screenshots, seriousViolations, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * Issue 25 in the browser, against the whole platform (the seven built services, the real
 * Keycloak login form): a member asks for a copy of their data on the profile page, watches it
 * being gathered from every service, downloads the zip and finds data.json and readable CSVs in
 * it; the account deletion form says what is erased and what is kept.
 */

// Seven services answer over RabbitMQ on 2 shared cores.
const ASSEMBLY_MS = 45_000;

describe('web app in the browser: download my data', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let member: Account;

  before(async () => {
    stack = await startWebStack();
    member = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Dana Export' });
    // A bio a spreadsheet would run as a formula: the CSV must show it as text.
    const patched = await call(stack.system.url('user'), 'PATCH', '/users/me', {
      token: await member.token(),
      body: { bio: '=HYPERLINK("http://evil.example","prize")', city: 'Trieste', preferences: { categories: ['music'] } },
    });
    assert.equal(patched.status, 200);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Rome', locale: 'en-GB', acceptDownloads: true });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`browser error: ${message.text()}`);
    });
    console.log(`screenshots: ${fileURLToPath(SCREENSHOT_DIR)}`);
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** The "Your data" section alone, at phone and desktop widths. */
  async function sectionShots(name: string): Promise<void> {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      await page.getByTestId('your-data').screenshot({ path: fileURLToPath(new URL(`${name}-${width}.png`, SCREENSHOT_DIR)) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('requests an export on the profile page, sees it prepared, and downloads the zip', async () => {
    await page.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(page, stack.baseUrl, member.email, 'Journey-night-2026!');
    await page.goto(`${stack.baseUrl}/account/profile`);
    const section = page.getByTestId('your-data');
    await section.getByRole('heading', { name: 'Your data' }).waitFor();
    await sectionShots('profile-your-data-start');

    await section.getByRole('button', { name: 'Download my data' }).click();
    // Either still gathering (the spinner and progress) or already done: both are right.
    const download = section.getByRole('button', { name: /^Download \(available until / });
    await Promise.race([section.getByText('Preparing your archive…').waitFor({ timeout: 10_000 }), download.waitFor({ timeout: 10_000 })]);
    if (await section.getByText('Preparing your archive…').isVisible()) await sectionShots('profile-your-data-preparing');
    await download.waitFor({ timeout: ASSEMBLY_MS }).catch(async () => {
      const listed = await call(stack.system.url('user'), 'GET', '/users/me/exports', { token: await member.token() });
      assert.fail(`the export did not become ready: ${JSON.stringify(listed.body)}`);
    });
    const expires = new Date(Date.now() + 7 * 86_400_000);
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' }).format(expires);
    assert.equal(await download.innerText(), `Download (available until ${day})`);
    await sectionShots('profile-your-data-ready');
    assert.deepEqual(await seriousViolations(page), []);

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(file.suggestedFilename(), `eventonight-data-${today}.zip`);
    const saved = join(tmpdir(), `${member.id}.zip`);
    await file.saveAs(saved);
    await section.getByText(`Saved as eventonight-data-${today}.zip.`).waitFor();

    const files = unzipSync(new Uint8Array(await readFile(saved)));
    const names = Object.keys(files).sort();
    console.log(`archive: ${names.join(', ')}`);
    assert.ok(names.includes('data.json') && names.includes('README.txt') && names.includes('user-profile.csv'), names.join(', '));
    const data = JSON.parse(strFromU8(files['data.json'] ?? new Uint8Array())) as { accountId: string; sources: Record<string, unknown> };
    assert.equal(data.accountId, member.id);
    assert.deepEqual(Object.keys(data.sources), ['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media']);
    const profileCsv = strFromU8(files['user-profile.csv'] ?? new Uint8Array());
    assert.match(profileCsv, /"'=HYPERLINK\(""http:\/\/evil\.example"",""prize""\)"/, 'the formula-looking bio is escaped');
    assert.match(profileCsv, /Dana Export/);
    assert.match(strFromU8(files['README.txt'] ?? new Uint8Array()), /user-profile\.csv: 1 row/);
  });

  it('the deletion form says what is erased and what is kept, and points to the download', async () => {
    await page.goto(`${stack.baseUrl}/account/profile`);
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const form = page.locator('.delete-form');
    await form.getByRole('heading', { name: 'What is erased' }).waitFor();
    const text = await form.innerText();
    for (const expected of [/reviews: they are removed/i, /Tickets you bought stay valid/, /without your name or email/, /“Deleted member”/]) {
      assert.match(text, expected);
    }
    await form.getByRole('link', { name: 'Download your data' }).click();
    assert.equal(new URL(page.url()).hash, '#your-data');
    await screenshots(page, 'profile-delete-explained');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('button', { name: 'Keep it' }).click();
  });
});
