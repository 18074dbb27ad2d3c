import { randomUUID } from 'node:crypto';
import { after, before } from 'node:test';
import Stripe from 'stripe';
import { parseConfig, startService, type RunningService } from '@eventonight/platform';
import { deleteServiceQueues, eventSnapshotData, freshDatabase, infra, serviceTestEnv, startTestIssuer, uniqueName, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { Db } from 'mongodb';
import type { TicketingDeps } from '../src/application/deps.js';
import { ticketingServiceConfig } from '../src/config.js';
import type { InventoryState } from '../src/domain/inventory.js';
import { INVENTORIES_COLLECTION } from '../src/persistence/collections.js';
import { ticketingService, type TicketingServiceOverrides } from '../src/service.js';
import { call, type Reply } from '@eventonight/testing';
export { call, type Reply };

export const WEBHOOK_SECRET = 'whsec_test_ticketing';
export const HOUR = 3_600_000;

/** Only for signing test payloads (generateTestHeaderString needs no network). */
export const stripeForSigning = new Stripe('sk_test_123');

export interface TestTicketing {
  service: RunningService;
  deps: TicketingDeps;
  name: string;
  close(): Promise<void>;
}

/** What a ticketing service under test reads: the real servers, its database, stripe-mock. */
export function ticketingTestEnv(options: { database: string; issuer: TestIssuer; extra?: Record<string, string> }): Record<string, string> {
  return serviceTestEnv({
    database: options.database,
    jwksUrl: options.issuer.jwksUrl,
    issuer: options.issuer.issuer,
    extra: {
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: infra.stripeApiUrl,
      CHECKOUT_SUCCESS_URL: 'http://127.0.0.1:5173/orders/success',
      CHECKOUT_CANCEL_URL: 'http://127.0.0.1:5173/orders/cancel',
      // Jobs run only when a test asks (the webhook worker is woken by each stored event).
      SWEEP_INTERVAL_MS: String(HOUR),
      WEBHOOK_POLL_INTERVAL_MS: '200',
      ...options.extra,
    },
  });
}

/** A real ticketing service on an ephemeral port with a unique queue name, against stripe-mock. */
export async function startTicketing(options: {
  database: string;
  issuer: TestIssuer;
  extra?: Record<string, string>;
  overrides?: TicketingServiceOverrides;
}): Promise<TestTicketing> {
  const env = ticketingTestEnv(options);
  const parsed = parseConfig(ticketingServiceConfig, env);
  if (!parsed.ok) throw new Error(parsed.message);
  let deps: TicketingDeps | undefined;
  const name = uniqueName('ticketing');
  const definition = {
    ...ticketingService({
      ...options.overrides,
      onDeps: (wired) => {
        deps = wired;
        options.overrides?.onDeps?.(wired);
      },
    }),
    name,
  };
  const service = await startService(definition, parsed.config);
  if (deps === undefined) throw new Error('deps not wired');
  return {
    service,
    deps,
    name,
    async close() {
      await service.close();
      await deleteServiceQueues(name);
    },
  };
}

export async function newUser(issuer: TestIssuer, role: 'member' | 'organization'): Promise<{ id: string; token: string }> {
  const id = `${role}-${randomUUID()}`;
  return { id, token: await issuer.mint({ sub: id, roles: [role], expiresInSec: 1800 }) };
}

export function serviceToken(issuer: TestIssuer, azp = 'event-service'): Promise<string> {
  return issuer.mint({ sub: `service-account-${azp}`, roles: [], extra: { azp } });
}

export interface TestEvent {
  eventId: string;
  tierId: string;
  organizerId: string;
}

/**
 * An event starting in three hours unless told otherwise: on sale now, and its doors open (they
 * open six hours before the start), so the door can be tested without moving a clock.
 */
export function snapshot(
  eventId: string,
  organizerId: string,
  status: 'published' | 'cancelled' | 'completed' = 'published',
  startsAt = new Date(Date.now() + 3 * HOUR),
) {
  return eventSnapshotData(eventId, organizerId, status, { startsAt });
}

export function tiersOf(tierId: string, capacity: number, priceMinor = 1500) {
  return [{ tierId, name: 'Standard', priceMinor, currency: 'eur', quantity: capacity }];
}

/** Opens sales through the internal endpoint, as the event service does on publish. */
export async function publishEvent(
  url: string,
  issuer: TestIssuer,
  capacity: number,
  organizerId = `org-${randomUUID()}`,
  priceMinor = 1500,
  startsAt?: Date,
): Promise<TestEvent> {
  const eventId = `evt-${randomUUID()}`;
  const tierId = `tier-${randomUUID()}`;
  const reply = await call(url, 'PUT', `/internal/events/${eventId}/tiers`, {
    token: await serviceToken(issuer),
    body: { event: snapshot(eventId, organizerId, 'published', startsAt), aggregateVersion: 2, tiers: tiersOf(tierId, capacity, priceMinor) },
  });
  if (reply.status !== 200) throw new Error(`open sales: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { eventId, tierId, organizerId };
}

export function checkoutCall(url: string, token: string, event: TestEvent, quantity: number, key = randomUUID()): Promise<Reply> {
  return call(url, 'POST', '/orders', {
    token,
    headers: { 'idempotency-key': key },
    body: { eventId: event.eventId, tierId: event.tierId, quantity },
  });
}

/**
 * A new member buys `quantity` seats and Stripe's webhook says they paid: the order is paid and
 * its tickets issued. Returns the buyer, the order and the tickets' door codes.
 */
export async function paidOrder(ticketing: TestTicketing, issuer: TestIssuer, event: TestEvent, quantity: number) {
  const buyer = await newUser(issuer, 'member');
  const reply = await checkoutCall(ticketing.service.url, buyer.token, event, quantity);
  if (reply.status !== 201) throw new Error(`checkout: ${reply.status} ${JSON.stringify(reply.body)}`);
  const orderId = String(reply.body['orderId']);
  const sessionId = (await ticketing.deps.orders.load(orderId))?.state.stripeSessionId ?? '';
  await postWebhook(ticketing.service.url, sessionEvent('checkout.session.completed', { orderId, sessionId }));
  await waitFor(async () => ((await ticketing.deps.orders.load(orderId))?.state.status === 'paid' ? true : undefined), { what: 'paid' });
  const tickets = await call(ticketing.service.url, 'GET', '/tickets', { token: buyer.token });
  return { buyer, orderId, codes: (tickets.body['items'] as Array<{ code: string }>).map((t) => t.code) };
}

/** A Checkout Session event as Stripe would send it for `orderId`. */
export function sessionEvent(
  type: 'checkout.session.completed' | 'checkout.session.expired',
  input: { orderId: string; sessionId: string; eventId?: string },
): string {
  return JSON.stringify({
    id: input.eventId ?? `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: input.sessionId,
        object: 'checkout.session',
        client_reference_id: input.orderId,
        metadata: { orderId: input.orderId },
        payment_intent: type === 'checkout.session.completed' ? 'pi_test_123' : null,
        payment_status: type === 'checkout.session.completed' ? 'paid' : 'unpaid',
      },
    },
  });
}

export function postWebhook(url: string, payload: string, secret = WEBHOOK_SECRET): Promise<Reply> {
  const signature = stripeForSigning.webhooks.generateTestHeaderString({ payload, secret });
  return call(url, 'POST', '/webhooks/stripe', { raw: payload, headers: { 'stripe-signature': signature } });
}

/** Seats as the inventory document holds them. */
export async function countsOf(deps: TicketingDeps, eventId: string, tierId: string) {
  return tierCounts((await deps.inventories.load(eventId))?.state, tierId);
}

/** The same, read straight from a ticketing database (a service running in another process). */
export async function countsIn(db: Db, eventId: string, tierId: string) {
  const stored = await db.collection<InventoryState>(INVENTORIES_COLLECTION).findOne({ _id: eventId });
  return tierCounts(stored ?? undefined, tierId);
}

function tierCounts(state: InventoryState | undefined, tierId: string) {
  const tier = state?.tiers.find((t) => t.tierId === tierId);
  if (tier === undefined) throw new Error('no tier');
  const held = tier.claims.filter((c) => c.state === 'held').reduce((n, c) => n + c.quantity, 0);
  return { capacity: tier.capacity, sold: tier.sold, held, claims: tier.claims };
}

/** What `useTicketing` gives a describe block once its `before` has run. */
export interface TicketingFixture {
  readonly database: TestDatabase;
  readonly issuer: TestIssuer;
  readonly ticketing: TestTicketing;
}

/**
 * The usual set-up of a describe block: a fresh database, a test issuer and ticketing on them,
 * started before its tests and closed after them.
 */
export function useTicketing(databaseName: string): TicketingFixture {
  let started: TicketingFixture | undefined;
  let database: TestDatabase | undefined;
  let issuer: TestIssuer | undefined;
  let ticketing: TestTicketing | undefined;
  before(async () => {
    database = await freshDatabase(databaseName);
    issuer = await startTestIssuer();
    ticketing = await startTicketing({ database: database.name, issuer });
    started = { database, issuer, ticketing };
  });
  after(async () => {
    await ticketing?.close();
    await issuer?.close();
    await database?.dispose();
  });
  const ready = (): TicketingFixture => {
    if (started === undefined) throw new Error('useTicketing: read in a test, after its before hook');
    return started;
  };
  return {
    get database() {
      return ready().database;
    },
    get issuer() {
      return ready().issuer;
    },
    get ticketing() {
      return ready().ticketing;
    },
  };
}
