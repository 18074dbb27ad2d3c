import { describe, expect, it } from 'vitest';
import { dayBoundary, formatDateTime, formatMoney, formatRange, formatRelative, priceLabel } from '../src/ui/format';

describe('money', () => {
  it('formats minor units for the locale, and zero as Free', () => {
    expect(formatMoney(1550, 'eur', { locale: 'en-GB' })).toBe('€15.50');
    expect(formatMoney(1550, 'EUR', { locale: 'de-DE' })).toBe('15,50\u00a0€');
    expect(formatMoney(0, 'eur', { locale: 'en-GB' })).toBe('Free');
  });

  it('respects currencies without minor units', () => {
    expect(formatMoney(1500, 'jpy', { locale: 'en-US' })).toBe('¥1,500');
  });

  it('labels a card by its lowest price', () => {
    const eur = (priceMinor: number) => ({ priceMinor, currency: 'eur' });
    expect(priceLabel([], { locale: 'en-GB' })).toBeNull();
    expect(priceLabel([eur(1500)], { locale: 'en-GB' })).toBe('€15.00');
    expect(priceLabel([eur(2500), eur(1500)], { locale: 'en-GB' })).toBe('From €15.00');
    expect(priceLabel([eur(0), eur(0)], { locale: 'en-GB' })).toBe('Free');
    expect(priceLabel([eur(2500), eur(0), eur(1500)], { locale: 'en-GB' })).toBe('Free – €15.00');
  });
});

describe('dates across time zones', () => {
  const instant = '2026-12-05T23:30:00Z';

  it('shows the same instant in the visitor’s own zone', () => {
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'Europe/Lisbon' })).toBe('Sat 5 Dec, 23:30');
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('Sun 6 Dec, 00:30');
    expect(formatDateTime(instant, { locale: 'en-US', timeZone: 'America/New_York' })).toBe('Sat, Dec 5, 6:30 PM');
  });

  it('a range on one day (in that zone) repeats only the end time', () => {
    const end = '2026-12-06T01:00:00Z';
    expect(formatRange('2026-12-05T20:00:00Z', '2026-12-05T22:00:00Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('Sat 5 Dec, 20:00 – 22:00');
    // 00:30 → 02:00: one day in Berlin.
    expect(formatRange(instant, end, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('Sun 6 Dec, 00:30 – 02:00');
    // In Lisbon the same event crosses midnight: both dates are shown.
    expect(formatRange(instant, end, { locale: 'en-GB', timeZone: 'Europe/Lisbon' })).toBe('Sat 5 Dec, 23:30 – Sun 6 Dec, 01:00');
  });

  it('says how long ago in words', () => {
    const now = new Date('2026-12-05T12:00:00Z');
    expect(formatRelative('2026-12-05T11:57:00Z', now, { locale: 'en' })).toBe('3 minutes ago');
    expect(formatRelative('2026-12-04T12:00:00Z', now, { locale: 'en' })).toBe('yesterday');
  });

  it('turns a date input into the start or end of that day as an instant', () => {
    const start = dayBoundary('2026-12-05', 'start');
    const end = dayBoundary('2026-12-05', 'end');
    expect(start).toBeDefined();
    expect(Date.parse(end ?? '') - Date.parse(start ?? '')).toBe(86_399_000);
    expect(dayBoundary('5/12/2026', 'start')).toBeUndefined();
  });
});
