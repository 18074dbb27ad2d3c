import type { EventData } from '@eventonight/contracts';
import type { ErasureLedger, Logger } from '@eventonight/platform';
import { newMail, type MailDocument, type MailKind, type RenderedMail } from '../domain/mail.js';
import type { NotificationType } from '../domain/notification.js';
import { renderEventCancelled, renderEventChange, renderEventReminder, type ReminderFacts } from '../mail/event-news.js';
import type { MailFormat } from '../mail/format.js';
import { renderOrderConfirmation, type MailLinks } from '../mail/order-confirmation.js';
import { renderOrderRefunded } from '../mail/order-refunded.js';
import { renderEmailConfirmation } from '../mail/email-confirmation.js';
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
  format: MailFormat;
  links: MailLinks;
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
type Skip = 'erased' | 'no-address' | 'muted';

async function recipientsOf(
  deps: MailQueueDeps,
  memberIds: readonly string[],
  mutedBy: NotificationType | null,
): Promise<{ addresses: Map<string, string>; skipped: Map<string, Skip> }> {
  const skipped = new Map<string, Skip>();
  const erased = await deps.ledger.erasedAmong(memberIds);
  for (const id of erased) skipped.set(id, 'erased');
  const muted = mutedBy === null ? new Set<string>() : await deps.preferences.mutedAmong(memberIds, mutedBy);
  for (const id of muted) if (!skipped.has(id)) skipped.set(id, 'muted');
  const addresses = await deps.contacts.addressesOf(memberIds.filter((id) => !skipped.has(id)));
  for (const id of memberIds) if (!skipped.has(id) && !addresses.has(id)) skipped.set(id, 'no-address');
  return { addresses, skipped };
}

async function queueFor(
  deps: MailQueueDeps,
  memberIds: readonly string[],
  input: { kind: MailKind; mutedBy: NotificationType | null; rendered: RenderedMail; source: SourceEvent },
): Promise<number> {
  const { addresses, skipped } = await recipientsOf(deps, memberIds, input.mutedBy);
  if (skipped.size > 0) deps.logger.debug({ kind: input.kind, skipped: Object.fromEntries(skipped) }, 'mail not queued for some recipients');
  const now = deps.clock();
  return queue(
    deps,
    [...addresses].map(([recipientId, to]) => newMail({ recipientId, kind: input.kind, sourceEventId: input.source.id, to, rendered: input.rendered, now })),
  );
}

/** The buyer's confirmation with their tickets: transactional, so not subject to muting. */
export async function queueOrderConfirmation(deps: MailQueueDeps, order: EventData<'ticketing.order.confirmed'>, source: SourceEvent): Promise<number> {
  const rendered = await renderOrderConfirmation(order, { format: deps.format, links: deps.links, now: deps.clock() });
  return queueFor(deps, [order.buyerId], { kind: 'order.confirmation', mutedBy: null, rendered, source });
}

/** The buyer's refund: transactional too (it is about their money). */
export async function queueOrderRefunded(deps: MailQueueDeps, refund: EventData<'ticketing.order.refunded'>, source: SourceEvent): Promise<number> {
  const rendered = renderOrderRefunded(refund, { format: deps.format, links: deps.links });
  return queueFor(deps, [refund.buyerId], { kind: 'order.refunded', mutedBy: null, rendered, source });
}

/** Everyone going, in batches as the in-app fan-out reads them; the same message for each. */
async function queueForParticipants(
  deps: MailQueueDeps,
  eventId: string,
  input: { kind: MailKind; mutedBy: NotificationType; rendered: RenderedMail; source: SourceEvent },
): Promise<number> {
  let stored = 0;
  for await (const batch of deps.participants.memberBatches(eventId, deps.fanOutBatchSize)) {
    stored += await queueFor(deps, batch, input);
  }
  return stored;
}

/**
 * A published event moved in time or place: called for the event.updated that the in-app rule
 * (`eventChangeData`) found to be such a move, so the two never disagree on what counts.
 */
export async function queueEventChange(deps: MailQueueDeps, event: EventData<'event.updated'>, source: SourceEvent & { version: number }): Promise<number> {
  const rendered = renderEventChange(event, { format: deps.format, links: deps.links, now: deps.clock(), version: source.version });
  return queueForParticipants(deps, event.eventId, { kind: 'event.changed', mutedBy: 'event.changed', rendered, source });
}

export async function queueEventCancelled(deps: MailQueueDeps, event: EventData<'event.cancelled'>, source: SourceEvent & { version: number }): Promise<number> {
  const rendered = renderEventCancelled(event, { format: deps.format, links: deps.links, now: deps.clock(), version: source.version });
  return queueForParticipants(deps, event.eventId, { kind: 'event.cancelled', mutedBy: 'event.cancelled', rendered, source });
}

/** Tomorrow's event, to everyone going who did not mute reminders. */
export async function queueEventReminder(deps: MailQueueDeps, event: ReminderFacts, source: SourceEvent): Promise<number> {
  const rendered = renderEventReminder(event, { format: deps.format, links: deps.links });
  return queueForParticipants(deps, event.eventId, { kind: 'event.reminder', mutedBy: 'event.reminder', rendered, source });
}

/**
 * The link that confirms an address, to that address (a new one is in no contact record yet):
 * transactional, never muted; nothing for an erased member.
 */
export async function queueEmailConfirmation(deps: MailQueueDeps, request: EventData<'user.email.verification.requested'>, source: SourceEvent): Promise<number> {
  if (await deps.ledger.isErased(request.userId)) return 0;
  const rendered = renderEmailConfirmation(request, { links: deps.links });
  return queue(deps, [newMail({ recipientId: request.userId, kind: 'email.confirmation', sourceEventId: source.id, to: request.email, rendered, now: deps.clock() })]);
}
