import { z } from 'zod';
import { eventSnapshot, ticketTier } from './events/event.js';

/**
 * Synchronous internal contracts between services (design seed: "dual path").
 * The RabbitMQ event stays the fallback, so these calls are best effort.
 */
export const ticketingInternal = {
  /** PUT, called by the event service when an event is published; idempotent by (eventId, aggregateVersion). */
  upsertEventTiers: {
    method: 'PUT',
    path: '/internal/events/:eventId/tiers',
    body: z.object({
      event: eventSnapshot,
      aggregateVersion: z.number().int().nonnegative(),
      tiers: z.array(ticketTier).max(20),
    }),
  },
} as const;
