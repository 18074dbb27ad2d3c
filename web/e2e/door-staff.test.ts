import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { call, registerAccount, waitFor, type Account } from '@eventonight/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { registerOrganization, tokenOf, type DemoAccount } from './demo-data.js';
import { SCREENSHOT_DIR, screenshots, seriousViolations, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * Issue 29 (door staff, the offline door) as people use it: the organizer invites a member to
 * the door of one event; the member accepts in "My tickets"; both scan the same ticket on two
 * devices with the network cut; back online, one check-in counts and the second device is told
 * who let the guest in first. The organizer then revokes the member, whose door page says so.
 */

const MEMBER_PASSWORD = 'Journey-night-2026!';
const DOCS_DIR = new URL('../../docs/door/', import.meta.url);

/** An event with a free tier that starts in two hours: its doors are open now. */
async function eventStartingSoon(stack: WebStack, organizer: DemoAccount, title: string): Promise<{ eventId: string; tierId: string }> {
  const token = await tokenOf(organizer.email, organizer.password);
  const startsAt = new Date(Date.now() + 2 * 3_600_000);
  const created = await call(stack.system.url('event'), 'POST', '/events', {
    token,
    body: {
      title,
      description: `${title}: the doors are open.`,
      category: 'music',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      venue: { name: 'Riverside Hall', address: '1 Harbour Street', city: 'Lisbon' },
      tiers: [{ name: 'Community (free)', priceMinor: 0, currency: 'eur', quantity: 20 }],
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const eventId = String(created.body['eventId']);
  assert.equal((await call(stack.system.url('event'), 'POST', `/events/${eventId}/publish`, { token })).status, 200);
  return { eventId, tierId: String((created.body['tiers'] as Array<{ tierId: string }>)[0]?.tierId) };
}

describe('web app in the browser: door staff and the offline door', { timeout: 300_000 }, () => {
  let stack: WebStack;
  let browser: Browser;
  let organizer: DemoAccount;
  let staff: Account;
  let guest: Account;
  let eventId = '';
  let codes: string[] = [];
  let orgContext: BrowserContext;
  let staffContext: BrowserContext;
  let org: Page;
  let door: Page;
  const checked: Array<{ name: string; violations: string[] }> = [];

  async function check(page: Page, name: string): Promise<void> {
    await screenshots(page, name);
    await mkdir(DOCS_DIR, { recursive: true });
    for (const width of [360, 1280]) await copyFile(new URL(`${name}-${width}.png`, SCREENSHOT_DIR), new URL(`${name}-${width}.png`, DOCS_DIR));
    checked.push({ name, violations: await seriousViolations(page) });
  }

  before(async () => {
    stack = await startWebStack();
    organizer = await registerOrganization(stack.system, `Door Nights ${Date.now().toString(36)}`);
    ({ eventId } = await eventStartingSoon(stack, organizer, 'Lanterns at the Door'));
    staff = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Dora Door' });
    guest = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Gus Guest' });
    const token = await guest.token();
    const tierId = (
      await waitFor(
        async () => {
          const reply = await call(stack.system.url('ticketing'), 'GET', `/events/${eventId}/availability`);
          return reply.status === 200 ? (reply.body['tiers'] as Array<{ tierId: string }>)[0]?.tierId : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 300, what: 'ticketing knows the event' },
      )
    );
    const order = await call(stack.system.url('ticketing'), 'POST', '/orders', { token, headers: { 'idempotency-key': randomUUID() }, body: { eventId, tierId, quantity: 3 } });
    assert.equal(order.status, 201, JSON.stringify(order.body));
    codes = ((await call(stack.system.url('ticketing'), 'GET', '/tickets', { token })).body['items'] as Array<{ code: string }>).map((ticket) => ticket.code);
    assert.equal(codes.length, 3);
    browser = await launchBrowser();
    orgContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Lisbon' });
    staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Lisbon' });
    org = await orgContext.newPage();
    door = await staffContext.newPage();
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the organizer invites a member to the door from the sales page', async () => {
    await org.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(org, stack.baseUrl, organizer.email, organizer.password);
    await org.goto(`${stack.baseUrl}/organizer/events/${eventId}/sales`);
    const panel = org.getByTestId('door-staff');
    await panel.getByLabel('Member’s email address').fill('not an address');
    await panel.getByRole('button', { name: 'Invite' }).click();
    await panel.getByRole('alert').getByText('Type the email address the member signs in with').waitFor();
    await panel.getByLabel('Member’s email address').fill(staff.email);
    await panel.getByRole('button', { name: 'Invite' }).click();
    await panel.locator(`tr[data-email="${staff.email}"][data-status="invited"]`).waitFor();
  });

  it('the member accepts in My tickets and opens the door page', async () => {
    await door.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(door, stack.baseUrl, staff.email, MEMBER_PASSWORD);
    await door.goto(`${stack.baseUrl}/tickets`);
    const panel = door.getByTestId('door-invitations');
    await panel.getByText('Lanterns at the Door').waitFor();
    await check(door, 'door-invitation');
    await panel.getByRole('button', { name: 'Accept' }).click();
    await panel.getByRole('link', { name: 'Open the door page' }).click();
    await door.getByTestId('door-count').waitFor();
    assert.match(await door.getByTestId('door-count').innerText(), /0\s*of 3 in/);
    // Staff see the door and nothing of the sales.
    assert.equal(await door.getByRole('link', { name: 'Sales and attendees' }).count(), 0);
  });

  it('two devices offline both let the same guest in; back online one check-in counts and the second device is told', async () => {
    await org.goto(`${stack.baseUrl}/door/${eventId}`);
    await org.getByTestId('door-count').waitFor();
    for (const [page, name] of [[org, 'Device A'], [door, 'Device B']] as const) {
      await page.getByLabel('This device’s name').fill(name);
      await page.getByRole('button', { name: 'Save' }).click();
    }
    await orgContext.setOffline(true);
    await staffContext.setOffline(true);
    for (const page of [org, door]) {
      await page.locator('[data-testid="door-network"][data-online="false"]').waitFor();
      await page.getByText('Offline — answering from the check-in list on this device').waitFor();
    }
    // Device A first, then device B a moment later: the same ticket.
    for (const page of [org, door]) {
      const before = Number(await page.getByTestId('door-answer').getAttribute('data-answered'));
      await page.locator('#door-code').fill(codes[0] ?? '');
      await page.locator('#door-code').press('Enter');
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="door-answer"]')?.getAttribute('data-answered')) > n, before);
      assert.equal(await page.getByTestId('door-answer').getAttribute('data-kind'), 'valid');
      await page.locator('[data-testid="door-pending"][data-count="1"]').waitFor();
      await page.waitForTimeout(1100); // the two scans a second apart at least
    }
    assert.match(await door.getByTestId('door-pending').innerText(), /1 check-in waiting to be sent when the network is back/);
    await check(door, 'door-offline');

    await orgContext.setOffline(false);
    await org.locator('[data-testid="door-pending"][data-count="0"]').waitFor({ timeout: 20_000 });
    await org.getByText(/Sent 1 check-in .*all were accepted\./).waitFor();
    await staffContext.setOffline(false);
    await door.locator('[data-testid="door-pending"][data-count="0"]').waitFor({ timeout: 20_000 });
    const conflict = door.getByTestId('door-conflict');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /already used at \d{2}:\d{2} by Device A/);
    await check(door, 'door-synced-conflict');

    const token = await tokenOf(organizer.email, organizer.password);
    const sales = await call(stack.system.url('ticketing'), 'GET', `/events/${eventId}/sales`, { token });
    assert.equal((sales.body['totals'] as { checkedIn: number }).checkedIn, 1, 'one check-in for the ticket both devices admitted');
    const staffList = await call(stack.system.url('ticketing'), 'GET', `/events/${eventId}/door-staff`, { token });
    assert.equal(staffList.body['organizerCheckIns'], 1);
    assert.equal((staffList.body['items'] as Array<{ checkIns: number }>)[0]?.checkIns, 0);
  });

  it('online, the staff member scans the next guest; the sales page shows check-ins per person', async () => {
    const before = Number(await door.getByTestId('door-answer').getAttribute('data-answered'));
    await door.locator('#door-code').fill(codes[1] ?? '');
    await door.locator('#door-code').press('Enter');
    await door.waitForFunction((n) => Number(document.querySelector('[data-testid="door-answer"]')?.getAttribute('data-answered')) > n, before);
    assert.equal(await door.getByTestId('door-answer').getAttribute('data-kind'), 'valid');
    await check(door, 'door-staff-valid');
    await org.goto(`${stack.baseUrl}/organizer/events/${eventId}/sales`);
    const row = org.getByTestId('door-staff').locator(`tr[data-email="${staff.email}"]`);
    await row.locator('[data-col="check-ins"]').getByText('1', { exact: true }).waitFor();
    await check(org, 'door-staff-panel');
  });

  it('the organizer revokes the member, whose door page then says so', async () => {
    const row = org.getByTestId('door-staff').locator(`tr[data-email="${staff.email}"]`);
    await row.getByRole('button', { name: /Revoke/ }).click();
    await org.getByTestId('door-staff').locator(`tr[data-email="${staff.email}"][data-status="revoked"]`).waitFor();
    await door.reload();
    await door.getByText('You are not door staff of this event (or the organizer revoked your place).').waitFor();
    await check(door, 'door-revoked');
  });

  it('every page checked is free of serious accessibility violations', () => {
    assert.deepEqual(checked.filter((entry) => entry.violations.length > 0), []);
  });
});
