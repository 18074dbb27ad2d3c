import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { call, deleteAccount, mailpit, registerAccount, waitFor } from '@eventonight/testing';
import { launchBrowser } from './browser.js';
import { DEMO_PASSWORD, publishEventStartingSoon, publishEvents, registerOrganization, tokenOf, uniqueEmail, type DemoAccount, type DemoEvent } from './demo-data.js';
import { SCREENSHOT_DIR, decodeQr, screenshots, seriousViolations, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * The web app in Debian's Chromium against the real platform (built services, real Keycloak
 * login form, RabbitMQ, Socket.IO, stripe-mock + the local checkout stand-in). The steps build
 * on each other, as one visitor-turned-member's evening would.
 */

// The bound for a push to reach an open page (notification fan-out over RabbitMQ + Socket.IO).
const LIVE_UPDATE_MS = 2_000;

describe('web app in the browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let organizer: DemoAccount;
  let events: DemoEvent[];
  let memberContext: BrowserContext;
  let member: Page;
  let organizerContext: BrowserContext;
  let organizerPage: Page;
  const memberEmail = uniqueEmail('member');
  const word = `Lantern${Date.now().toString(36)}`;
  const checked: Array<{ name: string; violations: string[] }> = [];

  async function check(page: Page, name: string): Promise<void> {
    await screenshots(page, name);
    checked.push({ name, violations: await seriousViolations(page) });
  }

  async function bellCount(page: Page): Promise<number> {
    const badge = page.getByTestId('bell-count');
    return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
  }

  async function waitForBellAbove(page: Page, count: number, what: string): Promise<void> {
    await page
      .waitForFunction((above) => Number(document.querySelector('[data-testid="bell-count"]')?.textContent ?? '0') > above, count, { timeout: LIVE_UPDATE_MS })
      .catch(() => assert.fail(`the organization's bell did not rise within ${LIVE_UPDATE_MS} ms after ${what}`));
  }

  before(async () => {
    stack = await startWebStack();
    organizer = await registerOrganization(stack.system, `Harbour Nights ${word}`);
    events = await publishEvents(stack.system, organizer, 2, (i) => (i === 0 ? `${word} Jazz Night` : `Rooftop Sessions ${i}`), 2);
    browser = await launchBrowser();
    memberContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Lisbon', locale: 'en-GB' });
    member = await memberContext.newPage();
    // What the app logs is part of a failure's story.
    member.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') console.log(`browser ${message.type()}: ${message.text()}`);
    });
    organizerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    organizerPage = await organizerContext.newPage();
    console.log(`screenshots: ${fileURLToPath(SCREENSHOT_DIR)}`);
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a visitor finds a seeded event by search and opens it', async () => {
    const apiCalls: string[] = [];
    member.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/')) apiCalls.push(path);
    });
    await member.goto(stack.baseUrl);
    await member.getByRole('heading', { name: 'Upcoming events' }).waitFor();
    await member.locator('article.event-card').first().waitFor();
    await member.waitForLoadState('networkidle');
    // A page of cards is one call for the events and at most one for all covers, never one per card.
    assert.ok((await member.locator('article.event-card').count()) >= 2);
    assert.deepEqual(apiCalls.filter((path) => !path.startsWith('/api/media/media')), ['/api/event/events']);
    assert.deepEqual(apiCalls.filter((path) => path.startsWith('/api/media/')), ['/api/media/media']);
    // The covers (uploaded to the object store) are really shown.
    const cover = member.locator('article.event-card .cover img').first();
    await cover.waitFor();
    assert.ok(await cover.evaluate((img) => (img as HTMLImageElement).naturalWidth === 640));
    member.removeAllListeners('request');
    await check(member, 'home');
    await member.goto(`${stack.baseUrl}/search`);
    await member.getByLabel('What').fill(word);
    await member.getByRole('button', { name: 'Search' }).last().click();
    await member.getByRole('link', { name: `${word} Jazz Night` }).click();
    await member.getByRole('heading', { level: 1, name: `${word} Jazz Night` }).waitFor();
    assert.match(await member.locator('.tier').first().innerText(), /100 left/);
    await check(member, 'event');
    await member.getByRole('link', { name: organizer.name }).click();
    await member.getByRole('heading', { level: 1, name: organizer.name }).waitFor();
    await check(member, 'organization');
    await member.goto(`${stack.baseUrl}/search?q=${word}`);
    await member.locator('article.event-card').first().waitFor();
    await check(member, 'search');
  });

  it('keyboard only: Tab reaches an event card and Enter opens it', async () => {
    await member.goto(stack.baseUrl);
    await member.locator('article.event-card').first().waitFor();
    let reached = false;
    for (let presses = 0; presses < 40 && !reached; presses += 1) {
      await member.keyboard.press('Tab');
      reached = await member.evaluate(() => document.activeElement?.closest('article.event-card') !== null && document.activeElement?.closest('article.event-card') !== undefined);
    }
    assert.ok(reached, 'an event card is reachable with Tab');
    await member.keyboard.press('Enter');
    await member.waitForURL((url) => url.pathname.startsWith('/events/'));
    await member.getByRole('heading', { level: 1 }).waitFor();
  });

  it('a member signs up, then signs in on the Keycloak login page', async () => {
    await member.goto(`${stack.baseUrl}/signup`);
    await check(member, 'signup');
    await member.getByLabel('Your name').fill('Rita Night');
    await member.getByLabel('Email').fill(memberEmail);
    await member.getByLabel('Password').fill(DEMO_PASSWORD);
    await member.getByRole('button', { name: 'Create account' }).click();
    await signInOnKeycloak(member, stack.baseUrl, memberEmail, DEMO_PASSWORD);
    assert.equal(await member.getByRole('button', { name: 'Account: Rita Night' }).count(), 1);
  });

  it('the organization, signed in elsewhere, sees its bell rise live as the member follows, likes and goes', async () => {
    await organizerPage.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(organizerPage, stack.baseUrl, organizer.email, organizer.password);
    await organizerPage.getByTestId('bell').waitFor();
    await organizerPage.waitForTimeout(500); // the socket connects and reads the unread count

    const event = events[0];
    assert.ok(event);
    await member.goto(`${stack.baseUrl}/organizations/${organizer.id}`);
    let before = await bellCount(organizerPage);
    await member.getByRole('button', { name: 'Follow' }).click();
    await member.getByRole('button', { name: 'Following' }).waitFor();
    await waitForBellAbove(organizerPage, before, 'the follow');
    assert.equal(await member.getByTestId('followers').innerText(), '1');

    await member.goto(`${stack.baseUrl}/events/${event.eventId}`);
    await member.getByRole('heading', { level: 1 }).waitFor();
    before = await bellCount(organizerPage);
    await member.getByRole('button', { name: 'Like' }).click();
    await member.getByRole('button', { name: 'Liked' }).waitFor();
    await waitForBellAbove(organizerPage, before, 'the like');
    before = await bellCount(organizerPage);
    await member.getByRole('button', { name: 'Going?' }).click();
    await member.getByRole('button', { name: "I'm going" }).waitFor();
    await waitForBellAbove(organizerPage, before, 'the participation');
    assert.equal(await member.getByTestId('likes').innerText(), '1');
    assert.equal(await member.getByTestId('participants').innerText(), '1');

    await organizerPage.getByTestId('bell').click();
    await organizerPage.getByText('You have a new follower.').waitFor();
    await check(organizerPage, 'notifications');
  });

  it("the member's open event page follows other people's likes live, without a reload", async () => {
    const event = events[0];
    assert.ok(event);
    assert.ok(member.url().endsWith(`/events/${event.eventId}`), member.url());
    assert.equal(await member.getByTestId('likes').innerText(), '1');
    const otherFan = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Second fan' });
    try {
      const liked = await call(stack.system.url('interaction'), 'PUT', `/events/${event.eventId}/like`, { token: await otherFan.token() });
      assert.equal(liked.status, 201);
      await member
        .waitForFunction(() => document.querySelector('[data-testid="likes"]')?.textContent?.trim() === '2', undefined, { timeout: LIVE_UPDATE_MS })
        .catch(() => assert.fail(`the like count did not reach 2 within ${LIVE_UPDATE_MS} ms`));
      const unliked = await call(stack.system.url('interaction'), 'DELETE', `/events/${event.eventId}/like`, { token: await otherFan.token() });
      assert.equal(unliked.status, 204);
      await member
        .waitForFunction(() => document.querySelector('[data-testid="likes"]')?.textContent?.trim() === '1', undefined, { timeout: LIVE_UPDATE_MS })
        .catch(() => assert.fail(`the like count did not go back to 1 within ${LIVE_UPDATE_MS} ms`));
    } finally {
      await deleteAccount(stack.system.url('user'), otherFan);
    }
  });

  it('buying waits for a confirmed address: the event page says so, the mailed link confirms it, and the page then sells', async () => {
    const event = events[0];
    assert.ok(event);
    await member.goto(`${stack.baseUrl}/events/${event.eventId}`);
    await member.getByTestId('confirm-to-buy').waitFor();
    assert.match(await member.getByTestId('confirm-to-buy').innerText(), new RegExp(`open the link we sent to ${memberEmail}`));
    assert.equal(await member.getByRole('button', { name: /^Buy/ }).count(), 0, 'no buy button before the address is confirmed');
    await check(member, 'confirm-to-buy');

    // The mail the platform sent at sign-up (user → outbox → RabbitMQ → notification → SMTP → Mailpit).
    const [mail] = await waitFor(async () => ((await mailpit.to(memberEmail)).length > 0 ? mailpit.to(memberEmail) : undefined), { what: 'the confirmation mail', timeoutMs: 20_000 });
    assert.ok(mail !== undefined);
    const message = await mailpit.message(mail.ID);
    assert.equal(message.Subject, 'Confirm your email address');
    const link = /(http\S+\/account\/confirm-email\?token=[A-Za-z0-9_-]{43})/.exec(message.Text)?.[1];
    assert.ok(link !== undefined, 'the mail carries the link');
    assert.ok(link.startsWith(stack.baseUrl), `the link opens this web app: ${link}`);

    await member.goto(link);
    await member.getByTestId('email-confirmed').waitFor();
    await check(member, 'email-confirmed');
    await member.goto(link);
    await member.getByRole('heading', { name: 'This link does not work' }).waitFor();

    await member.goto(`${stack.baseUrl}/events/${event.eventId}`);
    await member.getByRole('button', { name: /^Buy/ }).waitFor();
    assert.equal(await member.getByTestId('confirm-to-buy').count(), 0);

    // Moving to another address starts with a link to it; until it is opened, nothing changes.
    await member.goto(`${stack.baseUrl}/account/profile`);
    const panel = member.getByTestId('email-panel');
    await panel.getByText('Confirmed', { exact: true }).waitFor();
    const newAddress = uniqueEmail('moving');
    await panel.getByLabel('New email address').fill(newAddress);
    await panel.getByRole('button', { name: 'Change address' }).click();
    await panel.getByText(`We sent a link to ${newAddress}. Your address changes when you open it.`).waitFor();
    await panel.getByText(`Until then you sign in with ${memberEmail}.`, { exact: false }).waitFor();
    await check(member, 'email-change-pending');
    await waitFor(async () => ((await mailpit.to(newAddress)).length > 0 ? true : undefined), { what: 'the link to the new address', timeoutMs: 20_000 });
  });

  it('the member buys 2 paid tickets through the local checkout page, cancels another, and gets 1 free ticket', async () => {
    const event = events[0];
    assert.ok(event);
    await member.goto(`${stack.baseUrl}/events/${event.eventId}`);
    await member.getByRole('radio', { name: /Standard/ }).check();
    await member.getByLabel('Quantity').selectOption('2');
    await member.getByRole('button', { name: /^Buy/ }).dblclick(); // a double click makes one order
    await member.waitForURL((url) => url.pathname.startsWith('/local-checkout'));
    await member.getByText('Local test checkout — no real payment').waitFor();
    await check(member, 'local-checkout');
    await member.getByRole('button', { name: 'Pay' }).click();
    await member.waitForURL((url) => url.pathname.startsWith('/orders/'));
    await member.locator('[data-testid="order-status"][data-status="paid"]').waitFor({ timeout: 15_000 });
    await member.getByTestId('ticket-qr').nth(1).waitFor();
    assert.equal(await member.getByTestId('ticket').count(), 2);
    await check(member, 'order');

    // Cancelling on the checkout page: the order ends expired and its seat goes back on sale.
    await member.goto(`${stack.baseUrl}/events/${event.eventId}`);
    await member.getByRole('radio', { name: /Standard/ }).check();
    await member.getByRole('button', { name: /^Buy/ }).click();
    await member.waitForURL((url) => url.pathname.startsWith('/local-checkout'));
    await member.getByRole('button', { name: 'Cancel' }).click();
    await member.locator('[data-testid="order-status"][data-status="expired"]').waitFor({ timeout: 15_000 });
    await member.goto(`${stack.baseUrl}/events/${event.eventId}`);
    assert.match(await member.locator('.tier').first().innerText(), /98 left/);

    await member.getByRole('radio', { name: /Community/ }).check();
    await member.getByRole('button', { name: 'Get free tickets' }).click();
    await member.waitForURL((url) => url.pathname.startsWith('/orders/'));
    await member.locator('[data-testid="order-status"][data-status="paid"]').waitFor();
    await member.getByTestId('ticket-qr').first().waitFor();
    assert.equal(await member.getByTestId('ticket').count(), 1);

    const token = await tokenOf(memberEmail);
    const orders = await (await fetch(`${stack.system.url('ticketing')}/orders`, { headers: { authorization: `Bearer ${token}` } })).json() as { items: Array<{ status: string; quantity: number }> };
    assert.deepEqual(orders.items.map((order) => [order.status, order.quantity]).sort(), [['expired', 1], ['paid', 1], ['paid', 2]]);
  });

  it('My tickets shows 3 tickets whose QR codes decode to their door codes', async () => {
    await member.goto(`${stack.baseUrl}/tickets`);
    await member.getByTestId('ticket-qr').nth(2).waitFor();
    assert.equal(await member.getByTestId('ticket').count(), 3);
    const token = await tokenOf(memberEmail);
    const api = await (await fetch(`${stack.system.url('ticketing')}/tickets`, { headers: { authorization: `Bearer ${token}` } })).json() as { items: Array<{ code: string }> };
    const decoded: string[] = [];
    for (const qr of await member.getByTestId('ticket-qr').all()) {
      const value = await decodeQr(qr);
      assert.ok(value !== null, 'every QR code is readable');
      decoded.push(value);
    }
    assert.deepEqual(decoded.sort(), api.items.map((ticket) => ticket.code).sort());
    await check(member, 'my-tickets');
  });

  it('once an event has started, a member who goes to it reviews it; before going, the refusal is a sentence', async () => {
    const startsIn = 6_000;
    const eventId = await publishEventStartingSoon(stack.system, organizer, `${word} Sunset Set`, startsIn);
    await new Promise((resolve) => setTimeout(resolve, startsIn + 1_000));
    await member.goto(`${stack.baseUrl}/events/${eventId}`);
    await member.getByLabel('Your review').fill('Wonderful sound, friendly crowd.');
    await member.getByRole('button', { name: 'Post review' }).click();
    await member.getByText('Only people who are going to this event can review it.').waitFor();
    await member.getByRole('button', { name: 'Going?' }).click();
    await member.getByRole('button', { name: "I'm going" }).waitFor();
    await member.getByRole('button', { name: 'Post review' }).click();
    await member.getByText('Thanks! Your review is saved.').waitFor();
    await member.locator('.review .text', { hasText: 'Wonderful sound, friendly crowd.' }).waitFor();
    await check(member, 'event-review');
  });

  it('a refresh after the access token expired keeps the member signed in', async () => {
    await member.goto(`${stack.baseUrl}/tickets`);
    await member.getByTestId('ticket').nth(2).waitFor();
    // Waiting out the realm's 5-minute token would stall the suite: the stored token is marked
    // expired instead; what follows (renewal with the refresh token at Keycloak) is real.
    const before = await member.evaluate(() => {
      const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
      if (key === undefined) return null;
      const user = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token: string; expires_at: number };
      sessionStorage.setItem(key, JSON.stringify({ ...user, expires_at: Math.floor(Date.now() / 1000) - 30 }));
      return user.access_token;
    });
    assert.ok(before !== null, 'a stored session');
    await member.reload();
    await member.getByRole('button', { name: 'Account: Rita Night' }).waitFor();
    await member.getByTestId('ticket').nth(2).waitFor();
    const after = await member.evaluate(() => {
      const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
      return key === undefined ? null : (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token: string }).access_token;
    });
    assert.ok(after !== null && after !== before, 'the access token was renewed');
  });

  it('a session that cannot be renewed asks to sign in again and comes back to the same page', async () => {
    await member.goto(`${stack.baseUrl}/notifications`);
    await member.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    // A refresh token Keycloak refuses, on an expired access token: renewal fails for real.
    await member.evaluate(() => {
      const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
      if (key === undefined) return;
      const user = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown>;
      sessionStorage.setItem(key, JSON.stringify({ ...user, refresh_token: 'not-a-valid-token', expires_at: Math.floor(Date.now() / 1000) - 30 }));
    });
    await member.goto(`${stack.baseUrl}/search`);
    await member.getByText('Your session has ended.').waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      await member.screenshot({ path: fileURLToPath(new URL('session-ended-failure.png', SCREENSHOT_DIR)), fullPage: true });
      throw error;
    });
    await member.getByRole('button', { name: 'Sign in again' }).click();
    // Keycloak's own session is still alive: it signs the member straight back in, to /search.
    await member.waitForURL((url) => url.origin === stack.baseUrl && url.pathname === '/search');
    await member.getByRole('button', { name: 'Account: Rita Night' }).waitFor();
  });

  it('signing out ends the Keycloak session too', async () => {
    await member.getByRole('button', { name: 'Account: Rita Night' }).click();
    await member.getByRole('button', { name: 'Sign out' }).click();
    await member.waitForURL((url) => url.origin === stack.baseUrl && url.pathname === '/');
    await member.getByRole('link', { name: 'Sign in' }).waitFor();
    await member.goto(`${stack.baseUrl}/signin`);
    // Keycloak asks for the password again: its session is gone, not just the app's.
    await member.locator('#password').waitFor();
  });

  it('every main page has no serious or critical accessibility violation', () => {
    assert.ok(checked.length >= 8, `pages checked: ${checked.map((page) => page.name).join(', ')}`);
    const failing = checked.filter((page) => page.violations.length > 0);
    assert.deepEqual(failing, []);
  });
});
