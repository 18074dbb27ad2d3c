/** How a mail writes dates and money for its reader: their locale and time zone (or the platform's, ADR 0032). */
export interface MailFormat {
  locale: string;
  timeZone: string;
}

/** "Sat 12 Dec 2026, 21:00 CET" */
export function dateTime(at: Date | string, format: MailFormat): string {
  return new Intl.DateTimeFormat(format.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: format.timeZone,
    timeZoneName: 'short',
  }).format(new Date(at));
}

/** "€25.00"; a free order "Free". Minor units as the currency defines them. */
export function money(amountMinor: number, currency: string, format: MailFormat): string {
  if (amountMinor === 0) return 'Free';
  const formatter = new Intl.NumberFormat(format.locale, { style: 'currency', currency: currency.toUpperCase() });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountMinor / 10 ** digits);
}
