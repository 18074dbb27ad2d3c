import nodemailer, { type Transporter } from 'nodemailer';
import type { MailDocument, SendFailure } from '../domain/mail.js';

/** Hands one mail to the mail server; says how it failed when it did. */
export interface MailSender {
  send(mail: MailDocument & { to: string; text: string; html: string }): Promise<{ ok: true } | { ok: false; failure: SendFailure }>;
  close(): void;
}

/** nodemailer's error, as far as this module reads it. */
interface SmtpError {
  code?: unknown;
  responseCode?: unknown;
  message?: unknown;
}

/** No reply from a server (refused, reset, timed out, TLS): the mail was not looked at. */
const UNREACHABLE_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ETLS', 'EDNS', 'ECONNREFUSED', 'ECONNRESET']);

export function failureOf(error: unknown): SendFailure {
  const smtp = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  const message = typeof smtp.message === 'string' ? smtp.message.slice(0, 500) : String(error);
  const responseCode = typeof smtp.responseCode === 'number' ? smtp.responseCode : null;
  if (responseCode !== null && responseCode >= 500 && responseCode < 600) return { kind: 'permanent', message, responseCode };
  if (responseCode === null && typeof smtp.code === 'string' && UNREACHABLE_CODES.has(smtp.code)) return { kind: 'unreachable', message };
  return { kind: 'transient', message, responseCode };
}

/**
 * SMTP through nodemailer, one pooled connection. The Message-ID derives from the mail's id, so a
 * mail sent again after a crash between "accepted" and "marked sent" carries the same id and
 * receiving systems can tell it is one message.
 */
export function smtpSender(options: { url: string; from: string; domain: string }): MailSender {
  const transport: Transporter = nodemailer.createTransport(options.url, { from: options.from });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: `<${mail._id}@${options.domain}>`,
          // RFC 2369 + RFC 8058: mail clients offer "unsubscribe" and POST `List-Unsubscribe=One-Click` to the URL.
          ...((mail.listUnsubscribe ?? null) === null
            ? {}
            : { headers: { 'List-Unsubscribe': `<${mail.listUnsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }),
          attachments: mail.attachments.map((attachment) => ({
            filename: attachment.filename,
            contentType: attachment.contentType,
            content: Buffer.from(attachment.contentBase64, 'base64'),
            ...(attachment.contentId === null ? {} : { cid: attachment.contentId }),
          })),
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, failure: failureOf(error) };
      }
    },
    close() {
      transport.close();
    },
  };
}
