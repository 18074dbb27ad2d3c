import type { EventData } from '@eventonight/contracts';
import type { RenderedMail } from '../domain/mail.js';
import type { MailLinks } from './links.js';
import { button, heading, layout, paragraph } from './layout.js';

/**
 * The link that confirms an address: the first one after sign-up, or the one a member moves to.
 * It opens the web app's confirmation page, which confirms without asking to sign in.
 */
export function renderEmailConfirmation(request: EventData<'user.email.verification.requested'>, context: { links: MailLinks }): RenderedMail {
  const url = `${context.links.appUrl}/account/confirm-email?token=${encodeURIComponent(request.token)}`;
  const signUp = request.reason === 'sign-up';
  const title = signUp ? 'Confirm your email address' : 'Confirm your new email address';
  const why = signUp
    ? 'Welcome to EventoNight! Confirm that this address is yours, and you can buy tickets.'
    : `You asked to use ${request.email} for your EventoNight account. Confirm it, and it becomes the address you sign in with and get your tickets at.`;
  const html = layout({
    title,
    preheader: 'One click, and it is done.',
    body:
      heading(title) +
      paragraph(why) +
      button('Confirm my address', url) +
      paragraph('The link works for 24 hours, once. If you did not ask for this, ignore this mail: nothing changes.', { muted: true }),
    footer: 'You receive this because someone entered this address on EventoNight.',
  });
  const text = [title, '', why, '', `Confirm: ${url}`, '', 'The link works for 24 hours, once. If you did not ask for this, ignore this mail: nothing changes.'].join('\n');
  return { subject: title, text, html, attachments: [] };
}
