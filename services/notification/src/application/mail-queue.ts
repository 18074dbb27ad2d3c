import type { EventData } from '@eventonight/contracts';
import type { ErasureLedger, Logger } from '@eventonight/platform';
import { newMail, type MailDocument, type MailKind, type RenderedMail } from '../domain/mail.js';
import { isOptionalMailKind, mailFormatFor, NO_MAIL_SETTINGS, wantsMail } from '../domain/mail-preferences.js';
import { renderEventCancelled, renderEventChange, renderEventReminder, type ReminderFacts } from '../mail/event-news.js';
import type { MailFormat } from '../mail/format.js';
import { stopLinks, type MailLinks, type MailReader } from '../mail/links.js';
import { renderOrderConfirmation } from '../mail/order-confirmation.js';
import { renderOrderRefunded } from '../mail/order-refunded.js';
import { renderEmailConfirmation } from '../mail/email-confirmation.js';
import { renderTicketTransferred, renderWaitlistOffer } from '../mail/waiting-list.js';
import type { AudienceRepository } from '../persistence/audience.js';
import type { ContactRepository } from '../persistence/contacts.js';
import type { MailRepository } from '../persistence/mails.js';
import type { PreferencesRepository } from '../persistence/preferences.js';
import type { Clock } from './ports.js';
import type { SourceEvent } from './deliver.js';

export interface MailQueueDeps {
  mails: MailRepository;
  contacts: ContactRepository;
  preferences: PreferencesRepository;
  participants: AudienceRepository;
  ledger: ErasureLedger;
  /** The platform's locale and zone: for members who chose none. */
  format: MailFormat;
  links: MailLinks;
  /** Signs the one-click unsubscribe links (MAIL_UNSUBSCRIBE_SECRET). */
  unsubscribeSecret: string;
  clock: Clock;
  /** Tells the sender that mail is waiting (it polls as well). */
  wakeSender: () => void;
  fanOutBatchSize: number;
  logger: Logger;
}

/**
 * Mail is queued by the consumer of the event that causes it, in the service's database: the
 * broker's delivery is acknowledged only after the mail is stored, and the sender works from the
 * store, so a mail server outage delays mail and loses none. One mail per (event, recipient,
 * kind): a redelivery stores nothing new.
 */
async function queue(deps: MailQueueDeps, mails: MailDocument[]): Promise<number> {
  const stored = await deps.mails.insertOnce(mails);
  if (stored > 0) deps.wakeSender();
  return stored;
}

/** Why a member gets no mail: said once per skipped recipient in the log, never silently. */
type Skip = 'erased' | 'no-address' | 'stopped';

interface Recipient {
  memberId: string;
  to: string;
  reader: MailReader;
}

/**
 * Who among `memberIds` gets this kind of mail, each with how it is written for them: their
 * locale and zone as stored now (mail is rendered when queued), and for an optional kind their
 * own link to stop it.
 */
async function recipientsOf(deps: MailQueueDeps, memberIds: readonly string[], kind: MailKind): Promise<{ recipients: Recipient[]; skipped: Map<string, Skip> }> {
  const skipped = new Map<string, Skip>();
  const erased = await deps.ledger.erasedAmong(memberIds);
  for (const id of erased) skipped.set(id, 'erased');
  const settings = await deps.preferences.mailSettingsAmong(memberIds.filter((id) => !skipped.has(id)));
  for (const id of memberIds) if (!skipped.has(id) && !wantsMail(settings.get(id) ?? NO_MAIL_SETTINGS, kind)) skipped.set(id, 'stopped');
  const addresses = await deps.contacts.addressesOf(memberIds.filter((id) => !skipped.has(id)));
  const recipients: Recipient[] = [];
  for (const memberId of memberIds) {
    if (skipped.has(memberId)) continue;
    const to = addresses.get(memberId);
    if (to === undefined) {
      skipped.set(memberId, 'no-address');
      continue;
    }
    const chosen = settings.get(memberId) ?? NO_MAIL_SETTINGS;
    const stop = isOptionalMailKind(kind) ? stopLinks(deps.links, deps.unsubscribeSecret, memberId, kind) : null;
    recipients.push({ memberId, to, reader: { format: mailFormatFor(chosen, deps.format), stop } });
  }
  return { recipients, skipped };
}

type Render = (reader: MailReader) => RenderedMail | Promise<RenderedMail>;

async function queueFor(deps: MailQueueDeps, memberIds: readonly string[], input: { kind: MailKind; render: Render; source: SourceEvent }): Promise<number> {
  const { recipients, skipped } = await recipientsOf(deps, memberIds, input.kind);
  if (skipped.size > 0) deps.logger.debug({ kind: input.kind, skipped: Object.fromEntries(skipped) }, 'mail not queued for some recipients');
  const now = deps.clock();
  const mails: MailDocument[] = [];
  // One rendering per recipient: the dates, the money and the stop link are theirs.
  for (const { memberId, to, reader } of recipients) {
    mails.push(
      newMail({
        recipientId: memberId,
        kind: input.kind,
        sourceEventId: input.source.id,
        to,
        rendered: await input.render(reader),
        listUnsubscribe: reader.stop?.oneClickUrl ?? null,
        now,
      }),
    );
  }
  return queue(deps, mails);
}

/** The buyer's confirmation with their tickets: transactional, so sent whatever the member stopped. */
export async function queueOrderConfirmation(deps: MailQueueDeps, order: EventData<'ticketing.order.confirmed'>, source: SourceEvent): Promise<number> {
  const now = deps.clock();
  return queueFor(deps, [order.buyerId], { kind: 'order.confirmation', render: (reader) => renderOrderConfirmation(order, { reader, links: deps.links, now }), source });
}

/** The buyer's refund: transactional too (it is about their money). */
export async function queueOrderRefunded(deps: MailQueueDeps, refund: EventData<'ticketing.order.refunded'>, source: SourceEvent): Promise<number> {
  return queueFor(deps, [refund.buyerId], { kind: 'order.refunded', render: (reader) => renderOrderRefunded(refund, { reader, links: deps.links }), source });
}

/** A waiting-list offer (ADR 0039): transactional, the seats are held for them for a short time only. */
export async function queueWaitlistOffer(deps: MailQueueDeps, offer: EventData<'ticketing.waitlist.offered'>, source: SourceEvent): Promise<number> {
  const now = deps.clock();
  return queueFor(deps, [offer.userId], { kind: 'waitlist.offered', render: (reader) => renderWaitlistOffer(offer, { reader, links: deps.links, now }), source });
}

/** A ticket given from one member to another: both hear it (the recipient's is their ticket). */
export async function queueTicketTransferred(deps: MailQueueDeps, transfer: EventData<'ticketing.ticket.transferred'>, source: SourceEvent): Promise<number> {
  return queueFor(deps, [transfer.fromId, transfer.toId], {
    kind: 'ticket.transferred',
    render: (reader) => renderTicketTransferred(transfer, { reader, links: deps.links }),
    source,
  });
}

/** Everyone going, in batches as the in-app fan-out reads them. */
async function queueForParticipants(deps: MailQueueDeps, eventId: string, input: { kind: MailKind; render: Render; source: SourceEvent }): Promise<number> {
  let stored = 0;
  for await (const batch of deps.participants.memberBatches(eventId, deps.fanOutBatchSize)) {
    stored += await queueFor(deps, batch, input);
  }
  return stored;
}

/**
 * A published event moved in time or place: called for the event.updated that the in-app rule
 * (`eventChangeData`) found to be such a move, so the two never disagree on what counts. Mail
 * follows the member's mail switch for this kind, not their live alert (ADR 0032).
 */
export async function queueEventChange(deps: MailQueueDeps, event: EventData<'event.updated'>, source: SourceEvent & { version: number }): Promise<number> {
  const now = deps.clock();
  const render = (reader: MailReader) => renderEventChange(event, { reader, links: deps.links, now, version: source.version });
  return queueForParticipants(deps, event.eventId, { kind: 'event.changed', render, source });
}

export async function queueEventCancelled(deps: MailQueueDeps, event: EventData<'event.cancelled'>, source: SourceEvent & { version: number }): Promise<number> {
  const now = deps.clock();
  const render = (reader: MailReader) => renderEventCancelled(event, { reader, links: deps.links, now, version: source.version });
  return queueForParticipants(deps, event.eventId, { kind: 'event.cancelled', render, source });
}

/** Tomorrow's event, to everyone going who did not stop reminder mails. */
export async function queueEventReminder(deps: MailQueueDeps, event: ReminderFacts, source: SourceEvent): Promise<number> {
  return queueForParticipants(deps, event.eventId, { kind: 'event.reminder', render: (reader) => renderEventReminder(event, { reader, links: deps.links }), source });
}

/**
 * The link that confirms an address, to that address (a new one is in no contact record yet):
 * transactional, never muted; nothing for an erased member.
 */
export async function queueEmailConfirmation(deps: MailQueueDeps, request: EventData<'user.email.verification.requested'>, source: SourceEvent): Promise<number> {
  if (await deps.ledger.isErased(request.userId)) return 0;
  const rendered = renderEmailConfirmation(request, { links: deps.links });
  // No unsubscribe: it is the mail that makes the address usable at all.
  return queue(deps, [newMail({ recipientId: request.userId, kind: 'email.confirmation', sourceEventId: source.id, to: request.email, rendered, listUnsubscribe: null, now: deps.clock() })]);
}
