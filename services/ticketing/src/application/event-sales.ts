import type { z } from 'zod';
import { AggregateAlreadyExistsError, VersionConflictError, retryOnVersionConflict } from '@eventonight/platform';
import type { eventEvents } from '@eventonight/contracts';
import { decideReschedule, type InventoryState } from '../domain/inventory.js';
import type { TicketingDeps } from './deps.js';
import { refundOrder } from './settle-order.js';

type EventSnapshot = z.output<typeof eventEvents.eventSnapshot>;
type TicketTier = z.output<typeof eventEvents.ticketTier>;

function inventoryFrom(event: EventSnapshot, aggregateVersion: number, tiers: readonly TicketTier[], closedReason: InventoryState['closedReason']): InventoryState {
  return {
    _id: event.eventId,
    eventId: event.eventId,
    organizerId: event.organizerId,
    title: event.title,
    startsAt: new Date(event.startsAt),
    endsAt: new Date(event.endsAt),
    venue: event.venue ?? null,
    status: closedReason === null ? 'on_sale' : 'closed',
    closedReason,
    sourceVersion: aggregateVersion,
    tiers: tiers.map((tier) => ({
      tierId: tier.tierId,
      name: tier.name,
      priceMinor: tier.priceMinor,
      currency: tier.currency,
      capacity: tier.quantity,
      sold: 0,
      claims: [],
    })),
  };
}

/**
 * Opens sales from a published event: from the internal call or from `event.published`,
 * whichever comes first. Tiers are frozen at publish, so the second arrival changes nothing.
 */
export async function openSales(
  deps: TicketingDeps,
  input: { event: EventSnapshot; aggregateVersion: number; tiers: readonly TicketTier[] },
): Promise<'opened' | 'unchanged'> {
  try {
    await deps.inventories.create(inventoryFrom(input.event, input.aggregateVersion, input.tiers, null), []);
    return 'opened';
  } catch (error) {
    if (error instanceof AggregateAlreadyExistsError) return 'unchanged';
    throw error;
  }
}

/**
 * Stops sales for good. A close that arrives before the publish (out of order) leaves a closed
 * inventory behind, so the late publish cannot open sales.
 */
export async function closeSales(
  deps: TicketingDeps,
  input: { event: EventSnapshot; aggregateVersion: number; reason: 'cancelled' | 'completed' },
): Promise<void> {
  await deps.inventoryQueue.run(input.event.eventId, () =>
    retryOnVersionConflict(20, async () => {
      const loaded = await deps.inventories.load(input.event.eventId);
      if (loaded === null) {
        try {
          await deps.inventories.create(inventoryFrom(input.event, input.aggregateVersion, [], input.reason), []);
        } catch (error) {
          if (!(error instanceof AggregateAlreadyExistsError)) throw error;
          // Opened meanwhile: decide again on the fresh document.
          throw new VersionConflictError(deps.inventories.name, input.event.eventId, 0);
        }
        return;
      }
      if (loaded.state.status === 'closed' && loaded.state.closedReason === input.reason) return;
      // A cancellation wins over a completion; nothing reopens sales.
      if (loaded.state.closedReason === 'cancelled') return;
      await deps.inventories.update(
        input.event.eventId,
        loaded.version,
        { status: 'closed', closedReason: input.reason, sourceVersion: Math.max(loaded.state.sourceVersion, input.aggregateVersion) },
        [],
      );
    }),
  );
}

export class SalesNotOpenYetError extends Error {
  constructor(eventId: string) {
    super(`event ${eventId} was updated while published, but its sales are not open here yet; retried until event.published arrives`);
    this.name = 'SalesNotOpenYetError';
  }
}

/**
 * A published event moved or changed place (event.updated): its sales window, door and calendar entry follow. Sales are opened
 * at publish by a call the event service waits for, so a missing inventory for a published event
 * means the publish message is still on its way: the handler fails and the message is retried.
 */
export async function followEventTime(
  deps: TicketingDeps,
  input: { event: EventSnapshot; aggregateVersion: number },
): Promise<'moved' | 'unchanged' | 'no-sales'> {
  return deps.inventoryQueue.run(input.event.eventId, () =>
    retryOnVersionConflict(20, async () => {
      const loaded = await deps.inventories.load(input.event.eventId);
      if (loaded === null) {
        if (input.event.status === 'published') throw new SalesNotOpenYetError(input.event.eventId);
        return 'no-sales';
      }
      const changes = decideReschedule(loaded.state, {
        startsAt: new Date(input.event.startsAt),
        endsAt: new Date(input.event.endsAt),
        title: input.event.title,
        venue: input.event.venue,
        sourceVersion: input.aggregateVersion,
      });
      if (changes === null) return 'unchanged';
      await deps.inventories.update(input.event.eventId, loaded.version, changes, []);
      return 'moved';
    }),
  );
}

/** After a cancellation: every paid order of the event is refunded (each at most once). */
export async function refundPaidOrders(deps: TicketingDeps, eventId: string): Promise<number> {
  let refunded = 0;
  for (;;) {
    const batch = await deps.orders.collection
      .find({ eventId, status: { $in: ['paid', 'refund_pending'] } }, { projection: { _id: 1 } })
      .limit(100)
      .toArray();
    if (batch.length === 0) return refunded;
    let progressed = false;
    for (const { _id } of batch) {
      if (await refundOrder(deps, _id, 'event-cancelled')) {
        refunded += 1;
        progressed = true;
      }
    }
    // Orders that cannot be refunded automatically are logged by refundOrder; do not loop on them.
    if (!progressed) return refunded;
  }
}
