import { infra } from './infra.js';

/** A mail as Mailpit's API lists it. */
export interface MailpitSummary {
  ID: string;
  MessageID: string;
  Subject: string;
  To: Array<{ Address: string }>;
  Created: string;
}

export interface MailpitPart {
  PartID: string;
  FileName: string;
  ContentType: string;
  ContentID: string;
  Size: number;
}

/** One mail in full: both bodies, inline parts (images the HTML shows) and attachments. */
export interface MailpitMessage extends MailpitSummary {
  Text: string;
  HTML: string;
  Inline: MailpitPart[];
  Attachments: MailpitPart[];
}

async function getJson<T>(path: string, base: string): Promise<T> {
  const reply = await fetch(`${base}${path}`);
  if (!reply.ok) throw new Error(`Mailpit ${path}: ${reply.status} ${await reply.text()}`);
  return (await reply.json()) as T;
}

/**
 * Reads what reached the local Mailpit (infra/ starts it; services send to its SMTP port). Tests
 * address mails to addresses of their own (uniqueName), so they find theirs among everyone's.
 */
export const mailpit = {
  /** Every mail to `address`, newest first (at most 1,000). */
  async to(address: string, base: string = infra.mailpitUrl): Promise<MailpitSummary[]> {
    const found = await getJson<{ messages: MailpitSummary[] }>(`/api/v1/search?limit=1000&query=${encodeURIComponent(`to:"${address}"`)}`, base);
    // The search matches substrings; only exact recipients count.
    return found.messages.filter((message) => message.To.some((to) => to.Address.toLowerCase() === address.toLowerCase()));
  },

  message(id: string, base: string = infra.mailpitUrl): Promise<MailpitMessage> {
    return getJson<MailpitMessage>(`/api/v1/message/${encodeURIComponent(id)}`, base);
  },

  /** Every header of the mail as received, by name (each with its values, unfolded). */
  headers(id: string, base: string = infra.mailpitUrl): Promise<Record<string, string[]>> {
    return getJson<Record<string, string[]>>(`/api/v1/message/${encodeURIComponent(id)}/headers`, base);
  },

  async part(id: string, partId: string, base: string = infra.mailpitUrl): Promise<Buffer> {
    const reply = await fetch(`${base}/api/v1/message/${encodeURIComponent(id)}/part/${encodeURIComponent(partId)}`);
    if (!reply.ok) throw new Error(`Mailpit part ${partId} of ${id}: ${reply.status}`);
    return Buffer.from(await reply.arrayBuffer());
  },

  /** The HTML body as Mailpit renders it for a person (what screenshots show). */
  viewUrl(id: string, base: string = infra.mailpitUrl): string {
    return `${base}/view/${encodeURIComponent(id)}.html`;
  },
};
