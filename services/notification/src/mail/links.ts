import type { OptionalMailKind } from '../domain/mail-preferences.js';
import { signUnsubscribeToken } from '../domain/unsubscribe-token.js';
import type { MailFormat } from './format.js';

export interface MailLinks {
  /** The web app's origin, e.g. https://app.eventonight.example */
  appUrl: string;
  /** This service's API as mail clients reach it (the one-click POST), e.g. https://app.eventonight.example/api/notification */
  apiUrl: string;
}

/** Where one member's mail of one kind can be stopped: a page to read first, and the one-click URL for mail clients. */
export interface StopLinks {
  /** The web app's page (a GET there changes nothing: link scanners follow GETs). */
  pageUrl: string;
  /** RFC 8058's target: a POST with `List-Unsubscribe=One-Click` stops the mails. */
  oneClickUrl: string;
}

/** Who a mail is written for: how it writes dates and money, and how they stop it (null: transactional). */
export interface MailReader {
  format: MailFormat;
  stop: StopLinks | null;
}

export function stopLinks(links: MailLinks, secret: string, memberId: string, kind: OptionalMailKind): StopLinks {
  const token = signUnsubscribeToken(secret, { memberId, kind });
  return { pageUrl: `${links.appUrl}/unsubscribe?token=${token}`, oneClickUrl: `${links.apiUrl}/mail-unsubscribe?token=${token}` };
}

/** The web app's page with the notification and mail settings. */
export function settingsUrl(links: MailLinks): string {
  return `${links.appUrl}/notifications`;
}
