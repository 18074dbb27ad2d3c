import type { TicketingDeps } from './application/deps.js';
import { InventoryGroupCommit } from './application/group-commit.js';
import { KeyedQueue } from './application/keyed-queue.js';
import type { Clock, PaymentGateway } from './application/ports.js';
import { minimiseStoredStripeEvents, oldestUnprocessedAgeSeconds, processPendingStripeEvents } from './application/stripe-events.js';
import { sweep } from './application/sweep.js';
import { eraseTombstonedUsers } from './application/erase-user.js';
import type { TicketingServiceConfig } from './config.js';
import type { InventoryState } from './domain/inventory.js';
import type { OrderState } from './domain/order.js';
import type { TicketState } from './domain/ticket.js';
import { ticketingRoutes } from './http/routes.js';
import { DOOR_STAFF_COLLECTION, doorStaffIndexes } from './persistence/door-staff.js';
import type { DoorStaffState } from './domain/door-staff.js';
import { EXPORT_PARTS_COLLECTION, ErasureLedger, periodicJob, withClientSpans, type ExportPartState, type ServiceDefinition } from '@eventonight/platform';
import { ticketingHandlers } from './messaging/handlers.js';
import { userHandlers } from './messaging/user-handlers.js';
import { stripeClient, stripePaymentGateway } from './outbound/stripe-gateway.js';
import { INVENTORIES_COLLECTION, ORDERS_COLLECTION, TICKETS_COLLECTION, orderIndexes, ticketIndexes } from './persistence/collections.js';
import { calendarFeeds } from './persistence/calendar-feeds.js';
import { STRIPE_EVENTS_COLLECTION, stripeEventIndexes, type StoredStripeEvent } from './persistence/stripe-events.js';
import { userCopies } from './persistence/user-copies.js';

/** Seams for tests; production uses none of them. */
export interface TicketingServiceOverrides {
  clock?: Clock;
  /** Wraps the Stripe gateway (e.g. to make it fail). */
  payments?: (real: PaymentGateway) => PaymentGateway;
  /** Hands the wired dependencies out (tests drive the sweeper and inspect state). */
  onDeps?: (deps: TicketingDeps) => void;
}

export function ticketingService(overrides: TicketingServiceOverrides = {}): ServiceDefinition<TicketingServiceConfig> {
  return {
    name: 'ticketing',
    aggregateCollections: [INVENTORIES_COLLECTION, ORDERS_COLLECTION, TICKETS_COLLECTION, EXPORT_PARTS_COLLECTION, DOOR_STAFF_COLLECTION],
    async setup({ config, logger, db, store, jobLease, metrics }) {
      const inventories = store<InventoryState>(INVENTORIES_COLLECTION);
      const orders = store<OrderState>(ORDERS_COLLECTION);
      const tickets = store<TicketState>(TICKETS_COLLECTION);
      await orders.ensureIndexes(orderIndexes);
      await tickets.ensureIndexes(ticketIndexes);
      const doorStaff = store<DoorStaffState>(DOOR_STAFF_COLLECTION);
      await doorStaff.ensureIndexes(doorStaffIndexes);
      const stripeEvents = db.collection<StoredStripeEvent>(STRIPE_EVENTS_COLLECTION);
      for (const index of stripeEventIndexes) await stripeEvents.createIndexes([index]);
      // Events stored whole before payloads were minimised lose the buyer's details now (ADR 0027).
      const minimised = await minimiseStoredStripeEvents(stripeEvents);
      if (minimised > 0) logger.info({ minimised }, 'stored Stripe events reduced to the fields ticketing reads');

      const stripe = stripeClient({ secretKey: config.STRIPE_SECRET_KEY, apiUrl: config.STRIPE_API_URL });
      // A client span per Stripe call while tracing (ADR 0036).
      const realPayments = withClientSpans(
        stripePaymentGateway(stripe, { successUrl: config.CHECKOUT_SUCCESS_URL, cancelUrl: config.CHECKOUT_CANCEL_URL }, metrics),
        'stripe',
        ['createCheckoutSession', 'expireCheckoutSession', 'refund'],
      );
      const deps: TicketingDeps = {
        inventories,
        orders,
        tickets,
        doorStaff,
        stripeEvents,
        users: userCopies(db),
        ledger: new ErasureLedger(db),
        exportParts: store<ExportPartState>(EXPORT_PARTS_COLLECTION),
        calendarFeeds: await calendarFeeds(db),
        appUrl: config.APP_URL,
        payments: overrides.payments?.(realPayments) ?? realPayments,
        clock: overrides.clock ?? (() => new Date()),
        inventoryQueue: new KeyedQueue(),
        inventoryWrites: new InventoryGroupCommit({
          load: (eventId) => inventories.load(eventId),
          update: (eventId, version, tiers, events) => inventories.update(eventId, version, { tiers }, events),
        }),
        sessionTtlMs: config.CHECKOUT_SESSION_TTL_SEC * 1000,
        pendingTimeoutMs: config.PENDING_ORDER_TIMEOUT_MS,
        offerTtlMs: config.WAITLIST_OFFER_TTL_MS,
        logger,
        metrics,
      };
      metrics.webhookOldestUnprocessedAge.readFrom(() => oldestUnprocessedAgeSeconds(stripeEvents, deps.clock()));
      overrides.onDeps?.(deps);
      // Copies tombstoned before erasure existed still held the id: those users are erased now.
      const tombstoned = await eraseTombstonedUsers(deps);
      if (tombstoned > 0) logger.info({ tombstoned }, 'users deleted before erasure existed erased now');

      const webhookWorker = periodicJob(
        'stripe-events',
        config.WEBHOOK_POLL_INTERVAL_MS,
        async () => {
          // Drain: keep going while full batches come back.
          while ((await processPendingStripeEvents(deps)) >= 50);
        },
        logger,
        // One worker at a time also keeps each order's events in arrival order across replicas.
        { lease: jobLease('stripe-events', config.WEBHOOK_POLL_INTERVAL_MS) },
      );
      const sweeper = periodicJob(
        'hold-sweeper',
        config.SWEEP_INTERVAL_MS,
        async () => {
          const report = await sweep(deps);
          if (report.expired + report.orphansReleased > 0) logger.info(report, 'sweeper released holds');
        },
        logger,
        { lease: jobLease('hold-sweeper', config.SWEEP_INTERVAL_MS) },
      );
      return {
        routes: (host) =>
          ticketingRoutes(host, deps, {
            stripe,
            webhookSecret: config.STRIPE_WEBHOOK_SECRET,
            internalCallerAzp: config.INTERNAL_CALLER_AZP,
            onStripeEventStored: () => webhookWorker.wake(),
          }),
        handlers: { ...ticketingHandlers(deps), ...userHandlers(deps) },
        jobs: [webhookWorker, sweeper],
      };
    },
  };
}
