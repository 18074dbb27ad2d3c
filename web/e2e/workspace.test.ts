import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { confirmAddressAsOperator, mailpit, waitFor, type MailpitSummary } from '@eventonight/testing';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { CHROMIUM_PATH, launchBrowser } from './browser.js';
import { DEMO_PASSWORD, tokenOf, uniqueEmail } from './demo-data.js';
import { decodeQr, screenshots, seriousViolations, signInOnKeycloak } from './pages.js';
import { startWebStack, type WebStack } from './stack.js';

/**
 * Issue 15 in the browser, against the real platform: an organization runs an event from the
 * first draft to the door, talks with a member, and cancels; the member sees the sale, the
 * messages, the cancellation and the refund. Steps build on each other.
 */

// A push travels event → RabbitMQ → notification → Socket.IO → page → re-read: generous on 2 shared cores.
const LIVE_MS = 8_000;

/** A small PNG made here (no fixture file): a cover the object store really receives. */
function coverPng(): Buffer {
  const png = new PNG({ width: 320, height: 180 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (png.width * y + x) << 2;
      png.data[i] = 40 + (x % 200);
      png.data[i + 1] = 30;
      png.data[i + 2] = 120 + (y % 120);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/**
 * A Y4M video (what Chromium's fake camera plays) of one frame showing `text` as a QR code:
 * black modules on white, a 4-module quiet zone, 6 px per module.
 */
/** "2026-12-07T17:30": a time as the organizer's editor (in Europe/Lisbon) takes it. */
function lisbonLocal(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Lisbon', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(at)
    .replace(' ', 'T');
}

function qrVideo(text: string): Buffer {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const scale = 6;
  const size = 320;
  const offset = Math.floor((size - modules.size * scale) / 2);
  const luma = Buffer.alloc(size * size, 235);
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.data[row * modules.size + col] !== 1) continue;
      for (let y = 0; y < scale; y += 1) luma.fill(16, (offset + row * scale + y) * size + offset + col * scale, (offset + row * scale + y) * size + offset + (col + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((size / 2) * (size / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${size} H${size} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]);
}

/** RFC 4180 CSV → rows of cells (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('web app in the browser: the organization workspace, sales, the door, chat and profiles', () => {
  let stack: WebStack;
  let browser: Browser;
  let orgContext: BrowserContext;
  let org: Page;
  let memberContext: BrowserContext;
  let member: Page;
  const word = `Ember${Date.now().toString(36)}`;
  const title = `${word} Harbour Concert`;
  const orgName = `${word} Collective`;
  const orgEmail = uniqueEmail('org15');
  const memberEmail = uniqueEmail('member15');
  let eventId = '';
  let orgId = '';
  let memberId = '';
  let orderId = '';
  let code = '';
  let secondCode = '';
  const checked: Array<{ name: string; violations: string[] }> = [];

  async function check(page: Page, name: string): Promise<void> {
    await screenshots(page, name);
    checked.push({ name, violations: await seriousViolations(page) });
  }

  /** The newest mail to `address` whose subject matches, once Mailpit has it (the sender runs every 250 ms). */
  async function mailOf(address: string, subject: RegExp): Promise<MailpitSummary> {
    return waitFor(async () => (await mailpit.to(address)).find((message) => subject.test(message.Subject)), { what: `a mail ${subject}`, timeoutMs: 20_000 });
  }

  /** A mail as Mailpit renders it for a person, at phone and desktop widths. */
  async function screenshotMail(summary: MailpitSummary, name: string): Promise<void> {
    const mail = await browser.newPage();
    try {
      await mail.goto(mailpit.viewUrl(summary.ID));
      await screenshots(mail, name);
    } finally {
      await mail.close();
    }
  }

  async function api<T>(service: 'ticketing' | 'user', path: string, email: string): Promise<T> {
    const token = await tokenOf(email);
    const reply = await fetch(`${stack.system.url(service)}${path}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(reply.status, 200, `${service} ${path}`);
    return (await reply.json()) as T;
  }

  before(async () => {
    stack = await startWebStack();
    browser = await launchBrowser();
    orgContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Lisbon', locale: 'en-GB', acceptDownloads: true });
    org = await orgContext.newPage();
    memberContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    member = await memberContext.newPage();
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('an organization signs up and signs in on the Keycloak form', async () => {
    await org.goto(`${stack.baseUrl}/signup`);
    await org.getByRole('radio', { name: /An organizer/ }).check();
    await org.getByLabel('Your name').fill('Mara Quay');
    await org.getByLabel('Email').fill(orgEmail);
    await org.getByLabel('Password').fill(DEMO_PASSWORD);
    await org.getByLabel('Organization name').fill(orgName);
    await org.getByRole('button', { name: 'Create account' }).click();
    await signInOnKeycloak(org, stack.baseUrl, orgEmail, DEMO_PASSWORD);
    orgId = (await api<{ id: string }>('user', '/users/me', orgEmail)).id;
  });

  it('creates a draft with a cover image and two tiers (refusing a wrong file first), then publishes it', async () => {
    await org.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your events' }).click();
    await org.getByRole('heading', { level: 1, name: 'Your events' }).waitFor();
    await check(org, 'organizer-workspace');
    await org.getByTestId('new-event').click();
    await org.getByRole('heading', { level: 1, name: 'Create an event' }).waitFor();
    assert.match(await org.getByTestId('time-zone').innerText(), /Europe\/Lisbon/);

    await org.getByLabel('Title').fill(title);
    await org.getByLabel('Description').fill('Brass, strings and a harbour breeze. Doors at 19:30.');
    await org.getByLabel('Category').selectOption('music');
    await org.getByLabel(/^Tags/).fill('live, harbour');
    const day = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
    await org.getByLabel('Starts').fill(`${day}T20:00`);
    await org.getByLabel('Ends').fill(`${day}T23:00`);
    await org.getByLabel('Venue').fill('Pier 7');
    await org.getByLabel('Address').fill('7 Quay Road');
    await org.getByLabel('City').fill('Lisbon');

    // Refused in the browser before any upload: not an image, then too large.
    const cover = org.getByLabel('Cover image');
    await cover.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
    await org.getByText('Choose a JPEG, PNG, WebP or GIF image.').waitFor();
    await cover.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(9 * 1024 * 1024, 1) });
    await org.getByText(/the limit is 8 MB/).waitFor();
    await cover.setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: coverPng() });
    await org.locator('.upload img').waitFor();

    await org.getByLabel('Tier name').first().fill('Standard');
    await org.getByLabel('Price').first().fill('12.50');
    await org.getByLabel('Tickets').first().fill('50');
    await org.getByRole('button', { name: 'Add a tier' }).click();
    await org.getByLabel('Tier name').nth(1).fill('Guest list');
    await org.getByLabel('Price').nth(1).fill('');
    await org.getByLabel('Tickets').nth(1).fill('20');
    await check(org, 'organizer-editor');

    await org.getByRole('button', { name: 'Save draft' }).click();
    await org.getByText('Draft saved.').waitFor();
    eventId = /\/organizer\/events\/([^/]+)\/edit/.exec(new URL(org.url()).pathname)?.[1] ?? '';
    assert.ok(eventId !== '', 'the editor moved to the saved draft');
    await org.getByTestId('publish').click();
    await org.getByText(/^Published:/).waitFor();

    // After publication the details still change; the draft's tier rows give way to the tickets-on-sale
    // panel (capacity, closed sales, a new tier: ADR 0039).
    await org.locator('#new-tier-name').waitFor();
    assert.equal(await org.locator('#tier-name-0').count(), 0, 'the draft tier rows are gone once published');
    await org.getByLabel('Venue').fill('Pier 8');
    await org.getByRole('button', { name: 'Save changes' }).click();
    await org.getByText('Changes saved.').waitFor();

    const event = (await (await fetch(`${stack.system.url('event')}/events/${eventId}`)).json()) as {
      status: string;
      coverMediaId: string | null;
      venue: { name: string };
      tiers: Array<{ name: string; priceMinor: number; quantity: number }>;
    };
    assert.equal(event.status, 'published');
    assert.equal(event.venue.name, 'Pier 8');
    assert.ok(event.coverMediaId !== null, 'the cover was confirmed and attached');
    assert.deepEqual(event.tiers.map((tier) => [tier.name, tier.priceMinor, tier.quantity]), [['Standard', 1250, 50], ['Guest list', 0, 20]]);
  });

  it('the server refuses an oversized cover too when the browser is bypassed', async () => {
    const token = await tokenOf(orgEmail);
    const reply = await fetch(`${stack.system.url('media')}/media/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ purpose: 'event_cover', contentType: 'image/png', sizeBytes: 9 * 1024 * 1024 }),
    });
    assert.equal(reply.status, 400);
  });

  it('a visitor sees the published event on the home page', async () => {
    const visitor = await browser.newPage();
    await visitor.goto(stack.baseUrl);
    await visitor.getByRole('link', { name: title }).first().waitFor({ timeout: LIVE_MS });
    await visitor.close();
  });

  it('the organization sees a member’s purchase on its sales page without a reload', async () => {
    await org.goto(`${stack.baseUrl}/organizer/events/${eventId}/sales`);
    await org.getByTestId('sales-totals').waitFor();
    assert.equal(await org.getByTestId('total-sold').innerText(), '0');
    await org.waitForTimeout(500); // the notification socket connects

    const reply = await fetch(`${stack.system.url('user')}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: memberEmail, password: DEMO_PASSWORD, displayName: 'Rui Tide', role: 'member' }),
    });
    assert.equal(reply.status, 201);
    // Buying needs a confirmed address; the link itself is browser.test.ts's story.
    await confirmAddressAsOperator(String(((await reply.json()) as { id: unknown }).id));
    await member.goto(`${stack.baseUrl}/signin`);
    await signInOnKeycloak(member, stack.baseUrl, memberEmail, DEMO_PASSWORD);
    memberId = (await api<{ id: string }>('user', '/users/me', memberEmail)).id;

    await member.goto(`${stack.baseUrl}/events/${eventId}`);
    await member.getByRole('radio', { name: /Standard/ }).check();
    await member.getByLabel('Quantity').selectOption('2');
    await member.getByRole('button', { name: /^Buy/ }).click();
    await member.waitForURL((url) => url.pathname.startsWith('/local-checkout'));
    await member.getByRole('button', { name: 'Pay' }).click();
    await member.waitForURL((url) => url.pathname.startsWith('/orders/'));
    await member.locator('[data-testid="order-status"][data-status="paid"]').waitFor({ timeout: 15_000 });
    orderId = new URL(member.url()).pathname.split('/')[2] ?? '';

    await org.waitForFunction(() => document.querySelector('[data-testid="total-sold"]')?.textContent?.trim() === '2', undefined, { timeout: LIVE_MS });
    assert.equal(await org.locator('[data-tier="Standard"] [data-col="sold"]').innerText(), '2');
    assert.match(await org.getByTestId('total-revenue').innerText(), /25[.,]00/);
    await org.getByRole('button', { name: 'Refresh' }).click();
    await org.getByRole('row', { name: /Rui Tide/ }).first().waitFor();
    await check(org, 'organizer-sales');
  });

  it('at the door four days early: not now, with the hours; the ticket stays unused', async () => {
    const tickets = await api<{ items: Array<{ code: string; orderId: string }> }>('ticketing', '/tickets', memberEmail);
    [code = '', secondCode = ''] = tickets.items.filter((ticket) => ticket.orderId === orderId).map((ticket) => ticket.code);
    assert.ok(code !== '' && secondCode !== '');
    await org.goto(`${stack.baseUrl}/door/${eventId}`);
    const field = org.getByLabel('Ticket code');
    await field.waitFor();
    await check(org, 'door');
    await field.fill(code);
    await field.press('Enter');
    await org.locator('[data-testid="door-answer"][data-kind="not-now"]').waitFor();
    assert.match(await org.getByTestId('door-answer').innerText(), /Not now — doors closed[\s\S]*Rui Tide[\s\S]*gets in from .* until .*It was not used\./);
    await check(org, 'door-not-now');
  });

  it('the organization moves the evening to start in two hours: the member is told, and the door follows', async () => {
    await org.goto(`${stack.baseUrl}/organizer/events/${eventId}/edit`);
    const startsAt = new Date(Date.now() + 2 * 3_600_000);
    await org.getByLabel('Starts').fill(lisbonLocal(startsAt));
    await org.getByLabel('Ends').fill(lisbonLocal(new Date(startsAt.getTime() + 3 * 3_600_000)));
    await org.getByRole('button', { name: 'Save changes' }).click();
    await org.getByText('Changes saved.').waitFor();

    await member.goto(`${stack.baseUrl}/notifications`);
    await member.getByText(new RegExp(`${title} moved to .* \\(was .*\\)\\.`)).waitFor({ timeout: LIVE_MS });
    await screenshotMail(await mailOf(memberEmail, new RegExp(`^${title} has a new time`)), 'mail-event-changed');

    // Ticketing hears of the new time through the bus: until then the door still says "not now".
    await org.goto(`${stack.baseUrl}/door/${eventId}`);
    const field = org.getByLabel('Ticket code');
    const answer = org.getByTestId('door-answer');
    for (let attempt = 1; ; attempt += 1) {
      const before = Number(await answer.getAttribute('data-answered'));
      await field.fill(code);
      await field.press('Enter');
      await org.waitForFunction((n) => Number(document.querySelector('[data-testid="door-answer"]')?.getAttribute('data-answered')) > n, before);
      if ((await answer.getAttribute('data-kind')) !== 'not-now' || attempt === 20) break;
      await org.waitForTimeout(500);
    }
    assert.equal(await answer.getAttribute('data-kind'), 'valid');
  });

  it('at the door: the member’s code is valid once, then already used (with when)', async () => {
    const field = org.getByLabel('Ticket code');
    const answer = org.getByTestId('door-answer');
    assert.match(await answer.innerText(), /Valid — let in[\s\S]*Rui Tide[\s\S]*Standard/);
    // The field is empty and focused again: the next scan is ready at once.
    assert.equal(await field.inputValue(), '');
    assert.equal(await field.evaluate((element) => element === document.activeElement), true);
    await check(org, 'door-valid');
    await field.fill(code);
    await org.getByRole('button', { name: 'Check' }).click();
    await org.locator('[data-testid="door-answer"][data-kind="used"]').waitFor();
    assert.match(await answer.innerText(), /Already used[\s\S]*Rui Tide[\s\S]*Scanned /);
    await field.fill('no-such-code-at-all');
    await field.press('Enter');
    await org.locator('[data-testid="door-answer"][data-kind="not-for-event"]').waitFor();
  });

  it('at the door, the camera reads the second ticket’s QR code (Chromium’s fake camera plays it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'en-door-'));
    const video = join(dir, 'qr.y4m');
    await writeFile(video, qrVideo(secondCode));
    const cameraBrowser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    try {
      const context = await cameraBrowser.newContext({ viewport: { width: 360, height: 800 }, permissions: ['camera'] });
      const door = await context.newPage();
      await door.goto(`${stack.baseUrl}/signin`);
      await signInOnKeycloak(door, stack.baseUrl, orgEmail, DEMO_PASSWORD);
      await door.goto(`${stack.baseUrl}/door/${eventId}`);
      await door.getByRole('button', { name: 'Use camera' }).click();
      await door.locator('[data-testid="door-answer"][data-kind="valid"]').waitFor({ timeout: 20_000 });
      assert.match(await door.getByTestId('door-answer').innerText(), /Rui Tide/);
      await door.getByRole('button', { name: 'Stop camera' }).click();
    } finally {
      await cameraBrowser.close();
    }
  });

  it('the member’s confirmation mail shows a QR code per ticket that decodes to its door code', async () => {
    const summary = await mailOf(memberEmail, /^Your tickets for /);
    const mail = await browser.newPage();
    try {
      await mail.goto(mailpit.viewUrl(summary.ID));
      const images = mail.locator('img[alt^="QR code of ticket"]');
      assert.equal(await images.count(), 2);
      const decoded = [await decodeQr(images.nth(0)), await decodeQr(images.nth(1))];
      assert.deepEqual(decoded.sort(), [code, secondCode].sort());
      await screenshots(mail, 'mail-order-confirmation');
    } finally {
      await mail.close();
    }
    const message = await mailpit.message(summary.ID);
    assert.ok(message.Attachments.some((part) => part.FileName === 'event.ics'), 'the calendar file is attached');
  });

  it('the attendee list downloads as CSV with the check-in', async () => {
    await org.goto(`${stack.baseUrl}/organizer/events/${eventId}/sales`);
    await org.getByRole('row', { name: /Rui Tide/ }).first().waitFor();
    assert.equal(await org.getByTestId('total-checked-in').innerText(), '2');
    const [download] = await Promise.all([org.waitForEvent('download'), org.getByTestId('download-csv').click()]);
    assert.match(download.suggestedFilename(), /^attendees-.*\.csv$/);
    const path = await download.path();
    const rows = parseCsv(await readFile(path, 'utf8'));
    assert.deepEqual(rows[0], ['Name', 'Tier', 'Order', 'Ticket', 'Checked in', 'Checked in at', 'Status']);
    assert.equal(rows.length, 3);
    for (const row of rows.slice(1)) {
      const [name, tier, order, , checkedIn, at, status] = row;
      assert.deepEqual([name, tier, order, checkedIn, status], ['Rui Tide', 'Standard', orderId, 'yes', 'used']);
      assert.ok(at !== undefined && !Number.isNaN(Date.parse(at)), 'a check-in time');
    }
  });

  it('member and organization chat; each sees the other’s message live, with the unread count moving', async () => {
    await org.goto(`${stack.baseUrl}/messages`);
    await org.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await member.goto(`${stack.baseUrl}/organizations/${orgId}`);
    await member.getByRole('button', { name: `Send a message to ${orgName}` }).click();
    await member.waitForURL((url) => url.pathname.startsWith('/messages/'));
    const conversationPath = new URL(member.url()).pathname;
    await member.getByRole('textbox', { name: 'Message' }).fill('Hello! Is there a cloakroom?');
    await member.getByRole('button', { name: 'Send' }).click();
    await member.getByTestId('message-list').getByText('Hello! Is there a cloakroom?').waitFor();
    // The organization is named by its organization name, not its account's person.
    await member.getByRole('heading', { level: 2, name: orgName }).waitFor();

    // The organization's list shows the conversation with 1 unread, without a reload.
    const row = org.locator(`[data-testid="conversation-list"] a[href="${conversationPath}"]`);
    await row.getByTestId('unread-count').waitFor({ timeout: LIVE_MS });
    assert.equal(await row.getByTestId('unread-count').innerText(), '1');
    assert.match(await row.innerText(), /Rui Tide[\s\S]*Hello! Is there a cloakroom\?/);
    await check(org, 'messages');
    await row.click();
    await org.getByTestId('message-list').getByText('Hello! Is there a cloakroom?').waitFor();
    await row.getByTestId('unread-count').waitFor({ state: 'detached' });

    await org.getByRole('textbox', { name: 'Message' }).fill('Yes, by the entrance.');
    await org.getByRole('button', { name: 'Send' }).click();
    await member.getByTestId('message-list').getByText('Yes, by the entrance.').waitFor({ timeout: LIVE_MS });
    await check(member, 'conversation');
    await org.getByTestId('message-list').getByText('Yes, by the entrance.').waitFor();
    assert.equal(await org.getByTestId('message-list').getByText('Yes, by the entrance.').count(), 1);
  });

  it('the organization cancels; the member sees the cancellation, the notification and the refunded order', async () => {
    await org.goto(`${stack.baseUrl}/organizer/events/${eventId}/edit`);
    await org.getByRole('button', { name: 'Cancel the event…' }).click();
    await org.getByLabel('Reason (shown to ticket holders)').fill('The pier is closed for repairs.');
    await org.getByLabel('I understand every ticket will be refunded.').check();
    await org.getByRole('button', { name: 'Cancel the event', exact: true }).click();
    await org.getByText(/The event is cancelled\./).waitFor();

    await member.goto(`${stack.baseUrl}/notifications`);
    await member.getByText(`${title} was cancelled.`).waitFor({ timeout: LIVE_MS });
    await member.goto(`${stack.baseUrl}/orders/${orderId}`);
    await member.locator('[data-testid="order-status"][data-status="refunded"]').waitFor({ timeout: 15_000 });
    await member.goto(`${stack.baseUrl}/events/${eventId}`);
    await member.getByText('This event was cancelled.').waitFor();
    await screenshotMail(await mailOf(memberEmail, /^Cancelled: /), 'mail-event-cancelled');
    await screenshotMail(await mailOf(memberEmail, /^Refunded: /), 'mail-order-refunded');

    await org.goto(`${stack.baseUrl}/organizer`);
    await org.locator('[data-group="cancelled"]').getByText(title).waitFor();
    await check(org, 'organizer-workspace-cancelled');
  });

  it('profiles: the organization edits its details; the member edits theirs, then deletes the account', async () => {
    await org.goto(`${stack.baseUrl}/account/profile`);
    await org.getByLabel('Website').fill('https://ember.example.org');
    await org.getByLabel('Description').fill('Concerts by the water.');
    await org.getByRole('button', { name: 'Save profile' }).click();
    await org.getByText('Profile saved.').waitFor();
    await check(org, 'profile-organization');

    await member.goto(`${stack.baseUrl}/account/profile`);
    await member.getByLabel('City').fill('Porto');
    await member.getByLabel('Bio').fill('Brass fan.');
    await member.getByLabel('Music').check();
    await member.getByLabel('Profile picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: coverPng() });
    await member.locator('.upload img').waitFor();
    await member.getByRole('button', { name: 'Save profile' }).click();
    await member.getByText('Profile saved.').waitFor();
    const me = await api<{ city: string; bio: string; avatarMediaId: string | null; preferences: { categories: string[] } }>('user', '/users/me', memberEmail);
    assert.deepEqual([me.city, me.bio, me.preferences.categories], ['Porto', 'Brass fan.', ['music']]);
    assert.ok(me.avatarMediaId !== null, 'the avatar was uploaded, confirmed and set');
    await check(member, 'profile-member');

    await member.goto(`${stack.baseUrl}/members/${memberId}`);
    await member.getByRole('heading', { level: 1, name: 'Rui Tide' }).waitFor();
    await member.locator('.member .avatar img').waitFor();
    await check(member, 'member-page');

    await member.goto(`${stack.baseUrl}/account/profile`);
    await member.getByRole('button', { name: 'Delete my account…' }).click();
    await member.getByLabel('Type DELETE to confirm').fill('DELETE');
    await member.getByRole('button', { name: 'Delete my account', exact: true }).click();
    await member.waitForURL((url) => url.origin === stack.baseUrl && url.pathname === '/', { timeout: 15_000 });
    await member.getByRole('link', { name: 'Sign in' }).waitFor();
    await member.goto(`${stack.baseUrl}/members/${memberId}`);
    await member.getByTestId('member-not-found').waitFor();
  });

  it('every new page has no serious or critical accessibility violation', () => {
    assert.ok(checked.length >= 9, `pages checked: ${checked.map((page) => page.name).join(', ')}`);
    assert.deepEqual(checked.filter((page) => page.violations.length > 0), []);
  });
});
