import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { call, registerAccount, waitFor, type Account } from '@eventonight/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { publishEvents, registerOrganization, tokenOf, type DemoAccount, type DemoEvent } from './demo-data.js';
import { SCREENSHOT_DIR, screenshots, seriousViolations, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * Issue 29 as people use it: a member joins the waiting list of a sold-out tier, the organizer adds
 * seats and sets a refund policy in the event editor, the member takes the offer held for them,
 * asks for a refund, and gives another ticket to a friend by member id.
 */

const MEMBER_PASSWORD = 'Journey-night-2026!';
const DOCS_DIR = new URL('../../docs/tickets/', import.meta.url);

async function shoot(page: Page, name: string): Promise<void> {
  await screenshots(page, name);
  await mkdir(DOCS_DIR, { recursive: true });
  for (const width of [360, 1280]) await copyFile(new URL(`${name}-${width}.png`, SCREENSHOT_DIR), new URL(`${name}-${width}.png`, DOCS_DIR));
  assert.deepEqual(await seriousViolations(page), [], `${name}: axe`);
}

describe('web app in the browser: waiting list, tier changes, refund and transfer', { timeout: 300_000 }, () => {
  let stack: WebStack;
  let browser: Browser;
  let organization: DemoAccount;
  let event: DemoEvent;
  let first: Account;
  let member: Account;

  before(async () => {
    stack = await startWebStack();
    organization = await registerOrganization(stack.system, `Harbour Lights ${Date.now().toString(36)}`);
    [event] = (await publishEvents(stack.system, organization, 1, () => 'Last Boat Home')) as [DemoEvent];
    first = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Fran First' });
    member = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Wanda Waiting' });
    const orgToken = await tokenOf(organization.email, organization.password);
    const ticketing = stack.system.url('ticketing');
    // The free tier shrinks to one seat, which the first member takes: sold out.
    await waitFor(
      async () => {
        const reply = await call(ticketing, 'PATCH', `/events/${event.eventId}/tiers/${event.freeTierId}`, { token: orgToken, body: { capacity: 1 } });
        return reply.status === 200 ? reply : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'ticketing knows the event' },
    );
    const bought = await call(ticketing, 'POST', '/orders', {
      token: await first.token(),
      headers: { 'idempotency-key': randomUUID() },
      body: { eventId: event.eventId, tierId: event.freeTierId, quantity: 1 },
    });
    assert.equal(bought.status, 201);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('join, raise capacity in the editor, take the offer, refund, transfer', async () => {
    const memberContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Rome', locale: 'en-GB' });
    const page = await memberContext.newPage();
    await page.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(page, stack.baseUrl, member.email, MEMBER_PASSWORD);
    await page.goto(`${stack.baseUrl}/events/${event.eventId}`);
    const line = page.getByTestId('waiting-list');
    await line.getByRole('heading', { name: 'Community (free) is sold out' }).waitFor();
    await line.getByRole('button', { name: 'Join the waiting list' }).click();
    await page.getByTestId('waiting-position').getByText('You are number 1 in line.').waitFor();
    await shoot(page, 'waiting-list-joined');

    // The organizer adds a seat and a refund policy in the event editor.
    const orgContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Rome', locale: 'en-GB' });
    const editor = await orgContext.newPage();
    await editor.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(editor, stack.baseUrl, organization.email, organization.password);
    await editor.goto(`${stack.baseUrl}/organizer/events/${event.eventId}/edit`);
    const free = editor.getByTestId('sales-tier-Community (free)');
    await free.getByText('1 on the waiting list').waitFor();
    // Lower than what is sold: a sentence, nothing changes.
    await free.getByLabel('Tickets').fill('0');
    await free.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('alert').getByText(/cannot go below 1/).waitFor();
    await free.getByLabel('Tickets').fill('2');
    await free.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('status').getByText('Community (free) now has 2 tickets.').waitFor();
    await editor.getByLabel(/Members may ask for a refund until/).fill('0');
    await editor.getByRole('button', { name: 'Save the refund policy' }).click();
    await editor.getByRole('status').getByText('Members can ask for a refund until 0 days before the start.').waitFor();
    await shoot(editor, 'tier-sales-editor');

    // The seat went to the first in line: the member takes it.
    await page.reload();
    await page.getByTestId('waiting-offer').waitFor();
    await shoot(page, 'waiting-list-offer');
    await page.getByTestId('take-offer').click();
    const status = page.getByTestId('order-status');
    await status.and(page.locator('[data-status="paid"]')).waitFor({ timeout: 20_000 });

    // The refund, within the policy.
    const refund = page.getByTestId('refund');
    await refund.getByRole('button', { name: 'Ask for a refund' }).click();
    await shoot(page, 'order-refund');
    await refund.getByTestId('confirm-refund').click();
    await status.and(page.locator('[data-status="refunded"]')).waitFor({ timeout: 20_000 });

    // A ticket given to a friend by member id.
    const token = await member.token();
    const again = await call(stack.system.url('ticketing'), 'POST', '/orders', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: { eventId: event.eventId, tierId: event.freeTierId, quantity: 1 },
    });
    assert.equal(again.status, 201, JSON.stringify(again.body));
    await page.goto(`${stack.baseUrl}/tickets`);
    const valid = page.getByTestId('transfer').first();
    await valid.getByRole('button', { name: 'Give this ticket to someone' }).click();
    await valid.getByLabel(/Their member id/).fill('nobody-at-all');
    await valid.getByRole('button', { name: 'Give ticket' }).click();
    await valid.getByRole('alert').getByText(/No member with this id is known/).waitFor();
    await valid.getByLabel(/Their member id/).fill(first.id);
    await shoot(page, 'ticket-transfer');
    await valid.getByRole('button', { name: 'Give ticket' }).click();
    await valid.getByRole('status').getByText(/Ticket given/).waitFor();
    const theirs = await call(stack.system.url('ticketing'), 'GET', '/tickets', { token: await first.token() });
    assert.equal((theirs.body['items'] as unknown[]).length, 2, 'the friend holds the ticket given');
    await memberContext.close();
    await orgContext.close();
  });
});
