import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import type jsQRType from 'jsqr';
import { PNG } from 'pngjs';
import type { EventData } from '@eventonight/contracts';
import { deleteServiceQueues, eventSnapshotData, freshDatabase, infra, infraCtl, mailpit, startTestIssuer, uniqueName, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { MailDocument } from '../src/domain/mail.js';
import type { RunningNotificationService } from '../src/service.js';
import { startNotification, Upstream } from './helpers.js';

/**
 * Issue 27: mail through the real Mailpit (SMTP in, API out). Each test writes to addresses of
 * its own, so it reads only its mails among everything the local Mailpit keeps.
 */

// jsqr is CommonJS whose typings declare an ES default export: load it the CommonJS way.
const jsQR = createRequire(import.meta.url)('jsqr') as typeof jsQRType.default;

function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** An order confirmation as ticketing publishes it, for an evening in three days (whole minutes, as events are). */
function confirmation(buyerId: string, codes: readonly string[], startsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 3 * 86_400_000)): EventData<'ticketing.order.confirmed'> {
  return {
    orderId: `ord-${randomUUID()}`,
    eventId: `evt-${randomUUID()}`,
    tierId: 'tier-1',
    buyerId,
    quantity: codes.length,
    eventTitle: 'Harbour Jazz Night',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
    tierName: 'Standard',
    tickets: codes.map((code) => ({ ticketId: `tkt-${randomUUID()}`, code })),
    total: { amountMinor: 2_500 * codes.length, currency: 'eur' },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('notification: mail through the real SMTP server', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningNotificationService;
  let upstream: Upstream;
  const name = uniqueName('notification-mail');

  before(async () => {
    database = await freshDatabase('notification_mail');
    issuer = await startTestIssuer();
    service = await startNotification({ database: database.name, issuer, name, extra: { SMTP_URL: infra.smtpUrl, MAIL_POLL_INTERVAL_MS: '200' } });
    upstream = await Upstream.open();
  });
  after(async () => {
    await infraCtl('start', 'mailpit');
    await upstream?.close();
    await service?.close();
    await deleteServiceQueues(name);
    await issuer?.close();
    await database?.dispose();
  });

  const mails = () => service.db.collection<MailDocument>('mails');

  async function memberWithAddress(): Promise<{ id: string; email: string }> {
    const member = { id: `member-${randomUUID()}`, email: `${uniqueName('buyer')}@mail.test` };
    upstream.publish(upstream.event('user.contact.changed', { userId: member.id, email: member.email }, member.id, 1));
    await waitFor(async () => ((await service.db.collection('contacts').countDocuments({ _id: member.id as never })) === 1 ? true : undefined), { what: 'the address kept' });
    return member;
  }

  it('an order confirmation reaches the buyer once: both bodies, a QR code per ticket that decodes to its door code, a calendar file that parses', async () => {
    const buyer = await memberWithAddress();
    const order = {
      ...confirmation(buyer.id, ['code-one_AAAA', 'code-two_BBBB']),
      venue: { name: 'Molo 7', address: 'Via del Porto 7', city: 'Genova' },
      eventVersion: 4,
    };
    const event = upstream.event('ticketing.order.confirmed', order, order.orderId, 3);
    upstream.publish(event);
    upstream.publish(event);
    const [summary] = await waitFor(async () => ((await mailpit.to(buyer.email)).length > 0 ? mailpit.to(buyer.email) : undefined), { what: 'the mail in Mailpit', timeoutMs: 20_000 });
    assert.ok(summary !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal((await mailpit.to(buyer.email)).length, 1, 'a redelivered confirmation is not sent again');

    const message = await mailpit.message(summary.ID);
    assert.match(message.Subject, /^Your tickets for Harbour Jazz Night — /);
    assert.match(message.Text, /Your payment went through and your tickets are ready/);
    assert.match(message.Text, new RegExp(`/orders/${order.orderId}`));
    assert.match(message.Text, /Where: +Molo 7, Via del Porto 7, Genova/);
    assert.match(message.HTML, /You’re going to Harbour Jazz Night/);
    const images = message.Inline.filter((part) => part.ContentType === 'image/png');
    assert.equal(images.length, 2, 'one QR code per ticket, shown inline');
    const decoded = await Promise.all(images.map(async (part) => decodeQr(await mailpit.part(message.ID, part.PartID))));
    assert.deepEqual(decoded.sort(), ['code-one_AAAA', 'code-two_BBBB']);

    const calendar = message.Attachments.find((part) => part.FileName === 'event.ics');
    assert.ok(calendar !== undefined, 'the calendar file is attached');
    const parsed = new ICAL.Component(ICAL.parse((await mailpit.part(message.ID, calendar.PartID)).toString('utf8')));
    const vevent = parsed.getFirstSubcomponent('vevent');
    assert.ok(vevent !== null);
    const entry = new ICAL.Event(vevent);
    assert.equal(entry.summary, 'Harbour Jazz Night');
    assert.equal(entry.startDate.toJSDate().toISOString(), order.startsAt);
    assert.equal(entry.endDate.toJSDate().toISOString(), order.endsAt);
    assert.equal(entry.uid, `${order.eventId}@eventonight`);
    assert.equal(entry.location, 'Molo 7, Via del Porto 7, Genova', 'the venue, from the confirmation');
    assert.equal(entry.sequence, 4, "the event's version ticketing sold it at");

    // Sent: the queue keeps that it was sent, not the address, the body or the codes.
    const stored = await mails().findOne({ recipientId: buyer.id });
    assert.equal(stored?.status, 'sent');
    assert.deepEqual([stored?.to, stored?.html, stored?.text, stored?.attachments], [null, null, null, []]);
  });

  it('a confirmation link goes to the address it confirms (not yet a known contact), once, and opens the app’s page', async () => {
    const userId = `member-${randomUUID()}`;
    const email = `${uniqueName('new-address')}@mail.test`;
    const token = randomBytes(32).toString('base64url');
    const request = { userId, email, token, reason: 'change' as const, expiresAt: new Date(Date.now() + 86_400_000).toISOString() };
    const event = upstream.event('user.email.verification.requested', request, userId, 2);
    upstream.publish(event);
    upstream.publish(event);
    const [summary] = await waitFor(async () => ((await mailpit.to(email)).length > 0 ? mailpit.to(email) : undefined), { what: 'the link in Mailpit', timeoutMs: 20_000 });
    assert.ok(summary !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal((await mailpit.to(email)).length, 1, 'a redelivered request is not mailed again');
    const message = await mailpit.message(summary.ID);
    assert.equal(message.Subject, 'Confirm your new email address');
    assert.ok(message.Text.includes(`/account/confirm-email?token=${token}`), 'the plain text carries the link');
    assert.ok(message.HTML.includes(`/account/confirm-email?token=${token}`), 'so does the button');
    const stored = await mails().findOne({ recipientId: userId });
    assert.equal(stored?.kind, 'email.confirmation');
    assert.deepEqual([stored?.status, stored?.to, stored?.text], ['sent', null, null], 'the link is dropped once sent');
  });

  it('a member with no address known here gets no mail, and nothing is queued for them', async () => {
    const order = confirmation(`member-${randomUUID()}`, ['code-x']);
    const event = upstream.event('ticketing.order.confirmed', order, order.orderId, 3);
    upstream.publish(event);
    // A confirmation published after it, for someone with an address, is mailed; by then the first
    // (delivered before it to the same consumer) has long been handled.
    const buyer = await memberWithAddress();
    const next = confirmation(buyer.id, ['code-y']);
    upstream.publish(upstream.event('ticketing.order.confirmed', next, next.orderId, 3));
    await waitFor(async () => ((await mailpit.to(buyer.email)).length === 1 ? true : undefined), { what: 'the second mail', timeoutMs: 20_000 });
    assert.equal(await mails().countDocuments({ recipientId: order.buyerId }), 0);
  });

  it('the mail server stops while 100 confirmations arrive: all 100 arrive once after it returns', async () => {
    const buyer = await memberWithAddress();
    await infraCtl('stop', 'mailpit');
    const orders = Array.from({ length: 100 }, (_, i) => confirmation(buyer.id, [`outage-${i}`]));
    for (const order of orders) upstream.publish(upstream.event('ticketing.order.confirmed', order, order.orderId, 3));
    await waitFor(async () => ((await mails().countDocuments({ recipientId: buyer.id })) === 100 ? true : undefined), { what: '100 mails queued', timeoutMs: 60_000 });
    // The sender has tried meanwhile (it runs every 200 ms) and found no server: nothing is lost.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(await mails().countDocuments({ recipientId: buyer.id, status: { $in: ['sent', 'dead'] } }), 0);
    await infraCtl('start', 'mailpit');
    await waitFor(async () => ((await mails().countDocuments({ recipientId: buyer.id, status: 'sent' })) === 100 ? true : undefined), { what: 'all 100 sent', timeoutMs: 120_000 });
    const arrived = await mailpit.to(buyer.email);
    assert.equal(arrived.length, 100, 'each once');
    assert.equal(new Set(arrived.map((message) => message.MessageID)).size, 100);
    assert.equal(await mails().countDocuments({ recipientId: buyer.id, attempts: { $gt: 0 } }), 0, 'an unreachable server uses up no attempt');
  });

  it('an event moved in time mails everyone going (once, with the calendar entry updated); a muted member gets none', async () => {
    const holder = await memberWithAddress();
    const quiet = await memberWithAddress();
    const eventId = uniqueName('ev-mail');
    for (const member of [holder, quiet]) {
      upstream.publish(upstream.event('interaction.participation.added', { eventId, userId: member.id, eventOwnerId: 'org-1' }, `p-${member.id}`, 1));
    }
    await service.db.collection('preferences').insertOne({ _id: quiet.id as never, muted: ['event.changed'], updatedAt: new Date() });
    await waitFor(async () => ((await service.db.collection('participants').countDocuments({ targetId: eventId, active: true })) === 2 ? true : undefined), { what: 'both going' });
    const snapshot = eventSnapshotData(eventId, 'org-1', 'published');
    const moved = upstream.event(
      'event.updated',
      { ...snapshot, rescheduled: { previousStartsAt: new Date(Date.parse(snapshot.startsAt) - 86_400_000).toISOString(), previousEndsAt: snapshot.startsAt } },
      eventId,
      5,
    );
    upstream.publish(moved);
    upstream.publish(moved);
    const [summary] = await waitFor(async () => ((await mailpit.to(holder.email)).length > 0 ? mailpit.to(holder.email) : undefined), { what: 'the change mail', timeoutMs: 20_000 });
    assert.ok(summary !== undefined);
    const message = await mailpit.message(summary.ID);
    assert.match(message.Subject, /^Jazz night has a new time: /);
    assert.match(message.Text, /When: .* \(was .*\)/);
    const calendar = message.Attachments.find((part) => part.FileName === 'event.ics');
    assert.ok(calendar !== undefined);
    const vevent = new ICAL.Component(ICAL.parse((await mailpit.part(message.ID, calendar.PartID)).toString('utf8'))).getFirstSubcomponent('vevent');
    assert.equal(vevent?.getFirstPropertyValue('sequence'), 5, 'a later version replaces the entry in calendars');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal((await mailpit.to(holder.email)).length, 1);
    assert.equal((await mailpit.to(quiet.email)).length, 0, 'muting "New time or place" mutes its mail too');
  });

  it('a mail the server refuses for good is dead-lettered with a line to alert on; the address and body go', async () => {
    // A second Mailpit (the same binary as infra/) that accepts only one recipient: a real 5xx.
    const smtpPort = await freePort();
    const httpPort = await freePort();
    const refusing: ChildProcess = spawn(
      `${process.env['EN_BIN'] ?? `${process.env['HOME']}/.cache/eventonight/bin`}/mailpit`,
      ['--smtp', `127.0.0.1:${smtpPort}`, '--listen', `127.0.0.1:${httpPort}`, '--smtp-allowed-recipients', '^allowed@mail\\.test$', '--disable-version-check'],
      { stdio: 'ignore' },
    );
    const otherName = uniqueName('notification-refused');
    const otherDb = await freshDatabase('notification_refused');
    let other: RunningNotificationService | undefined;
    try {
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${httpPort}/readyz`).catch(() => null))?.ok === true ? true : undefined), { what: 'the refusing Mailpit' });
      other = await startNotification({ database: otherDb.name, issuer, name: otherName, extra: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_POLL_INTERVAL_MS: '200' } });
      const buyerId = `member-${randomUUID()}`;
      upstream.publish(upstream.event('user.contact.changed', { userId: buyerId, email: 'refused@mail.test' }, buyerId, 1));
      await waitFor(async () => ((await other?.db.collection('contacts').countDocuments({ _id: buyerId as never })) === 1 ? true : undefined), { what: 'the address kept' });
      const order = confirmation(buyerId, ['code-refused']);
      upstream.publish(upstream.event('ticketing.order.confirmed', order, order.orderId, 3));
      const otherMails = other.db.collection<MailDocument>('mails');
      const dead = await waitFor(async () => {
        const found = await otherMails.findOne({ recipientId: buyerId });
        return found?.status === 'dead' ? found : undefined;
      }, { what: 'the mail dead-lettered', timeoutMs: 30_000 });
      assert.equal(dead.attempts, 1, 'a 5xx is not tried again');
      assert.match(dead.lastError ?? '', /5\d\d/);
      assert.deepEqual([dead.to, dead.html, dead.attachments], [null, null, []]);
    } finally {
      await other?.close();
      await deleteServiceQueues(otherName);
      await otherDb.dispose();
      refusing.kill();
    }
  });
});
