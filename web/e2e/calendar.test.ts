import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { call, registerAccount, waitFor, type Account } from '@eventonight/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { publishEvents, registerOrganization, type DemoEvent } from './demo-data.js';
import { SCREENSHOT_DIR, screenshots, seriousViolations, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * Issue 27, part 5, as a person uses it: "Add to calendar" on an event's page gives a calendar
 * file, and "My tickets" gives a private feed address a calendar app subscribes to, until the
 * member stops it. Every file is fetched by its address through the web app's origin (as a calendar
 * app would, without a token) and parsed with ical.js.
 */

const MEMBER_PASSWORD = 'Journey-night-2026!';
const DOCS_DIR = new URL('../../docs/calendar/', import.meta.url);

function veventsOf(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.name, 'vcalendar');
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('web app in the browser: calendar file and calendar feed', { timeout: 240_000 }, () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let event: DemoEvent;
  let member: Account;

  before(async () => {
    stack = await startWebStack();
    const organization = await registerOrganization(stack.system, `Canal Nights ${Date.now().toString(36)}`);
    [event] = (await publishEvents(stack.system, organization, 1, () => 'Lanterns, Strings & Tide')) as [DemoEvent];
    member = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Cal Endar' });
    const token = await member.token();
    // A free ticket: issued at once, once ticketing has learnt the event.
    await waitFor(
      async () => {
        const order = await call(stack.system.url('ticketing'), 'POST', '/orders', { token, headers: { 'idempotency-key': randomUUID() }, body: { eventId: event.eventId, tierId: event.freeTierId, quantity: 2 } });
        return order.status === 201 ? order : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'two free tickets for the member' },
    );
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Rome', locale: 'en-GB' });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the event page links its calendar file, which a calendar app can read', async () => {
    await page.goto(`${stack.baseUrl}/events/${event.eventId}`);
    const link = page.getByTestId('add-to-calendar');
    await link.waitFor();
    const href = await link.getAttribute('href');
    assert.equal(href, `/api/event/events/${event.eventId}/calendar.ics`);
    const reply = await fetch(new URL(href, stack.baseUrl));
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get('content-type') ?? '', /^text\/calendar/);
    const [entry, ...others] = veventsOf(await reply.text());
    assert.equal(others.length, 0);
    assert.equal(entry?.uid, `${event.eventId}@eventonight`);
    assert.equal(entry?.summary, 'Lanterns, Strings & Tide');
    assert.equal(entry?.location, 'Riverside Hall, 10 Harbour Street, Lisbon');
    assert.equal(entry?.component.getFirstPropertyValue('url'), `${stack.baseUrl}/events/${event.eventId}`);
  });

  it('My tickets: the member subscribes, the feed holds the event with both tickets, and stopping the link ends it', async () => {
    await page.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(page, stack.baseUrl, member.email, MEMBER_PASSWORD);
    await page.goto(`${stack.baseUrl}/tickets`);
    await page.getByRole('heading', { name: 'Subscribe in your calendar app' }).waitFor();
    await page.getByRole('button', { name: 'Get my calendar link' }).click();
    const field = page.getByTestId('calendar-feed-url');
    await field.waitFor();
    const url = await field.inputValue();
    assert.match(url, new RegExp(`^${stack.baseUrl}/api/ticketing/calendar-feed/[A-Za-z0-9_-]{43}\\.ics$`), 'an address on the app\'s origin');

    // Fetched as a calendar app does: the address alone, through the web app's origin.
    const feed = await fetch(url);
    assert.equal(feed.status, 200);
    const [entry, ...others] = veventsOf(await feed.text());
    assert.equal(others.length, 0);
    assert.equal(entry?.uid, `${event.eventId}@eventonight`);
    assert.equal(entry?.location, 'Riverside Hall, 10 Harbour Street, Lisbon');
    assert.match(entry?.description ?? '', /^Your 2 tickets: 2 × Community \(free\)\./);

    await screenshots(page, 'calendar-feed');
    await mkdir(DOCS_DIR, { recursive: true });
    for (const width of [360, 1280]) await copyFile(new URL(`calendar-feed-${width}.png`, SCREENSHOT_DIR), new URL(`calendar-feed-${width}.png`, DOCS_DIR));
    assert.deepEqual(await seriousViolations(page), []);

    await page.getByRole('button', { name: 'Stop this link' }).click();
    await page.getByRole('status').getByText('The link is stopped.').waitFor();
    assert.equal((await fetch(url)).status, 404, 'a stopped address answers 404');

    // After a reload the page knows there is no link, and offers a new one.
    await page.reload();
    await page.getByRole('button', { name: 'Get my calendar link' }).waitFor();
  });
});
