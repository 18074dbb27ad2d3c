import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import {
  call,
  connectNotificationSocket,
  createPublishedEvent,
  deleteAccount,
  infra,
  registerAccount,
  waitFor,
  type Account,
  type Reply,
  type RunningSystem,
} from '@eventonight/testing';

/** What the system tests do as a client would: sockets, uploads, Stripe's webhooks, valid event bodies. */

export interface PushedNotification {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/** A Socket.IO client of the notification service, signed in as `account`, recording every push. */
export interface NotificationInbox {
  readonly received: PushedNotification[];
  /** Resolves with the first push matching `match` (already received or still to come). */
  next(what: string, match: (notification: PushedNotification) => boolean, timeoutMs?: number): Promise<PushedNotification>;
  close(): void;
}

export async function openInbox(system: RunningSystem, account: Account): Promise<NotificationInbox> {
  const socket = await connectNotificationSocket(system.url('notification'), await account.token());
  const received: PushedNotification[] = [];
  socket.on('notification', (notification: PushedNotification) => received.push(notification));
  return {
    received,
    next: (what, match, timeoutMs = 20_000) =>
      waitFor(() => received.find(match), { timeoutMs, intervalMs: 25, what: `${account.displayName} to be pushed ${what}` }),
    close: () => socket.close(),
  };
}

/** One authenticated call to a service of the system. */
export async function api(
  system: RunningSystem,
  service: Parameters<RunningSystem['url']>[0],
  account: Account | undefined,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const token = account === undefined ? undefined : await account.token();
  return call(system.url(service), method, path, { ...options, ...(token === undefined ? {} : { token }) });
}

/** `api`, failing with the problem body unless the status is `expected`. */
export async function expectStatus(expected: number, reply: Promise<Reply> | Reply, what: string): Promise<Reply> {
  const settled = await reply;
  if (settled.status !== expected) {
    throw new Error(`${what}: expected HTTP ${expected}, got ${settled.status} ${JSON.stringify(settled.body).slice(0, 600)}`);
  }
  return settled;
}

/** A published-ready event body starting `startsInMs` from now, with the given tiers. */
export function eventBody(
  title: string,
  tiers: ReadonlyArray<{ name: string; priceMinor: number; quantity: number }>,
  options: { startsInMs?: number; coverMediaId?: string } = {},
): Record<string, unknown> {
  const startsAt = Date.now() + (options.startsInMs ?? 7 * 24 * 3600_000);
  return {
    title,
    description: `${title}: an evening of live music.`,
    category: 'music',
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 3 * 3600_000).toISOString(),
    venue: { name: 'The Warehouse', address: '1 Dock Street', city: 'Lisbon', location: { lat: 38.7, lng: -9.1 } },
    tiers: tiers.map((tier) => ({ ...tier, currency: 'eur' })),
    tags: ['live'],
    ...(options.coverMediaId === undefined ? {} : { coverMediaId: options.coverMediaId }),
  };
}

/** Presign → POST the bytes straight to the S3 server with the policy's fields → confirm. */
export async function uploadImage(system: RunningSystem, owner: Account, purpose: string, bytes: Uint8Array, contentType: string): Promise<string> {
  const presigned = await expectStatus(
    201,
    api(system, 'media', owner, 'POST', '/media/uploads', { body: { purpose, contentType, sizeBytes: bytes.byteLength } }),
    'presign',
  );
  const ticket = presigned.body as { assetId: string; uploadUrl: string; fields: Record<string, string> };
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: contentType }));
  const uploaded = await fetch(ticket.uploadUrl, { method: 'POST', body: form });
  if (uploaded.status >= 300) throw new Error(`upload to S3 → HTTP ${uploaded.status}: ${await uploaded.text()}`);
  await expectStatus(200, api(system, 'media', owner, 'POST', `/media/${ticket.assetId}/confirm`), 'confirm upload');
  return ticket.assetId;
}

// Only signs payloads locally (no network): the webhook must carry a signature made with the endpoint's secret.
const stripeForSigning = new Stripe(infra.stripeSecretKey);

/**
 * Stripe's side of a payment: the Checkout Session the ticketing service created is completed and
 * Stripe calls the webhook with a signed `checkout.session.completed`. stripe-mock sends no webhooks,
 * so the test plays Stripe, reading the session id Stripe would know from the ticketing database.
 */
export async function completeCheckout(system: RunningSystem, orderId: string): Promise<Reply> {
  const order = await system.db('ticketing').collection<{ _id: string; stripeSessionId: string | null }>('orders').findOne({ _id: orderId });
  if (order?.stripeSessionId === null || order === null) throw new Error(`order ${orderId} has no Checkout Session`);
  const payload = JSON.stringify({
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: order.stripeSessionId,
        object: 'checkout.session',
        client_reference_id: orderId,
        metadata: { orderId },
        payment_intent: `pi_${randomUUID().replace(/-/g, '')}`,
        payment_status: 'paid',
      },
    },
  });
  const signature = stripeForSigning.webhooks.generateTestHeaderString({ payload, secret: infra.stripeWebhookSecret });
  return call(system.url('ticketing'), 'POST', '/webhooks/stripe', { raw: payload, headers: { 'stripe-signature': signature } });
}

export function newIdempotencyKey(): string {
  return randomUUID();
}

/** An organization with one published event (one tier) and a member, all known to interaction. */
export interface SmallScene {
  organizer: Account;
  member: Account;
  eventId: string;
  tierId: string;
}

export async function setUpSmallScene(system: RunningSystem, name: string): Promise<SmallScene> {
  const organizer = await registerAccount(system.url('user'), { role: 'organization', displayName: name, organization: { name } });
  const member = await registerAccount(system.url('user'), { role: 'member', displayName: `${name} regular` });
  const { eventId, tierIds } = await createPublishedEvent(system.url('event'), organizer, eventBody(`${name} opening`, [{ name: 'Entry', priceMinor: 1200, quantity: 20 }]));
  const tierId = tierIds[0] ?? '';
  await waitFor(async () => ((await system.db('interaction').collection('event_copies').countDocuments({ _id: eventId as never })) === 1 ? true : undefined), {
    timeoutMs: 30_000,
    what: 'interaction to learn the event',
  });
  return { organizer, member, eventId, tierId };
}

/** Deletes the scene's accounts from Keycloak (best effort). */
export async function tearDownAccounts(system: RunningSystem | undefined, accounts: ReadonlyArray<Account | undefined>): Promise<void> {
  if (system === undefined) return;
  for (const account of accounts) if (account !== undefined) await deleteAccount(system.url('user'), account);
}
