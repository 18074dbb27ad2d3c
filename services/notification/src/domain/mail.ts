import { createHash } from 'node:crypto';

/** The mails the platform sends. Each is tied to the domain event that caused it. */
export const MAIL_KINDS = ['order.confirmation', 'event.reminder', 'event.changed', 'event.cancelled', 'order.refunded', 'email.confirmation', 'waitlist.offered', 'ticket.transferred'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** The bytes, base64: a document holds no Buffer across the FerretDB/MongoDB boundary. */
  contentBase64: string;
  /** Set for an image the HTML shows inline (`<img src="cid:…">`). */
  contentId: string | null;
}

/** What a template produces: the message without its envelope. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

/**
 * pending → sending (claimed by one sender) → sent | dead; sending → pending again after a failure
 * that may pass (or when its claim lapsed: the sender died mid-send). Once sent or dead, the
 * address, body and attachments are dropped: door codes and addresses do not linger.
 */
export type MailStatus = 'pending' | 'sending' | 'sent' | 'dead';

export interface MailDocument {
  _id: string;
  recipientId: string;
  kind: MailKind;
  sourceEventId: string;
  to: string | null;
  subject: string;
  text: string | null;
  html: string | null;
  attachments: MailAttachment[];
  /**
   * An optional mail's one-click unsubscribe URL (RFC 8058), sent as List-Unsubscribe; null for a
   * transactional mail. Absent on mails queued before it existed; dropped with the body once sent.
   */
  listUnsubscribe?: string | null;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: Date;
  claimedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** One mail per (source event, recipient, kind): a redelivered event maps to the same document. */
export function mailId(sourceEventId: string, recipientId: string, kind: MailKind): string {
  return createHash('sha256').update(`${sourceEventId}\u0000${recipientId}\u0000${kind}`).digest('base64url').slice(0, 32);
}

export function newMail(input: {
  recipientId: string;
  kind: MailKind;
  sourceEventId: string;
  to: string;
  rendered: RenderedMail;
  listUnsubscribe: string | null;
  now: Date;
}): MailDocument {
  return {
    _id: mailId(input.sourceEventId, input.recipientId, input.kind),
    recipientId: input.recipientId,
    kind: input.kind,
    sourceEventId: input.sourceEventId,
    to: input.to,
    ...input.rendered,
    listUnsubscribe: input.listUnsubscribe,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: input.now,
    claimedUntil: null,
    lastError: null,
    createdAt: input.now,
    finishedAt: null,
  };
}

/** Waits between attempts of one mail, then it is given up (about 13 hours in all). */
export const RETRY_DELAYS_MS: readonly number[] = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000];

/** How a failed send is taken: the SMTP server refused this mail for good, or it may pass later. */
export type SendFailure =
  /** No SMTP conversation (refused connection, timeout, TLS): the server is away, not this mail's fault. */
  | { kind: 'unreachable'; message: string }
  /** A 4xx reply: try again later. */
  | { kind: 'transient'; message: string; responseCode: number | null }
  /** A 5xx reply (unknown mailbox, refused content): sending again would be refused again. */
  | { kind: 'permanent'; message: string; responseCode: number };

export type AfterFailure = { status: 'pending'; nextAttemptAt: Date } | { status: 'dead' };

/**
 * After a refusal of this mail: retried later, or given up. An unreachable server is not a
 * refusal: the sender stops its run and tries again at the next one, counting no attempt, so an
 * outage of any length delays mails but never uses their attempts up.
 */
export function afterRefusal(mail: Pick<MailDocument, 'attempts'>, failure: Exclude<SendFailure, { kind: 'unreachable' }>, now: Date): AfterFailure {
  if (failure.kind === 'permanent') return { status: 'dead' };
  const delay = RETRY_DELAYS_MS[mail.attempts];
  return delay === undefined ? { status: 'dead' } : { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay) };
}
