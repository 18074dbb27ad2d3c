import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { call, registerAccount, waitFor, type Account } from '@eventonight/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { publishEvents, registerOrganization, tokenOf, type DemoAccount, type DemoEvent } from './demo-data.js';
import { SCREENSHOT_DIR, screenshots, seriousViolations, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * Issue 25 as the people left behind see it, against the whole platform (the seven built
 * services, the real Keycloak login form): a member who followed an organization, took a free
 * ticket and chatted with it deletes the account. Their own tabs are signed out and say so (the
 * one that deleted, and another one told by the notification socket); the organization reads the
 * conversation as "Deleted member" under its new id, cannot answer, finds it again from the old
 * address, and reads "Deleted member" in its notifications and attendee list.
 */

// Erasure runs in seven services over RabbitMQ on 2 shared cores.
const ERASURE_MS = 45_000;
const LEAVER_PASSWORD = 'Journey-night-2026!';

describe('web app in the browser: a member deletes their account', { timeout: 300_000 }, () => {
  let stack: WebStack;
  let browser: Browser;
  let orgContext: BrowserContext;
  let org: Page;
  let leaverContext: BrowserContext;
  let organization: DemoAccount;
  let event: DemoEvent;
  let leaver: Account;
  let oldConversationId: string;
  const violations: Array<{ name: string; violations: string[] }> = [];

  async function check(page: Page, name: string): Promise<void> {
    await screenshots(page, name);
    violations.push({ name, violations: await seriousViolations(page) });
  }

  async function orgConversations(): Promise<Array<{ conversationId: string; otherParticipant: { userId: string; displayName: string | null; deleted: boolean } }>> {
    const reply = await call(stack.system.url('chat'), 'GET', '/conversations', { token: await tokenOf(organization.email) });
    return reply.body['items'] as Array<{ conversationId: string; otherParticipant: { userId: string; displayName: string | null; deleted: boolean } }>;
  }

  before(async () => {
    stack = await startWebStack();
    organization = await registerOrganization(stack.system, `Quay Lights ${Date.now().toString(36)}`);
    [event] = (await publishEvents(stack.system, organization, 1, () => 'Lantern Night on the Quay')) as [DemoEvent];
    leaver = await registerAccount(stack.system.url('user'), { role: 'member', displayName: 'Lea Leaving' });
    const token = await leaver.token();
    const orgToken = await tokenOf(organization.email);
    // Interaction learns the organization from the user service's event first.
    await waitFor(async () => ((await call(stack.system.url('interaction'), 'PUT', `/users/${organization.id}/follow`, { token })).status === 201 ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 500,
      what: 'the leaving member to follow the organization',
    });
    // A free ticket: ticketing issues it at once, once it has learnt the event.
    await waitFor(
      async () => {
        const order = await call(stack.system.url('ticketing'), 'POST', '/orders', { token, headers: { 'idempotency-key': randomUUID() }, body: { eventId: event.eventId, tierId: event.freeTierId, quantity: 1 } });
        return order.status === 201 ? order : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'a free ticket for the leaving member' },
    );
    const opened = await call(stack.system.url('chat'), 'POST', '/conversations', { token, body: { withUserId: organization.id } });
    assert.ok(opened.status === 201 || opened.status === 200, `open conversation → ${opened.status}`);
    oldConversationId = String(opened.body['conversationId']);
    const send = async (as: string, text: string): Promise<void> => {
      const sent = await call(stack.system.url('chat'), 'POST', `/conversations/${oldConversationId}/messages`, { token: as, body: { messageId: randomUUID(), text } });
      assert.equal(sent.status, 201, `send "${text}" → ${sent.status}`);
    };
    await send(token, 'Hi! Is there a cloakroom?');
    await send(orgToken, 'Yes, by the entrance.');
    await send(token, 'See you tonight!');
    browser = await launchBrowser();
    orgContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Rome', locale: 'en-GB' });
    org = await orgContext.newPage();
    leaverContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Rome', locale: 'en-GB' });
    // The old id's 404s are expected; anything else the app logs is part of a failure's story.
    org.on('console', (message) => {
      if (message.type() === 'error') console.log(`browser error: ${message.text()}`);
    });
    console.log(`screenshots: ${fileURLToPath(SCREENSHOT_DIR)}`);
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the organization reads the conversation with the member, who then deletes the account in one tab: both of their tabs are signed out and say so', async () => {
    await org.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(org, stack.baseUrl, organization.email, organization.password);
    await org.goto(`${stack.baseUrl}/messages/${oldConversationId}`);
    await org.getByTestId('message-list').getByText('See you tonight!').waitFor();
    await org.getByRole('heading', { level: 2, name: 'Lea Leaving' }).waitFor({ timeout: 10_000 });

    // The member: one tab on the messages (its bell holds the notification socket), one that deletes.
    const other = await leaverContext.newPage();
    await other.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(other, stack.baseUrl, leaver.email, LEAVER_PASSWORD);
    await other.goto(`${stack.baseUrl}/messages`);
    await other.getByTestId('conversation-list').waitFor();
    const deleting = await leaverContext.newPage();
    await deleting.goto(`${stack.baseUrl}/signin`);
    // Keycloak's session (same browser) signs the second tab in without the form.
    await deleting.getByRole('button', { name: /^Account:/ }).waitFor({ timeout: 20_000 });
    await deleting.goto(`${stack.baseUrl}/account/profile`);
    await deleting.getByRole('button', { name: 'Delete my account…' }).click();
    await deleting.getByLabel('Type DELETE to confirm').fill('DELETE');
    await deleting.getByRole('button', { name: 'Delete my account', exact: true }).click();

    for (const [page, what] of [
      [deleting, 'the tab that deleted the account'],
      [other, 'the other tab, told by the notification socket'],
    ] as const) {
      await page.getByTestId('account-deleted').waitFor({ timeout: ERASURE_MS }).catch(() => assert.fail(`${what} does not say the account was deleted`));
      assert.equal(await page.getByTestId('account-deleted').innerText().then((text) => text.split('\n')[0]), 'This account has been deleted.');
      await page.waitForURL((url) => url.pathname === '/', { timeout: 10_000 });
      await page.getByRole('link', { name: 'Sign in' }).waitFor();
      assert.equal(await page.getByRole('button', { name: /^Account:/ }).count(), 0, `${what} is signed out`);
    }
    await screenshots(other, 'account-deleted-other-tab');
  });

  it('the open conversation, whose id changed at the erasure, is found again when the organization writes: read-only, "Deleted member"', async () => {
    const moved = await waitFor(
      async () => (await orgConversations()).find((c) => c.otherParticipant.deleted && c.conversationId !== oldConversationId),
      { timeoutMs: ERASURE_MS, intervalMs: 500, what: 'chat to move the conversation to a new id' },
    );
    assert.deepEqual(moved.otherParticipant, { userId: 'deleted-member', displayName: 'Deleted member', avatarMediaId: null, deleted: true });

    // The page still shows the old id; the send finds it gone and the page follows the conversation.
    await org.getByRole('textbox', { name: 'Message' }).fill('Are you still coming?');
    await org.getByRole('button', { name: 'Send' }).click();
    await org.waitForURL((url) => url.pathname === `/messages/${moved.conversationId}`, { timeout: 10_000 });
    await org.getByText('Your message was not sent: this member has deleted their account.').waitFor();
    await org.getByRole('heading', { level: 2, name: 'Deleted member' }).waitFor();
    await org.getByTestId('message-list').getByText('See you tonight!').waitFor();
    await org.getByTestId('message-list').getByText('Yes, by the entrance.').waitFor();
    assert.equal(await org.getByTestId('conversation-closed').innerText(), 'This member deleted their account. You can still read your conversation.');
    assert.ok(await org.getByRole('textbox', { name: 'Message' }).isDisabled(), 'the composer is disabled');
    assert.ok(await org.getByRole('button', { name: 'Send' }).isDisabled());
    const row = org.locator(`[data-testid="conversation-list"] a[href="/messages/${moved.conversationId}"]`);
    assert.match(await row.innerText(), /Deleted member[\s\S]*See you tonight!/);
    assert.equal(await org.getByText('Deleted account').count(), 0);
    await screenshots(org, 'chat-deleted-member-moved');

    // As it reads on a fresh visit.
    await org.goto(`${stack.baseUrl}/messages/${moved.conversationId}`);
    await org.getByTestId('message-list').getByText('See you tonight!').waitFor();
    await org.getByTestId('conversation-closed').waitFor();
    await check(org, 'chat-deleted-member');
    await org.goto(`${stack.baseUrl}/messages`);
    await org.getByTestId('conversation-list').getByText('Deleted member').waitFor();
    await check(org, 'messages-deleted-member');
  });

  it('the old address of the conversation says it is no longer here, never a blank page', async () => {
    await org.goto(`${stack.baseUrl}/messages/${oldConversationId}`);
    const gone = org.getByTestId('conversation-gone');
    await gone.waitFor({ timeout: 10_000 });
    assert.match(await gone.innerText(), /This conversation is no longer here[\s\S]*“Deleted member”/);
    await check(org, 'chat-conversation-gone');
    await gone.getByRole('link', { name: 'All conversations' }).click();
    await org.waitForURL((url) => url.pathname === '/messages');
  });

  it('the organization’s notifications and attendee list name "Deleted member", with no link to anyone', async () => {
    await waitFor(
      async () => {
        const reply = await call(stack.system.url('notification'), 'GET', '/notifications', { token: await tokenOf(organization.email) });
        const items = reply.body['items'] as Array<{ type: string; data: Record<string, unknown> }>;
        const follow = items.find((n) => n.type === 'follower.new');
        return follow?.data['actorName'] === 'Deleted member' ? true : undefined;
      },
      { timeoutMs: ERASURE_MS, intervalMs: 500, what: 'the notification service to name the follower "Deleted member"' },
    );
    await org.goto(`${stack.baseUrl}/notifications`);
    await org.getByText('Deleted member followed you.').waitFor();
    await org.getByText('New message from Deleted member: “See you tonight!”').waitFor();
    // A notification may lead to the event it is about, never to a person (nor to a null id).
    const targets = await org.locator('main ul.list a').evaluateAll((links) => links.map((link) => `${link.textContent?.trim() ?? ''} → ${link.getAttribute('href') ?? ''}`));
    console.log(`notification links: ${targets.join(' | ')}`);
    for (const target of targets) assert.match(target, / → \/(events|orders)\/[^/]+$/, target);
    assert.ok(!targets.some((target) => /null|members|organizations/.test(target)), targets.join(' | '));
    await check(org, 'notifications-deleted-member');

    await org.goto(`${stack.baseUrl}/organizer/events/${event.eventId}/sales`);
    const attendee = org.getByTestId('attendee-table').getByRole('row', { name: /Deleted member/ });
    await attendee.waitFor({ timeout: 15_000 });
    assert.equal(await attendee.getByRole('link').count(), 0, 'the attendee row links to nobody');
    assert.equal(await org.getByText('Lea Leaving').count(), 0);
    await check(org, 'organizer-sales-deleted-member');
  });

  it('no page shown here has a serious or critical accessibility violation', () => {
    assert.ok(violations.length >= 5, violations.map((v) => v.name).join(', '));
    assert.deepEqual(violations.filter((v) => v.violations.length > 0), []);
  });
});
