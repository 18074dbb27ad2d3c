/**
 * Money, dates and times for the person's locale and time zone. Locale and zone are
 * parameters (the browser's by default) so the rules are testable across zones.
 */

export interface FormatContext {
  locale?: string | undefined;
  timeZone?: string | undefined;
}

/** Minor units (cents) → "€12.50"; zero → "Free". Currency codes are ISO 4217, any case. */
export function formatMoney(amountMinor: number, currency: string, context: FormatContext = {}): string {
  if (amountMinor === 0) return 'Free';
  const code = currency.toUpperCase();
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(context.locale, { style: 'currency', currency: code }).format(amountMinor / 10 ** digits);
}

/**
 * The price a card shows: the one price, "From €10" when prices differ, "Free" when all are
 * free, "Free – €15" when some tiers are free and others are not.
 */
export function priceLabel(tiers: ReadonlyArray<{ priceMinor: number; currency: string }>, context: FormatContext = {}): string | null {
  const first = tiers[0];
  if (first === undefined) return null;
  const lowest = tiers.reduce((low, tier) => (tier.priceMinor < low.priceMinor ? tier : low), first);
  const highest = tiers.reduce((high, tier) => (tier.priceMinor > high.priceMinor ? tier : high), first);
  if (highest.priceMinor === lowest.priceMinor) return formatMoney(lowest.priceMinor, lowest.currency, context);
  if (lowest.priceMinor === 0) {
    const cheapestPaid = tiers.filter((tier) => tier.priceMinor > 0).reduce((low, tier) => (tier.priceMinor < low.priceMinor ? tier : low));
    return `Free – ${formatMoney(cheapestPaid.priceMinor, cheapestPaid.currency, context)}`;
  }
  return `From ${formatMoney(lowest.priceMinor, lowest.currency, context)}`;
}

/** The time of day as the locale writes it: "00:30" (en-GB), "6:30 PM" (en-US). */
function formatTime(iso: string, context: FormatContext): string {
  return new Intl.DateTimeFormat(context.locale, { timeStyle: 'short', timeZone: context.timeZone }).format(new Date(iso));
}

/** "Sat 6 Dec, 20:00" in the person's zone (or "Sat, Dec 6, 8:00 PM" in en-US). */
export function formatDateTime(iso: string, context: FormatContext = {}): string {
  const day = new Intl.DateTimeFormat(context.locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: context.timeZone }).format(new Date(iso));
  return `${day}, ${formatTime(iso, context)}`;
}

/** "6 December 2026" (no time). */
export function formatDate(iso: string, context: FormatContext = {}): string {
  return new Intl.DateTimeFormat(context.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: context.timeZone }).format(new Date(iso));
}

/** A start–end range: the end shows only its time when both fall on the same day in that zone. */
export function formatRange(startIso: string, endIso: string, context: FormatContext = {}): string {
  const day = (iso: string): string =>
    new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: context.timeZone }).format(new Date(iso));
  const start = formatDateTime(startIso, context);
  if (day(startIso) === day(endIso)) {
    return `${start} – ${formatTime(endIso, context)}`;
  }
  return `${start} – ${formatDateTime(endIso, context)}`;
}

/** "3 min ago", "yesterday" for the notification list. */
export function formatRelative(iso: string, now: Date, context: FormatContext = {}): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(context.locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** A date-input value ("2026-12-06") as the ISO instant of that day's start (or end) in the zone of the browser. */
export function dayBoundary(day: string, edge: 'start' | 'end'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const local = new Date(`${day}T${edge === 'start' ? '00:00:00' : '23:59:59'}`);
  return Number.isNaN(local.getTime()) ? undefined : local.toISOString();
}
