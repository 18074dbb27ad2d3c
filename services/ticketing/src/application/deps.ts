import type { Collection } from 'mongodb';
import type { AggregateStore, ErasureLedger, ExportPartState, Logger, ServiceMetrics } from '@eventonight/platform';
import type { DoorStaffState } from '../domain/door-staff.js';
import type { InventoryState } from '../domain/inventory.js';
import type { OrderState } from '../domain/order.js';
import type { TicketState } from '../domain/ticket.js';
import type { CalendarFeeds } from '../persistence/calendar-feeds.js';
import type { StoredStripeEvent } from '../persistence/stripe-events.js';
import type { UserCopies } from '../persistence/user-copies.js';
import type { InventoryGroupCommit } from './group-commit.js';
import type { KeyedQueue } from './keyed-queue.js';
import type { Clock, PaymentGateway } from './ports.js';

export interface TicketingDeps {
  inventories: AggregateStore<InventoryState>;
  orders: AggregateStore<OrderState>;
  tickets: AggregateStore<TicketState>;
  /** Door staff of one event each (ADR 0038). */
  doorStaff: AggregateStore<DoorStaffState>;
  stripeEvents: Collection<StoredStripeEvent>;
  /** Names of ticket holders, copied from user.* events. */
  users: UserCopies;
  /** Who was erased (ADR 0027): late events about them write nothing, their tokens are refused. */
  ledger: ErasureLedger;
  /** This service's answers to data-export requests (one per export, leaving through the outbox). */
  exportParts: AggregateStore<ExportPartState>;
  /** Members' calendar feeds (token digests only). */
  calendarFeeds: CalendarFeeds;
  /** The web app's origin (APP_URL): links in calendar entries, and the feed's address. */
  appUrl: string;
  payments: PaymentGateway;
  clock: Clock;
  /** Serialises rare whole-inventory changes (close, prune) inside this process. */
  inventoryQueue: KeyedQueue;
  /** Seat decisions (hold, sell, release), batched into one guarded write per round. */
  inventoryWrites: InventoryGroupCommit;
  sessionTtlMs: number;
  pendingTimeoutMs: number;
  /** How long a waiting-list offer holds its seats (ADR 0039). */
  offerTtlMs: number;
  logger: Logger;
  /** Where the webhook worker times receipt → processed (ADR 0035). */
  metrics: Pick<ServiceMetrics, 'webhookProcessingDelay'>;
}
