import type { MailKind } from './mail.js';
import type { NotificationType } from './notification.js';

/**
 * What a member chose about mail (ADR 0032), apart from the in-app alerts: which optional mails
 * they stopped, and the locale and time zone their mails write dates and money in. Pure.
 */

/**
 * Mails a member may stop: news about an event they are going to. The order confirmation (their
 * tickets) and the refund (their money) are transactional and always sent.
 */
export const OPTIONAL_MAIL_KINDS = ['event.changed', 'event.cancelled', 'event.reminder'] as const satisfies readonly MailKind[];
export type OptionalMailKind = (typeof OPTIONAL_MAIL_KINDS)[number];

export function isOptionalMailKind(kind: MailKind): kind is OptionalMailKind {
  return (OPTIONAL_MAIL_KINDS as readonly MailKind[]).includes(kind);
}

/** The locales mails can be written in (dates and money; the words stay English). */
export const MAIL_LOCALES = ['en-GB', 'en-US', 'it-IT', 'de-DE', 'fr-FR', 'es-ES'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

/** An IANA zone name as written (`Europe/Rome`, `America/Argentina/Buenos_Aires`, `UTC`); Intl decides whether it exists. */
export const TIME_ZONE_PATTERN = new RegExp('^[A-Za-z][A-Za-z0-9_+-]{0,30}(?:/[A-Za-z0-9_+-]{1,30}){0,2}$');

/** Whether this runtime knows the zone (its ICU data): the check mails rely on, so the one applied. */
export function isKnownTimeZone(zone: string): boolean {
  if (!TIME_ZONE_PATTERN.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A member's mail settings as stored; null locale/zone = the platform's (MAIL_LOCALE, MAIL_TIME_ZONE). */
export interface MailSettings {
  off: OptionalMailKind[];
  locale: MailLocale | null;
  timeZone: string | null;
}

export const NO_MAIL_SETTINGS: MailSettings = { off: [], locale: null, timeZone: null };

/**
 * The stored preferences of one member, as far as mail goes. Before mail had switches of its own
 * (ADR 0030), muting a kind in the app stopped its mail too; a member who has not chosen mail
 * switches since keeps that meaning, so nobody starts receiving a mail they had stopped.
 */
export function mailSettingsOf(stored: { muted?: readonly NotificationType[]; mailOff?: readonly OptionalMailKind[]; locale?: MailLocale | null; timeZone?: string | null } | null): MailSettings {
  if (stored === null) return NO_MAIL_SETTINGS;
  const off = stored.mailOff ?? OPTIONAL_MAIL_KINDS.filter((kind) => (stored.muted ?? []).includes(kind));
  return { off: [...off], locale: stored.locale ?? null, timeZone: stored.timeZone ?? null };
}

/** How a member's mail writes dates and money: their choice, else the platform's. */
export function mailFormatFor(settings: MailSettings, platform: { locale: string; timeZone: string }): { locale: string; timeZone: string } {
  return { locale: settings.locale ?? platform.locale, timeZone: settings.timeZone ?? platform.timeZone };
}

/** Whether this member gets a mail of this kind: transactional always, optional unless stopped. */
export function wantsMail(settings: MailSettings, kind: MailKind): boolean {
  return !isOptionalMailKind(kind) || !settings.off.includes(kind);
}

/** The settings after a one-click unsubscribe from `kind` (unchanged when already off). */
export function withMailOff(settings: MailSettings, kind: OptionalMailKind): MailSettings {
  return settings.off.includes(kind) ? settings : { ...settings, off: [...settings.off, kind].sort() };
}
