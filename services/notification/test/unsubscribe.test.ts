import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { EventData } from '@eventonight/contracts';
import { createVhost, deleteVhost, eventSnapshotData, freshDatabase, infra, mailpit, startTestIssuer, uniqueName, waitFor, type MailpitSummary, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { MailDocument } from '../src/domain/mail.js';
import { signUnsubscribeToken } from '../src/domain/unsubscribe-token.js';
import type { RunningNotificationService } from '../src/service.js';
import { call, startNotification, Upstream } from './helpers.js';

/**
 * ADR 0032 through the real Mailpit: the unsubscribe headers and link on the mails as received, the
 * one-click POST exactly as a mail client sends it (to the URL taken from the header), what it
 * stops and what it does not, forged and altered links, and the member's locale and time zone.
 */

const SECRET = 'unsubscribe-test-secret-0123456789';
const APP_URL = 'http://app.test';

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** What a mail client does with RFC 8058's headers: POST the form to the header's URL, nothing else. */
function oneClick(url: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
}

describe('notification: one-click unsubscribe and the member’s locale in mail', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningNotificationService;
  let upstream: Upstream;
  let apiUrl: string;
  const name = uniqueName('notification-unsub');

  before(async () => {
    // A virtual host of its own: a notification service of another test run on the shared test
    // host would also mail these addresses (without this branch's headers), and this one theirs.
    const amqpUrl = await createVhost(name);
    database = await freshDatabase('notification_unsubscribe');
    issuer = await startTestIssuer();
    // A fixed port, so the List-Unsubscribe URL in the mail is this very service (as the gateway's would be).
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    service = await startNotification({
      database: database.name,
      issuer,
      name,
      extra: { AMQP_URL: amqpUrl, PORT: String(port), SMTP_URL: infra.smtpUrl, MAIL_POLL_INTERVAL_MS: '200', APP_URL, MAIL_API_URL: apiUrl, MAIL_UNSUBSCRIBE_SECRET: SECRET },
    });
    upstream = await Upstream.open(amqpUrl);
  });
  after(async () => {
    await upstream?.close();
    await service?.close();
    await deleteVhost(name);
    await issuer?.close();
    await database?.dispose();
  });

  const mails = () => service.db.collection<MailDocument>('mails');

  async function member(): Promise<{ id: string; email: string; token: string }> {
    const id = `member-${randomUUID()}`;
    const email = `${uniqueName('unsub')}@mail.test`;
    upstream.publish(upstream.event('user.contact.changed', { userId: id, email }, id, 1));
    await waitFor(async () => ((await service.db.collection('contacts').countDocuments({ _id: id as never })) === 1 ? true : undefined), { what: 'the address kept' });
    return { id, email, token: await issuer.mint({ sub: id, roles: ['member'] }) };
  }

  async function going(memberId: string, eventId: string): Promise<void> {
    upstream.publish(upstream.event('interaction.participation.added', { eventId, userId: memberId, eventOwnerId: 'org-1' }, `p-${memberId}-${eventId}`, 1));
    await waitFor(async () => ((await service.db.collection('participants').countDocuments({ targetId: eventId, memberId, active: true })) === 1 ? true : undefined), { what: 'going' });
  }

  function moved(eventId: string, version: number) {
    const snapshot = eventSnapshotData(eventId, 'org-1', 'published');
    const previousStartsAt = new Date(Date.parse(snapshot.startsAt) - version * 86_400_000).toISOString();
    return upstream.event('event.updated', { ...snapshot, rescheduled: { previousStartsAt, previousEndsAt: snapshot.startsAt } }, eventId, version);
  }

  async function mailsTo(email: string, subject: RegExp, count = 1): Promise<MailpitSummary[]> {
    return waitFor(async () => {
      const found = (await mailpit.to(email)).filter((message) => subject.test(message.Subject));
      return found.length >= count ? found : undefined;
    }, { what: `${count} mail(s) ${subject}`, timeoutMs: 20_000 });
  }

  it('an event change mail carries List-Unsubscribe with One-Click and a visible stop link; a confirmation carries neither', async () => {
    const holder = await member();
    const eventId = uniqueName('ev-unsub');
    await going(holder.id, eventId);
    upstream.publish(moved(eventId, 5));
    const [change] = await mailsTo(holder.email, /has a new time/);
    assert.ok(change !== undefined);
    const headers = await mailpit.headers(change.ID);
    assert.deepEqual(headers['List-Unsubscribe-Post'], ['List-Unsubscribe=One-Click']);
    const listUnsubscribe = headers['List-Unsubscribe']?.[0] ?? '';
    const url = /^<(.+)>$/.exec(listUnsubscribe.replace(/\s+/g, ''))?.[1] ?? '';
    assert.ok(url.startsWith(`${apiUrl}/mail-unsubscribe?token=`), `List-Unsubscribe: ${listUnsubscribe}`);
    const token = new URL(url).searchParams.get('token') ?? '';
    const message = await mailpit.message(change.ID);
    const page = `${APP_URL}/unsubscribe?token=${token}`;
    assert.ok(message.HTML.includes(`href="${page}"`) && message.HTML.includes('>Stop these emails</a>'), 'the footer links to the web app’s page');
    assert.ok(message.Text.includes(`Stop these emails: ${page}`));

    const order: EventData<'ticketing.order.confirmed'> = {
      orderId: `ord-${randomUUID()}`,
      eventId,
      tierId: 'tier-1',
      buyerId: holder.id,
      quantity: 1,
      eventTitle: 'Jazz night',
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString(),
      tierName: 'Standard',
      tickets: [{ ticketId: `tkt-${randomUUID()}`, code: 'code-unsub' }],
      total: { amountMinor: 2_500, currency: 'eur' },
    };
    upstream.publish(upstream.event('ticketing.order.confirmed', order, order.orderId, 3));
    const [confirmation] = await mailsTo(holder.email, /^Your tickets for/);
    assert.ok(confirmation !== undefined);
    const confirmationHeaders = await mailpit.headers(confirmation.ID);
    assert.equal(confirmationHeaders['List-Unsubscribe'], undefined, 'a transactional mail cannot be stopped');
    assert.equal(confirmationHeaders['List-Unsubscribe-Post'], undefined);
    const confirmationBody = await mailpit.message(confirmation.ID);
    assert.ok(confirmationBody.HTML.includes(`href="${APP_URL}/notifications"`) && confirmationBody.HTML.includes('>Manage your mail</a>'));
    assert.ok(!confirmationBody.HTML.includes('/unsubscribe?'));
  });

  it('the one-click POST, with exactly what a mail client sends, stops that kind of mail only; the app still tells, other mails still come', async () => {
    const holder = await member();
    const eventId = uniqueName('ev-unsub');
    await going(holder.id, eventId);
    upstream.publish(moved(eventId, 5));
    const [first] = await mailsTo(holder.email, /has a new time/);
    assert.ok(first !== undefined);
    const url = /<(.+)>/.exec((await mailpit.headers(first.ID))['List-Unsubscribe']?.[0]?.replace(/\s+/g, '') ?? '')?.[1] ?? '';

    // Reading the link changes nothing (link scanners follow GETs).
    const looked = await fetch(url);
    assert.equal(looked.status, 200);
    assert.deepEqual(await looked.json(), { kind: 'event.changed', subscribed: true });
    const before = await call(service.url, 'GET', '/notification-preferences', { token: holder.token });
    assert.deepEqual((before.body['mail'] as { off: string[] }).off, []);

    const stopped = await oneClick(url);
    assert.equal(stopped.status, 200);
    assert.deepEqual(await stopped.json(), { kind: 'event.changed', subscribed: false });
    assert.equal((await oneClick(url)).status, 200, 'a second click is harmless');
    const after = await call(service.url, 'GET', '/notification-preferences', { token: holder.token });
    assert.deepEqual((after.body['mail'] as { off: string[] }).off, ['event.changed']);
    assert.deepEqual(after.body['muted'], [], 'the live alerts are untouched');

    // A second move: told in the app, not mailed. The cancellation after it is still mailed, and
    // the consumer handles them in order, so once it is queued the second move has been decided.
    upstream.publish(moved(eventId, 6));
    const cancelled = upstream.event('event.cancelled', { ...eventSnapshotData(eventId, 'org-1', 'cancelled'), reason: 'Storm' }, eventId, 7);
    upstream.publish(cancelled);
    await mailsTo(holder.email, /^Cancelled: /);
    assert.equal((await mailpit.to(holder.email)).filter((message) => /has a new time/.test(message.Subject)).length, 1, 'no second change mail');
    assert.equal(await mails().countDocuments({ recipientId: holder.id, kind: 'event.changed' }), 1);
    assert.equal(await service.db.collection('notifications').countDocuments({ recipientId: holder.id, type: 'event.changed' }), 2, 'both moves are in the app');
  });

  it('forged, altered or malformed links are refused and change nothing', async () => {
    const holder = await member();
    const eventId = uniqueName('ev-unsub');
    await going(holder.id, eventId);
    const real = signUnsubscribeToken(SECRET, { memberId: holder.id, kind: 'event.changed' });
    const [payload = '', signature = ''] = real.split('.');
    const other = Buffer.from(`event.changed\n${holder.id}x`).toString('base64url');
    const forged = [
      signUnsubscribeToken('local-unsubscribe-links-only', { memberId: holder.id, kind: 'event.changed' }), // the development secret
      `${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      `${other}.${signature}`,
      `${Buffer.from(`event.reminder\n${holder.id}`).toString('base64url')}.${signature}`,
    ];
    for (const token of forged) {
      for (const reply of [await oneClick(`${apiUrl}/mail-unsubscribe?token=${token}`), await fetch(`${apiUrl}/mail-unsubscribe?token=${token}`)]) {
        assert.equal(reply.status, 422, token);
        assert.match(reply.headers.get('content-type') ?? '', /application\/problem\+json/);
        assert.equal(((await reply.json()) as { type: string }).type, 'https://eventonight.dev/problems/unsubscribe-link-invalid');
      }
    }
    assert.equal((await oneClick(`${apiUrl}/mail-unsubscribe?token=not-a-token`)).status, 400);
    assert.equal((await oneClick(`${apiUrl}/mail-unsubscribe`)).status, 400);
    const asJson = await fetch(`${apiUrl}/mail-unsubscribe?token=${real}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"List-Unsubscribe":"One-Click"}' });
    assert.equal(asJson.status, 415, 'RFC 8058 is a form post');
    const noBody = await fetch(`${apiUrl}/mail-unsubscribe?token=${real}`, { method: 'POST' });
    assert.equal(noBody.status, 400);

    const preferences = await call(service.url, 'GET', '/notification-preferences', { token: holder.token });
    assert.deepEqual((preferences.body['mail'] as { off: string[] }).off, [], 'nothing was stopped');
    upstream.publish(moved(eventId, 5));
    await mailsTo(holder.email, /has a new time/);
  });

  it('an it-IT member in Asia/Tokyo reads dates and money their way; a member who chose nothing reads the platform’s', async () => {
    const tokyo = await member();
    const plain = await member();
    const refused = await call(service.url, 'PUT', '/notification-preferences/mail', { token: tokyo.token, body: { off: [], locale: 'it-IT', timeZone: 'Mars/Olympus_Mons' } });
    assert.equal(refused.status, 422, 'a zone of the right form that does not exist');
    assert.equal((await call(service.url, 'PUT', '/notification-preferences/mail', { token: tokyo.token, body: { off: [], locale: 'xx-XX', timeZone: null } })).status, 400);
    const saved = await call(service.url, 'PUT', '/notification-preferences/mail', { token: tokyo.token, body: { off: [], locale: 'it-IT', timeZone: 'Asia/Tokyo' } });
    assert.equal(saved.status, 200);
    assert.deepEqual([saved.body['locale'], saved.body['timeZone'], saved.body['defaults']], ['it-IT', 'Asia/Tokyo', { locale: 'en-GB', timeZone: 'Europe/Rome' }]);

    // Friday 5 March 2027, 11:30 UTC: 20:30 in Tokyo, 12:30 in Rome.
    const startsAt = '2027-03-05T11:30:00.000Z';
    for (const buyer of [tokyo, plain]) {
      const order: EventData<'ticketing.order.confirmed'> = {
        orderId: `ord-${randomUUID()}`,
        eventId: `evt-${randomUUID()}`,
        tierId: 'tier-1',
        buyerId: buyer.id,
        quantity: 1,
        eventTitle: 'Harbour Jazz Night',
        startsAt,
        endsAt: '2027-03-05T14:30:00.000Z',
        tierName: 'Standard',
        tickets: [{ ticketId: `tkt-${randomUUID()}`, code: `code-${buyer.id}` }],
        total: { amountMinor: 123_456_789, currency: 'eur' },
      };
      upstream.publish(upstream.event('ticketing.order.confirmed', order, order.orderId, 3));
    }
    const [theirs] = await mailsTo(tokyo.email, /^Your tickets for/);
    const [ours] = await mailsTo(plain.email, /^Your tickets for/);
    assert.ok(theirs !== undefined && ours !== undefined);
    const italian = await mailpit.message(theirs.ID);
    assert.match(italian.Subject, /ven 5 mar 2027, 20:30/);
    assert.match(italian.Text, /Paid: +1\.234\.567,89\s€/);
    assert.match(italian.HTML, /1\.234\.567,89\s€/);
    assert.doesNotMatch(italian.Text, /12:30/);
    const british = await mailpit.message(ours.ID);
    assert.match(british.Subject, /Fri,? 5 Mar 2027, 12:30/);
    assert.match(british.Text, /Paid: +€1,234,567\.89/);
  });

  it('a member who muted a kind before mail had switches keeps its mail stopped, and live alerts no longer decide mail', async () => {
    const old = await member();
    await service.db.collection('preferences').insertOne({ _id: old.id as never, muted: ['event.reminder', 'chat.message'], updatedAt: new Date() });
    const before = await call(service.url, 'GET', '/notification-preferences', { token: old.token });
    assert.deepEqual((before.body['mail'] as { off: string[] }).off, ['event.reminder']);
    await call(service.url, 'PUT', '/notification-preferences', { token: old.token, body: { muted: [] } });
    const after = await call(service.url, 'GET', '/notification-preferences', { token: old.token });
    assert.deepEqual([after.body['muted'], (after.body['mail'] as { off: string[] }).off], [[], ['event.reminder']]);
    await call(service.url, 'PUT', '/notification-preferences', { token: old.token, body: { muted: ['event.changed'] } });
    assert.deepEqual(((await call(service.url, 'GET', '/notification-preferences', { token: old.token })).body['mail'] as { off: string[] }).off, ['event.reminder']);
  });
});
