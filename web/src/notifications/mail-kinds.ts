import type { paths } from '../api/generated/notification';

/** The mails a member may stop, and the locales mails can be written in, as the service names them. */
type MailSettings = paths['/notification-preferences/mail']['put']['responses'][200]['content']['application/json'];
export type MailKind = MailSettings['kinds'][number];
export type MailLocale = MailSettings['locales'][number];

/** What each optional mail is, in words that finish "You will no longer get …". */
export const MAIL_KIND_WORDS: Record<MailKind, string> = {
  'event.changed': 'emails when an event you are going to gets a new time or place',
  'event.cancelled': 'emails when an event you are going to is cancelled',
  'event.reminder': 'reminder emails the day before an event you are going to',
};

/** A switch's label on the settings page. */
export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  'event.changed': 'New time or place of events I am going to',
  'event.cancelled': 'Cancelled events I am going to',
  'event.reminder': 'Reminders the day before',
};

/** Each locale in its own language, so its speaker finds it. */
export const LOCALE_NAMES: Record<MailLocale, string> = {
  'en-GB': 'English (United Kingdom)',
  'en-US': 'English (United States)',
  'it-IT': 'Italiano (Italia)',
  'de-DE': 'Deutsch (Deutschland)',
  'fr-FR': 'Français (France)',
  'es-ES': 'Español (España)',
};

/** How a mail would write this moment and this amount with these settings (the same Intl rules as the service). */
export function sampleOf(locale: string, timeZone: string, at: Date = new Date()): string {
  try {
    const when = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    }).format(at);
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(1234.5);
    return `${when} · ${money}`;
  } catch {
    return '';
  }
}

/** The zone this browser is in (what the settings propose), or null when it does not say. */
export function deviceTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}
