import type { EventData } from '@eventonight/contracts';
import type { RenderedMail } from '../domain/mail.js';
import { dateTime } from './format.js';
import { settingsUrl, type MailLinks, type MailReader } from './links.js';
import { button, facts, footerHtml, footerText, heading, layout, paragraph, type MailFooter } from './layout.js';

/** Issue 29 (ADR 0039): a waiting-list offer and a ticket transfer. Transactional: always sent. */

export function renderWaitlistOffer(
  offer: EventData<'ticketing.waitlist.offered'>,
  context: { reader: MailReader; links: MailLinks; now: Date },
): RenderedMail {
  const eventUrl = `${context.links.appUrl}/events/${encodeURIComponent(offer.eventId)}`;
  const until = dateTime(offer.expiresAt, context.reader.format);
  const count = `${offer.quantity} ticket${offer.quantity === 1 ? '' : 's'}`;
  const end: MailFooter = { reason: 'You receive this because you joined a waiting list on EventoNight.', links: [['The event', eventUrl], ['Manage your mail', settingsUrl(context.links)]] };
  const lead = `${count} of “${offer.tierName}” for ${offer.eventTitle} are held for you until ${until}. After that they go to the next person in line.`;
  const html = layout({
    title: 'Your turn: tickets are held for you',
    preheader: `Held until ${until}.`,
    body: heading('Your turn on the waiting list') + paragraph(lead) + facts([['Event', offer.eventTitle], ['Tier', offer.tierName], ['Held until', until]]) + button('Buy them now', eventUrl),
    footer: footerHtml(end),
  });
  const text = ['Your turn on the waiting list', '', lead, '', `Buy them: ${eventUrl}`, ...footerText(end)].join('\n');
  return { subject: `Your turn: ${count} for ${offer.eventTitle} held until ${until}`, text, html, attachments: [] };
}

export function renderTicketTransferred(
  transfer: EventData<'ticketing.ticket.transferred'>,
  context: { reader: MailReader; links: MailLinks },
): RenderedMail {
  const ticketsUrl = `${context.links.appUrl}/tickets`;
  const end: MailFooter = { reason: 'You receive this because a ticket on EventoNight changed hands.', links: [['Your tickets', ticketsUrl], ['Manage your mail', settingsUrl(context.links)]] };
  const lead =
    `A ticket for ${transfer.eventTitle} was given from one member to another. ` +
    'If it is now yours, its new code is on your tickets page; if you gave it, your old code no longer gets in.';
  const html = layout({
    title: 'A ticket changed hands',
    preheader: transfer.eventTitle,
    body: heading('A ticket changed hands') + paragraph(lead) + button('See your tickets', ticketsUrl),
    footer: footerHtml(end),
  });
  const text = ['A ticket changed hands', '', lead, '', `Your tickets: ${ticketsUrl}`, ...footerText(end)].join('\n');
  return { subject: `A ticket for ${transfer.eventTitle} changed hands`, text, html, attachments: [] };
}
