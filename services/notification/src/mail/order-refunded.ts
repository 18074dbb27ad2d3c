import type { EventData } from '@eventonight/contracts';
import type { RenderedMail } from '../domain/mail.js';
import { money, type MailFormat } from './format.js';
import type { MailLinks } from './order-confirmation.js';
import { button, escapeHtml, facts, heading, layout, paragraph } from './layout.js';

/** The buyer's money is on its way back; the tickets of the order no longer get in. */
export function renderOrderRefunded(refund: EventData<'ticketing.order.refunded'>, context: { format: MailFormat; links: MailLinks }): RenderedMail {
  const orderUrl = `${context.links.appUrl}/orders/${encodeURIComponent(refund.orderId)}`;
  const amount = money(refund.refunded.amountMinor, refund.refunded.currency, context.format);
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
    footer: `You receive this because you bought tickets on EventoNight. <a href="${escapeHtml(orderUrl)}" style="color:#57546b">Your order</a>`,
  });
  const text = [
    'Your order was refunded',
    '',
    `We refunded your order of ${count}. The money goes back to the card you paid with; banks usually show it within 5 to 10 days.`,
    `Refunded: ${amount}`,
    `Order:    ${refund.orderId}`,
    '',
    'The tickets of this order no longer get in at the door.',
    `Your order: ${orderUrl}`,
  ].join('\n');
  return { subject: `Refunded: ${amount} for your order of ${count}`, text, html, attachments: [] };
}
