import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildEvent } from '@eventonight/contracts';
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
