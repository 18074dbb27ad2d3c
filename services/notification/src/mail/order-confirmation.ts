import type { EventData } from '@eventonight/contracts';
import QRCode from 'qrcode';
import type { MailAttachment, RenderedMail } from '../domain/mail.js';
import { eventCalendarUid, placeLine } from '@eventonight/platform';
import { calendarAttachment } from './ics.js';
import { dateTime, money } from './format.js';
import { settingsUrl, type MailLinks, type MailReader } from './links.js';
import { button, facts, footerHtml, footerText, heading, layout, paragraph, type MailFooter } from './layout.js';

/**
 * The buyer's confirmation: what they bought, for when, each ticket's QR code (the door code, as
 * the web app's "My tickets" shows it) inline and attached, and the evening as a calendar file.
 */
export async function renderOrderConfirmation(
  order: EventData<'ticketing.order.confirmed'>,
  context: { reader: MailReader; links: MailLinks; now: Date },
): Promise<RenderedMail> {
  const { links } = context;
  const { format } = context.reader;
  const eventUrl = `${links.appUrl}/events/${encodeURIComponent(order.eventId)}`;
  const orderUrl = `${links.appUrl}/orders/${encodeURIComponent(order.orderId)}`;
  const when = dateTime(order.startsAt, format);
  const total = money(order.total.amountMinor, order.total.currency, format);
  const count = `${order.tickets.length} ticket${order.tickets.length === 1 ? '' : 's'}`;
  const tier = order.tierName === '' ? count : `${count} · ${order.tierName}`;

  const qrImages: MailAttachment[] = await Promise.all(
    order.tickets.map(async (ticket, index) => ({
      filename: `ticket-${index + 1}.png`,
      contentType: 'image/png',
      contentBase64: (await QRCode.toBuffer(ticket.code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 240 })).toString('base64'),
      contentId: `ticket-${index + 1}@eventonight`,
    })),
  );
  const where = order.venue === undefined ? null : placeLine(order.venue);
  const calendar = calendarAttachment(
    {
      uid: eventCalendarUid(order.eventId),
      title: order.eventTitle,
      startsAt: new Date(order.startsAt),
      endsAt: new Date(order.endsAt),
      location: where,
      description: `Your ${count} for ${order.eventTitle}. Show the QR codes at the door: ${orderUrl}`,
      url: eventUrl,
      // The event's version as ticketing last saw it: a calendar holding a later entry keeps that one.
      sequence: order.eventVersion ?? 0,
      status: 'CONFIRMED',
    },
    { stampedAt: context.now },
  );

  // Transactional: always sent, so no "stop" link; the settings are one click away all the same.
  const end: MailFooter = { reason: 'You receive this because you bought tickets on EventoNight.', links: [['Event page', eventUrl], ['Manage your mail', settingsUrl(links)]] };
  const ticketBlocks = order.tickets
    .map(
      (_ticket, index) =>
        `<div style="display:inline-block;margin:0 12px 12px 0;text-align:center"><img src="cid:ticket-${index + 1}@eventonight" width="160" height="160" alt="QR code of ticket ${index + 1}" style="display:block;border:1px solid #e3e1ee;border-radius:8px"><span style="font-size:13px;color:#57546b">Ticket ${index + 1}</span></div>`,
    )
    .join('');
  const html = layout({
    title: `Your tickets for ${order.eventTitle}`,
    preheader: `${count} for ${when}. Show the QR codes at the door.`,
    body:
      heading(`You’re going to ${order.eventTitle}`) +
      paragraph('Your payment went through and your tickets are ready. Show a QR code at the door; each lets one person in once.') +
      facts([
        ['When', when],
        ...(where === null ? [] : [['Where', where] as const]),
        ['Tickets', tier],
        ['Paid', total],
        ['Order', order.orderId],
      ]) +
      `<div>${ticketBlocks}</div>` +
      button('See my tickets', orderUrl) +
      paragraph('The attached calendar file adds the evening to your calendar.', { muted: true }),
    footer: footerHtml(end),
  });
  const text = [
    `You’re going to ${order.eventTitle}`,
    '',
    'Your payment went through and your tickets are ready. Show a QR code at the door; each lets one person in once.',
    '',
    `When:    ${when}`,
    ...(where === null ? [] : [`Where:   ${where}`]),
    `Tickets: ${tier}`,
    `Paid:    ${total}`,
    `Order:   ${order.orderId}`,
    '',
    `Your tickets and their QR codes: ${orderUrl}`,
    `The event: ${eventUrl}`,
    '',
    'The QR codes are attached as images, and the evening as a calendar file.',
    ...footerText(end),
  ].join('\n');
  return {
    subject: `Your tickets for ${order.eventTitle} — ${when}`,
    text,
    html,
    attachments: [
      ...qrImages,
      calendar,
    ],
  };
}
