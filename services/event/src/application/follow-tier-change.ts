import { retryOnVersionConflict } from '@eventonight/platform';
import type { EventData } from '@eventonight/contracts';
import type { EventAppDeps } from './deps.js';

/**
 * `ticketing.tier.changed` (ADR 0039): ticketing owns a published event's tiers; the event keeps a
 * copy so its page and the tickets name them. Applied only when newer than what the copy holds
 * for that tier (per-tier ticketing version), so a replay or a late message changes nothing.
 * A capacity of 0 (sales stopped by size) keeps the last positive figure in the copy.
 */
export async function followTierChange(
  deps: EventAppDeps,
  change: EventData<'ticketing.tier.changed'>,
  sourceVersion: number,
): Promise<'applied' | 'unchanged' | 'no-event'> {
  return retryOnVersionConflict(10, async () => {
    const loaded = await deps.store.load(change.eventId);
    if (loaded === null) return 'no-event';
    const seen = loaded.state.tierVersions ?? {};
    if ((seen[change.tierId] ?? 0) >= sourceVersion) return 'unchanged';
    const existing = loaded.state.tiers.find((tier) => tier.tierId === change.tierId);
    const quantity = change.capacity > 0 ? change.capacity : (existing?.quantity ?? 1);
    const tiers =
      existing === undefined
        ? change.added
          ? [...loaded.state.tiers, { tierId: change.tierId, name: change.name, priceMinor: change.priceMinor ?? 0, currency: change.currency ?? 'eur', quantity }]
          : loaded.state.tiers
        : loaded.state.tiers.map((tier) => (tier.tierId === change.tierId ? { ...tier, quantity } : tier));
    await deps.store.update(change.eventId, loaded.version, { tiers, tierVersions: { ...seen, [change.tierId]: sourceVersion } }, []);
    await deps.catalogue.changed();
    return 'applied';
  });
}
