import { retryOnVersionConflict } from '@eventonight/platform';
import { pruneClaims, type Claim, type InventoryState } from '../domain/inventory.js';
import { FINAL_STATUSES, type OrderStatus } from '../domain/order.js';
import type { TicketingDeps } from './deps.js';
import { releaseClaim } from './inventory-commands.js';
import { expireOrder } from './settle-order.js';

export interface SweepReport {
  expired: number;
  orphansReleased: number;
  pruned: number;
}

/**
 * Holds never leak. For every held claim: past its expiry, or older than the pending timeout
 * while its order never got a Stripe session (crash before the session) or does not exist
 * (crash before the order) → released, order expired. Settled claims of final orders are
 * pruned. Every step is a guarded, idempotent write, so overlapping sweeps are harmless.
 */
export async function sweep(deps: TicketingDeps): Promise<SweepReport> {
  const report: SweepReport = { expired: 0, orphansReleased: 0, pruned: 0 };
  const now = deps.clock().getTime();
  const inventories = deps.inventories.collection.find({}, { projection: { _id: 1, tiers: 1 } });
  for await (const inventory of inventories) {
    const state = inventory as unknown as Pick<InventoryState, '_id' | 'tiers'>;
    const statusOf = new Map<string, OrderStatus | null>();
    for (const tier of state.tiers) {
      for (const claim of tier.claims) {
        const order = await deps.orders.load(claim.orderId);
        statusOf.set(claim.orderId, order?.state.status ?? null);
        if (claim.state !== 'held') continue;
        const expired = claim.expiresAt.getTime() <= now;
        const stale = claim.createdAt.getTime() + deps.pendingTimeoutMs <= now;
        if (order === null) {
          // A waiting-list offer has no order until taken: only its own expiry ends it.
          if (expired || (stale && claim.offer !== true)) {
            if (await releaseClaim(deps, { eventId: state._id, tierId: tier.tierId, orderId: claim.orderId })) report.orphansReleased += 1;
          }
          continue;
        }
        const neverGotSession = order.state.status === 'pending' && order.state.stripeSessionId === null;
        if (expired || (stale && neverGotSession)) {
          if (await expireOrder(deps, claim.orderId)) report.expired += 1;
          statusOf.set(claim.orderId, 'expired');
        }
      }
    }
    report.pruned += await pruneSettled(deps, state._id, statusOf);
  }
  return report;
}

async function pruneSettled(deps: TicketingDeps, eventId: string, statusOf: Map<string, OrderStatus | null>): Promise<number> {
  const isFinal = (claim: Claim) => {
    const status = statusOf.get(claim.orderId);
    // A lapsed waiting-list offer never taken has no order: its entry left the line in the release's write.
    if (claim.offer === true && claim.state === 'released' && status === null) return true;
    if (status === undefined || status === null) return false;
    // A sold claim goes only once its order shows the sale; a released one once the order is closed.
    return claim.state === 'sold' ? status === 'paid' || status === 'refunded' : FINAL_STATUSES.has(status);
  };
  return deps.inventoryQueue.run(eventId, () =>
    retryOnVersionConflict(10, async () => {
      const loaded = await deps.inventories.load(eventId);
      if (loaded === null) return 0;
      const tiers = pruneClaims(loaded.state, isFinal);
      if (tiers === null) return 0;
      const before = loaded.state.tiers.reduce((n, t) => n + t.claims.length, 0);
      const after = tiers.reduce((n, t) => n + t.claims.length, 0);
      await deps.inventories.update(eventId, loaded.version, { tiers }, []);
      return before - after;
    }),
  );
}
