import type { EventCategory, EventView } from '../events/event-api';
import type { CreateEventBody, UpdateEventBody } from './organizer-api';

/**
 * The event editor's form as people type it (prices in major units, dates as the browser's
 * date-time inputs give them, tags comma-separated) and its conversion to and from the API.
 * Dates are read in the browser's time zone, which the form names next to the fields.
 */

export interface TierDraft {
  /** Present for a tier the event already has (kept on save). */
  tierId?: string;
  name: string;
  /** "12.50"; "0" or empty is free. */
  price: string;
  currency: string;
  quantity: string;
}

export interface EventDraft {
  title: string;
  description: string;
  category: EventCategory;
  tags: string;
  /** `YYYY-MM-DDTHH:mm` in the browser's zone (a datetime-local input's value). */
  startsAt: string;
  endsAt: string;
  venueName: string;
  address: string;
  city: string;
  coverMediaId: string | null;
  tiers: TierDraft[];
}

export interface FormIssue {
  field: string;
  message: string;
}

export function emptyDraft(): EventDraft {
  return {
    title: '',
    description: '',
    category: 'music',
    tags: '',
    startsAt: '',
    endsAt: '',
    venueName: '',
    address: '',
    city: '',
    coverMediaId: null,
    tiers: [{ name: 'Standard', price: '', currency: 'eur', quantity: '100' }],
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An ISO instant as a datetime-local value in the browser's zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (browser's zone) as an ISO instant with an offset, or null. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "Europe/Paris (GMT+1)": the zone the date fields are read in. */
export function zoneLabel(at: Date = new Date(), timeZone?: string): string {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  return offset === undefined ? zone : `${zone} (${offset})`;
}

function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "12.50" EUR → 1250; "" → 0 (free); null when not a price. */
export function priceToMinor(price: string, currency: string): number | null {
  const text = price.trim().replace(',', '.');
  if (text === '') return 0;
  const digits = fractionDigits(currency);
  const pattern = digits === 0 ? /^\d{1,9}$/ : new RegExp(`^\\d{1,9}(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(text)) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

export function minorToPrice(amountMinor: number, currency: string): string {
  const digits = fractionDigits(currency);
  return digits === 0 ? String(amountMinor) : (amountMinor / 10 ** digits).toFixed(digits);
}

export function parseTags(tags: string): string[] {
  return [...new Set(tags.split(',').map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
}

/** What the person must fix before sending (the service checks again and its answer is shown too). */
export function draftIssues(draft: EventDraft, now: Date = new Date()): FormIssue[] {
  const issues: FormIssue[] = [];
  if (draft.title.trim() === '') issues.push({ field: 'title', message: 'Give the event a title.' });
  if (draft.description.trim() === '') issues.push({ field: 'description', message: 'Describe the event in a few words.' });
  const starts = fromLocalInput(draft.startsAt);
  const ends = fromLocalInput(draft.endsAt);
  if (starts === null) issues.push({ field: 'startsAt', message: 'Choose when the event starts.' });
  else if (Date.parse(starts) <= now.getTime()) issues.push({ field: 'startsAt', message: 'The start must be in the future.' });
  if (ends === null) issues.push({ field: 'endsAt', message: 'Choose when the event ends.' });
  else if (starts !== null && Date.parse(ends) <= Date.parse(starts)) issues.push({ field: 'endsAt', message: 'The end must be after the start.' });
  if (draft.venueName.trim() === '') issues.push({ field: 'venueName', message: 'Name the venue.' });
  if (draft.address.trim() === '') issues.push({ field: 'address', message: 'Give the venue’s address.' });
  if (draft.city.trim() === '') issues.push({ field: 'city', message: 'Give the city.' });
  if (parseTags(draft.tags).some((tag) => tag.length > 32)) issues.push({ field: 'tags', message: 'Each tag may have at most 32 characters.' });
  if (parseTags(draft.tags).length > 10) issues.push({ field: 'tags', message: 'Use at most 10 tags.' });
  draft.tiers.forEach((tier, index) => {
    const which = `Tier ${index + 1}`;
    if (tier.name.trim() === '') issues.push({ field: `tiers.${index}.name`, message: `${which}: give it a name.` });
    if (!/^[a-z]{3}$/.test(tier.currency)) issues.push({ field: `tiers.${index}.currency`, message: `${which}: choose a currency.` });
    else if (priceToMinor(tier.price, tier.currency) === null) issues.push({ field: `tiers.${index}.price`, message: `${which}: the price is not a valid amount.` });
    if (!/^\d{1,7}$/.test(tier.quantity.trim()) || Number(tier.quantity) < 1) {
      issues.push({ field: `tiers.${index}.quantity`, message: `${which}: the number of tickets must be at least 1.` });
    }
  });
  return issues;
}

function tiersOf(draft: EventDraft) {
  return draft.tiers.map((tier) => ({
    ...(tier.tierId === undefined ? {} : { tierId: tier.tierId }),
    name: tier.name.trim(),
    priceMinor: priceToMinor(tier.price, tier.currency) ?? 0,
    currency: tier.currency,
    quantity: Number(tier.quantity),
  }));
}

function common(draft: EventDraft) {
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    category: draft.category,
    startsAt: fromLocalInput(draft.startsAt) ?? '',
    endsAt: fromLocalInput(draft.endsAt) ?? '',
    venue: { name: draft.venueName.trim(), address: draft.address.trim(), city: draft.city.trim() },
    coverMediaId: draft.coverMediaId,
    tags: parseTags(draft.tags),
  };
}

export function toCreateBody(draft: EventDraft): CreateEventBody {
  return { ...common(draft), tiers: tiersOf(draft).map(({ tierId: _kept, ...tier }) => tier) };
}

/** A published event's tiers are frozen: the patch then leaves them out. */
export function toUpdateBody(draft: EventDraft, status: EventView['status']): UpdateEventBody {
  return status === 'draft' ? { ...common(draft), tiers: tiersOf(draft) } : common(draft);
}

export function draftOf(event: EventView): EventDraft {
  return {
    title: event.title,
    description: event.description,
    category: event.category,
    tags: event.tags.join(', '),
    startsAt: toLocalInput(event.startsAt),
    endsAt: toLocalInput(event.endsAt),
    venueName: event.venue.name,
    address: event.venue.address,
    city: event.venue.city,
    coverMediaId: event.coverMediaId,
    tiers: event.tiers.map((tier) => ({
      tierId: tier.tierId,
      name: tier.name,
      price: tier.priceMinor === 0 ? '0' : minorToPrice(tier.priceMinor, tier.currency),
      currency: tier.currency,
      quantity: String(tier.quantity),
    })),
  };
}

/** The workspace's groups: a published event whose end has passed is "past" before the service completes it. */
export type WorkspaceGroup = 'drafts' | 'published' | 'past' | 'cancelled';

export function groupOf(event: Pick<EventView, 'status' | 'endsAt'>, now: Date = new Date()): WorkspaceGroup {
  if (event.status === 'draft') return 'drafts';
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status === 'completed' || Date.parse(event.endsAt) <= now.getTime()) return 'past';
  return 'published';
}
