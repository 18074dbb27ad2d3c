import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildEvent } from '@eventonight/contracts';
import { deleteServiceQueues, freshDatabase, infra, mailpit, startTestIssuer, uniqueName, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { RunningNotificationService } from '../src/service.js';
import { startNotification, Upstream } from './helpers.js';
import { forTicketTransfer, forWaitlistOffer } from '../src/domain/rules.js';
import { summaryOf } from '../src/domain/summary.js';
import { renderTicketTransferred, renderWaitlistOffer } from '../src/mail/waiting-list.js';

const reader = { format: { locale: 'en-GB' as const, timeZone: 'UTC' }, stop: null };
const links = { appUrl: 'https://app.test', apiUrl: 'https://app.test/api/notification' };

/** Issue 29: what the member hears of a waiting-list offer and of a ticket transfer. */
describe('notification: waiting-list offers and ticket transfers', () => {
  it('the offer goes to the member in line, in the app and by mail, with its deadline', () => {
    const event = buildEvent({
      type: 'ticketing.waitlist.offered',
      source: 'test',
      aggregateId: 'e1',
      aggregateVersion: 3,
      correlationId: 'c',
      data: { eventId: 'e1', tierId: 't1', userId: 'm1', entryId: 'wl_t1_1', quantity: 2, expiresAt: '2026-12-12T20:30:00.000Z', eventTitle: 'Night', tierName: 'Standard' },
    });
    const [draft] = forWaitlistOffer(event);
    assert.equal(draft?.recipientId, 'm1');
    assert.equal(draft?.type, 'waitlist.offered');
    assert.match(summaryOf('waitlist.offered', draft?.data ?? {}), /Your turn: 2 tickets for Night are held for you until 2026-12-12T20:30/);
    const mail = renderWaitlistOffer(event.data, { reader, links, now: new Date('2026-12-12T20:00:00Z') });
    assert.match(mail.subject, /Your turn: 2 tickets for Night held until/);
    assert.match(mail.text, /https:\/\/app\.test\/events\/e1/);
  });

  it('both ends of a transfer hear of it', () => {
    const event = buildEvent({
      type: 'ticketing.ticket.transferred',
      source: 'test',
      aggregateId: 'tk1',
      aggregateVersion: 2,
      correlationId: 'c',
      data: { ticketId: 'tk1', eventId: 'e1', tierId: 't1', fromId: 'a', toId: 'b', eventTitle: 'Night' },
    });
    const drafts = forTicketTransfer(event);
    assert.deepEqual(drafts.map((d) => [d.recipientId, d.data['direction']]), [['b', 'received'], ['a', 'given']]);
    assert.equal(summaryOf('ticket.transferred', drafts[0]?.data ?? {}), 'You received a ticket for Night.');
    assert.match(renderTicketTransferred(event.data, { reader, links }).subject, /changed hands/);
  });
});

describe('notification: a waiting-list offer through RabbitMQ and the real SMTP server', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningNotificationService;
  let upstream: Upstream;
  const name = uniqueName('notification-waitlist');

  before(async () => {
    database = await freshDatabase('notification_waitlist');
    issuer = await startTestIssuer();
    service = await startNotification({ database: database.name, issuer, name, extra: { SMTP_URL: infra.smtpUrl, MAIL_POLL_INTERVAL_MS: '200' } });
    upstream = await Upstream.open();
  });
  after(async () => {
    await upstream?.close();
    await service?.close();
    await deleteServiceQueues(name);
    await issuer?.close();
    await database?.dispose();
  });

  it('the member in line gets one notification and one mail, even when the offer is delivered twice', async () => {
    const member = { id: `member-${randomUUID()}`, email: `${uniqueName('waiter')}@mail.test` };
    upstream.publish(upstream.event('user.contact.changed', { userId: member.id, email: member.email }, member.id, 1));
    await waitFor(async () => ((await service.db.collection('contacts').countDocuments({ _id: member.id as never })) === 1 ? true : undefined), { what: 'the address kept' });
    const offer = upstream.event(
      'ticketing.waitlist.offered',
      { eventId: 'evt-1', tierId: 'tier-1', userId: member.id, entryId: 'wl_tier-1_1', quantity: 1, expiresAt: new Date(Date.now() + 1_800_000).toISOString(), eventTitle: 'Harbour Jazz Night', tierName: 'Standard' },
      'evt-1',
      7,
    );
    upstream.publish(offer);
    upstream.publish(offer);
    const [summary] = await waitFor(async () => ((await mailpit.to(member.email)).length > 0 ? mailpit.to(member.email) : undefined), { what: 'the offer in Mailpit', timeoutMs: 20_000 });
    assert.match(summary?.Subject ?? '', /^Your turn: 1 ticket for Harbour Jazz Night held until/);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal((await mailpit.to(member.email)).length, 1, 'a redelivered offer is not mailed again');
    const stored = await service.db.collection('notifications').find({ recipientId: member.id }).toArray();
    assert.deepEqual(stored.map((n) => n['type']), ['waitlist.offered']);
  });
});
