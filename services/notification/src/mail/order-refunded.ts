import type { EventData } from '@eventonight/contracts';
import type { RenderedMail } from '../domain/mail.js';
import { money } from './format.js';
import { settingsUrl, type MailLinks, type MailReader } from './links.js';
import { button, facts, footerHtml, footerText, heading, layout, paragraph, type MailFooter } from './layout.js';

/** The buyer's money is on its way back; the tickets of the order no longer get in. */
export function renderOrderRefunded(refund: EventData<'ticketing.order.refunded'>, context: { reader: MailReader; links: MailLinks }): RenderedMail {
  const orderUrl = `${context.links.appUrl}/orders/${encodeURIComponent(refund.orderId)}`;
  const amount = money(refund.refunded.amountMinor, refund.refunded.currency, context.reader.format);
  // Transactional (their money): always sent; the settings link is there all the same.
  const end: MailFooter = { reason: 'You receive this because you bought tickets on EventoNight.', links: [['Your order', orderUrl], ['Manage your mail', settingsUrl(context.links)]] };
  const count = `${refund.quantity} ticket${refund.quantity === 1 ? '' : 's'}`;
  const html = layout({
    title: 'Your order was refunded',
    preheader: `${amount} goes back to you.`,
    body:
      heading('Your order was refunded') +
      paragraph(`We refunded your order of ${count}. The money goes back to the card you paid with; banks usually show it within 5 to 10 days.`) +
      facts([
        ['Refunded', amount],
        ['Order', refund.orderId],
      ]) +
      paragraph('The tickets of this order no longer get in at the door.') +
      button('See the order', orderUrl),
    footer: footerHtml(end),
  });
  const text = [
    'Your order was refunded',
    '',
    `We refunded your order of ${count}. The money goes back to the card you paid with; banks usually show it within 5 to 10 days.`,
    `Refunded: ${amount}`,
    `Order:    ${refund.orderId}`,
    '',
    'The tickets of this order no longer get in at the door.',
    ...footerText(end),
  ].join('\n');
  return { subject: `Refunded: ${amount} for your order of ${count}`, text, html, attachments: [] };
}
