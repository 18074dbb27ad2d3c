import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { call, registerAccount, waitFor, type Account } from '@eventonight/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { registerOrganization, tokenOf, type DemoAccount } from './demo-data.js';
import { seriousViolations, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * Issue 30 (ADR 0040) as a member meets it, through the real Keycloak login: follow another
 * member from their page, For you on the home page with its reasons, the Following page, near me
 * by the browser's position with distances and a sort, "people you follow are going" on the event,
 * the private-profile option. Pictures at 360 and 1280 px go to docs/discovery/.
 */

const PASSWORD = 'Journey-night-2026!';
const BERLIN = { latitude: 52.52, longitude: 13.405 };
const DOCS = new URL('../../docs/discovery/', import.meta.url);
const COPY_MS = 30_000;

async function pictures(page: Page, name: string): Promise<void> {
  await mkdir(DOCS, { recursive: true });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    await page.screenshot({ path: fileURLToPath(new URL(`${name}-${width}.png`, DOCS)), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('web app in the browser: For you, following members, near me', { timeout: 400_000 }, () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let organization: DemoAccount;
  let ada: Account;
  let bob: Account;
  const events: Record<string, string> = {};
  const violations: Array<{ name: string; violations: string[] }> = [];

  async function check(name: string): Promise<void> {
    await pictures(page, name);
    violations.push({ name, violations: await seriousViolations(page) });
  }

  async function publish(token: string, title: string, category: string, km: number, days: number): Promise<string> {
    const startsAt = new Date(Date.now() + days * 86_400_000);
    startsAt.setUTCHours(19, 0, 0, 0);
    // `km` due north of the centre of Berlin (1° of latitude ≈ 111.2 km).
    const location = { lat: BERLIN.latitude + km / 111.195, lng: BERLIN.longitude };
    const created = await call(stack.system.url('event'), 'POST', '/events', {
      token,
      body: {
        title,
        description: `${title}: a night out in Berlin.`,
        category,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        venue: { name: 'Spree Hall', address: `${km} Uferstraße`, city: 'Berlin', location },
        tiers: [],
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const eventId = String(created.body['eventId']);
    assert.equal((await call(stack.system.url('event'), 'POST', `/events/${eventId}/publish`, { token })).status, 200);
    return eventId;
  }

  before(async () => {
    stack = await startWebStack();
    organization = await registerOrganization(stack.system, `Spree Sounds ${Date.now().toString(36)}`);
    const orgToken = await tokenOf(organization.email);
    events['jazz'] = await publish(orgToken, 'Jazz on the Spree', 'music', 1.2, 3);
    events['quiz'] = await publish(orgToken, 'Pub quiz night', 'community', 4.5, 1);
    events['far'] = await publish(orgToken, 'Lakeside open air', 'music', 60, 2);
    ada = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Ada Lovelace' });
    bob = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Bob Builder' });
    const adaToken = await ada.token();
    const bobToken = await bob.token();
    // Interaction learns the organization, and the events, from the bus first.
    await waitFor(async () => ((await call(stack.system.url('interaction'), 'PUT', `/users/${organization.id}/follow`, { token: adaToken })).status === 201 ? true : undefined), {
      timeoutMs: COPY_MS,
      intervalMs: 500,
      what: 'Ada to follow the organization',
    });
    await waitFor(async () => ((await call(stack.system.url('interaction'), 'PUT', `/events/${events['quiz']}/participation`, { token: bobToken })).status === 201 ? true : undefined), {
      timeoutMs: COPY_MS,
      intervalMs: 500,
      what: 'Bob to go to the quiz',
    });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(BERLIN);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`browser error: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("Ada signs in and follows Bob from his page; his followers list shows her, and where he goes", async () => {
    await page.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(page, stack.baseUrl, ada.email, PASSWORD);
    await page.goto(`${stack.baseUrl}/members/${bob.id}`);
    const follow = page.getByTestId('follow-member');
    await follow.waitFor();
    assert.equal((await follow.innerText()).trim(), 'Follow Bob Builder');
    await follow.click();
    await page.getByRole('button', { name: 'Following Bob Builder' }).waitFor();
    await page.getByTestId('followers').getByText('Ada Lovelace').waitFor();
    await page.getByTestId('going').getByText('Pub quiz night').waitFor();
    await check('member-page');
  });

  it('For you on the home page ranks what she follows, each with why', async () => {
    const quizReason = await waitFor(
      async () => {
        await page.goto(`${stack.baseUrl}/`);
        await page.getByTestId('discovered').waitFor({ timeout: 10_000 });
        const reasons = await page.getByTestId('reason').allInnerTexts();
        return reasons.some((reason) => reason.includes('Bob Builder, whom you follow, is going')) ? reasons : undefined;
      },
      { timeoutMs: COPY_MS, intervalMs: 1_000, what: 'For you to tell that Bob is going' },
    );
    assert.ok(quizReason.some((reason) => reason.startsWith('Because you follow Spree Sounds')), quizReason.join(' | '));
    await check('home-for-you');
  });

  it('the Following page lists new events of followed organizations and people', async () => {
    await page.goto(`${stack.baseUrl}/following`);
    await page.getByRole('heading', { level: 1, name: 'Following' }).waitFor();
    await page.getByTestId('discovered').getByText('Pub quiz night').waitFor();
    await page.getByTestId('discovered').getByText('Jazz on the Spree').waitFor();
    await check('following');
  });

  it("near me: the browser's position, 10 km, distances shown, sorted by distance then by date", async () => {
    await page.goto(`${stack.baseUrl}/search`);
    await page.getByLabel('Within').selectOption('10');
    await page.getByTestId('near-me').click();
    await page.getByText(/2 events within 10 km of you/).waitFor({ timeout: 15_000 });
    const titles = async () => page.locator('[data-testid="discovered"] h3').allInnerTexts();
    assert.deepEqual(await titles(), ['Jazz on the Spree', 'Pub quiz night'], 'by distance; the open air 60 km away is outside');
    assert.deepEqual(await page.getByTestId('distance').allInnerTexts(), ['1.2 km away', '4.5 km away']);
    await page.getByLabel('Sort by').selectOption('date');
    await page.getByTestId('near-me').click();
    await waitFor(async () => ((await titles())[0] === 'Pub quiz night' ? true : undefined), { timeoutMs: 10_000, what: 'sorted by date' });
    await check('search-near-me');

    await page.getByLabel('Around a city').fill('Nowhere-on-earth');
    await page.getByRole('button', { name: 'Search around the city' }).click();
    await page.getByRole('alert').getByText(/did not work/).waitFor();
  });

  it('the event page says who she follows is going', async () => {
    await page.goto(`${stack.baseUrl}/events/${events['quiz']}`);
    await page.getByTestId('followed-going').getByText('Bob Builder, whom you follow, is going').waitFor({ timeout: 15_000 });
    await check('event-followed-going');
  });

  it('Ada makes her profile private: Bob then cannot see where she goes', async () => {
    const adaToken = await ada.token();
    await waitFor(async () => ((await call(stack.system.url('interaction'), 'PUT', `/events/${events['jazz']}/participation`, { token: adaToken })).status === 201 ? true : undefined), {
      timeoutMs: COPY_MS,
      intervalMs: 500,
    });
    const bobToken = await bob.token();
    assert.equal((await call(stack.system.url('interaction'), 'GET', `/users/${ada.id}/participations`, { token: bobToken })).status, 200);
    await page.goto(`${stack.baseUrl}/account/profile`);
    await page.getByTestId('private-profile').check();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    await check('profile-private');
    await waitFor(async () => ((await call(stack.system.url('interaction'), 'GET', `/users/${ada.id}/participations`, { token: bobToken })).status === 404 ? true : undefined), {
      timeoutMs: COPY_MS,
      intervalMs: 300,
      what: "Ada's going list to be hidden from Bob",
    });
  });

  it('no page shown here has a serious or critical accessibility violation', () => {
    assert.ok(violations.length >= 5, violations.map((v) => v.name).join(', '));
    assert.deepEqual(violations.filter((v) => v.violations.length > 0), []);
  });
});
