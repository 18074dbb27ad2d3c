import type { EventDetails, TicketTier, TierInput } from './event.js';
import { invalid, type RuleIssue } from './errors.js';

/** Checks shared by create and update; pure, so the same inputs always get the same verdict. */

export function checkDates(startsAt: Date, endsAt: Date, now: Date, options: { startMustBeFuture: boolean }): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (options.startMustBeFuture && startsAt.getTime() <= now.getTime()) {
    issues.push({ path: 'startsAt', message: 'must be in the future' });
  }
  if (endsAt.getTime() <= startsAt.getTime()) issues.push({ path: 'endsAt', message: 'must be after startsAt' });
  return issues;
}

/** Tier names are unique per event (case-insensitive): a buyer picks a tier by its name. */
export function buildTiers(inputs: readonly TierInput[], existing: readonly TicketTier[], newId: () => string): TicketTier[] {
  const issues: RuleIssue[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  const known = new Set(existing.map((tier) => tier.tierId));
  const tiers = inputs.map((input, index) => {
    const key = input.name.trim().toLowerCase();
    if (names.has(key)) issues.push({ path: `tiers.${index}.name`, message: 'is used by another tier' });
    names.add(key);
    if (input.tierId !== undefined) {
      if (!known.has(input.tierId)) issues.push({ path: `tiers.${index}.tierId`, message: 'is not a tier of this event' });
      if (ids.has(input.tierId)) issues.push({ path: `tiers.${index}.tierId`, message: 'is used twice' });
      ids.add(input.tierId);
    }
    return {
      tierId: input.tierId ?? newId(),
      name: input.name.trim(),
      priceMinor: input.priceMinor,
      currency: input.currency,
      quantity: input.quantity,
    };
  });
  if (issues.length > 0) throw invalid(issues);
  return tiers;
}

/** Tags compare case-insensitively; the first spelling wins. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

export function normalizeDetails(details: EventDetails): EventDetails {
  return {
    ...details,
    title: details.title.trim(),
    description: details.description.trim(),
    venue: { ...details.venue, name: details.venue.name.trim(), address: details.venue.address.trim(), city: details.venue.city.trim() },
    tags: normalizeTags(details.tags),
  };
}
