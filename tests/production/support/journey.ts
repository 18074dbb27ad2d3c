import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import Stripe from 'stripe';
import { waitFor } from '@eventonight/testing';
import { operatorMongoEval } from './deployment.js';
import { api, DOMAIN, edge, edgeAgent, expectStatus, refreshTokens, secret, signIn, type EdgeReply, type Tokens } from './edge.js';

/**
 * The steps of a person's journey through a deployment, as the internet reaches it (edge.ts): the
 * production test (one host) and the Swarm test (three nodes) walk the same path.
 */

export const PASSWORD = `Night-${randomBytes(6).toString('hex')}!`;
// A 1×1 PNG: the media service checks the stored object's size and type, not its pixels.
export const COVER = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface Person {
  email: string;
  id: string;
  tokens: Tokens;
}

export interface Pushed {
  id?: string;
  type: string;
  data: Record<string, unknown>;
}

export interface OpenSocket {
  socket: Socket;
  received: Pushed[];
}

export async function signUp(role: 'member' | 'organization', displayName: string): Promise<Person> {
  const email = `${role}-${randomBytes(5).toString('hex')}@prod.${DOMAIN}`;
  const body = { email, password: PASSWORD, displayName, role, ...(role === 'organization' ? { organization: { name: displayName } } : {}) };
  // Every test person signs up from this one address: past the edge's per-address limit on
  // sign-ups (10 a minute, ratelimit-auth) the answer is 429, and the person tries again later, as
  // after a 503 (Keycloak, which makes the account, busy past the user service's timeout).
  const created = await waitFor(
    async () => {
      const reply = await api('users', 'POST', '/users', undefined, body);
      return reply.status === 429 || reply.status === 503 ? undefined : reply;
    },
    { timeoutMs: 180_000, intervalMs: 6_000, what: `sign-up of ${email} past the rate limit` },
  );
  expectStatus(201, created, `sign-up of ${email}`);
  // The sign-in form's posts have the same limit.
  const tokens = await waitFor(
    () =>
      signIn(email, PASSWORD).catch((error: unknown) => {
        if (error instanceof Error && error.message.includes('HTTP 429')) return undefined;
        throw error;
      }),
    { timeoutMs: 180_000, intervalMs: 6_000, what: `sign-in of ${email} past the rate limit` },
  );
  const me = expectStatus(200, await api('users', 'GET', '/users/me', tokens.accessToken), 'own profile').json();
  assert.equal(me['role'], role);
  return { email, id: String(me['id']), tokens };
}

/**
 * Opens the confirmation link the platform mailed `person` at sign-up, through the edge, then signs
 * them in again so their token says the address is confirmed (buying needs it). Mail cannot leave
 * the local engine, so the link is read from the mail sender's queue (where it waits, the SMTP
 * server being unreachable), the operator's way in: mongosh in notification's database container.
 */
export async function confirmAddress(person: Person): Promise<void> {
  const token = await waitFor(() => queuedConfirmationToken(person.id), { timeoutMs: 120_000, intervalMs: 3_000, what: `the confirmation mail queued for ${person.email}` });
  expectStatus(200, await api('users', 'POST', '/email-verifications', undefined, { token }), 'opening the confirmation link');
  person.tokens = await signIn(person.email, PASSWORD);
}

function queuedConfirmationToken(userId: string): string | undefined {
  const text = operatorMongoEval('notification', `const m = db.mails.findOne({ recipientId: ${JSON.stringify(userId)}, kind: "email.confirmation" }); print(m ? m.text : "")`);
  return /confirm-email\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
}

/** People signing up one after another, as they arrive (Keycloak hashes each password: parallel sign-ups only queue). */
export async function signUpMany(count: number, role: 'member' | 'organization', namePrefix: string): Promise<Person[]> {
  const people: Person[] = [];
  for (let i = 1; i <= count; i += 1) people.push(await signUp(role, `${namePrefix} ${i}`));
  return people;
}

/**
 * A Socket.IO client on notifications.<DOMAIN> that keeps every push it receives. A function as
 * `token` is asked again at every reconnection, as the web app hands its current token.
 */
export function openSocket(token: string | (() => string)): Promise<OpenSocket> {
  const received: Pushed[] = [];
  const auth = (send: (data: { token: string }) => void) => send({ token: typeof token === 'string' ? token : token() });
  // engine.io-client hands `agent` to the WebSocket in Node, though its types say string | boolean.
  const socket = io(`http://notifications.${DOMAIN}`, { transports: ['websocket'], agent: edgeAgent, auth, reconnection: true, timeout: 10_000 } as never);
  socket.on('notification', (pushed: Pushed) => received.push(pushed));
  // As the web app does (web/src/notifications): the server ends a session whose token expired
  // ('session_expired', then 'io server disconnect', after which Socket.IO does not retry), and a
  // handshake it refuses ends Socket.IO's retries too; both connect again, with the current token.
  let opened = false;
  socket.on('session_expired', () => setTimeout(() => socket.connect(), 500));
  socket.on('connect_error', () => {
    if (opened && !socket.active) setTimeout(() => socket.connect(), 2_000);
  });
  socket.on('connect', () => (opened = true));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve({ socket, received }));
    socket.once('connect_error', reject);
  });
}

/**
 * Renews every person's tokens every `everyMs` (access tokens live 5 minutes), as signed-in browsers
 * do, for tests that run longer than that; returns the function that stops it.
 */
export function keepSignedIn(people: () => readonly Person[], everyMs = 120_000): () => void {
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      for (const person of people()) person.tokens = await refreshTokens(person.tokens).catch(() => person.tokens);
    });
  }, everyMs);
  return () => clearInterval(timer);
}

/** Uploads COVER through files.<DOMAIN> with a presigned policy, confirms it and checks the bytes served back. */
export async function uploadCover(token: string): Promise<string> {
  const presigned = expectStatus(201, await api('media', 'POST', '/media/uploads', token, { purpose: 'event_cover', contentType: 'image/png', sizeBytes: COVER.byteLength }), 'presign').json();
  const uploadUrl = String(presigned['uploadUrl']);
  assert.ok(uploadUrl.startsWith(`https://files.${DOMAIN}/`), `uploads go to the public files host: ${uploadUrl}`);
  const form = new FormData();
  for (const [name, value] of Object.entries(presigned['fields'] as Record<string, string>)) form.append(name, value);
  form.append('file', new Blob([COVER], { type: 'image/png' }));
  const encoded = new Response(form);
  const uploaded = await edge(uploadUrl, {
    method: 'POST',
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
    body: Buffer.from(await encoded.arrayBuffer()),
  });
  assert.ok(uploaded.status < 300, `upload through the edge: ${uploaded.status} ${uploaded.text().slice(0, 300)}`);
  const coverId = String(presigned['assetId']);
  expectStatus(200, await api('media', 'POST', `/media/${coverId}/confirm`, token), 'confirm the upload');
  const view = expectStatus(200, await api('media', 'GET', `/media/${coverId}`), 'public view of the cover').json();
  const bytes = await edge(String(view['url']));
  assert.deepEqual(bytes.body, COVER, 'the store serves exactly the uploaded bytes, through the edge');
  return coverId;
}

export interface NewEvent {
  title: string;
  seats: number;
  coverMediaId?: string;
}

/** Creates and publishes an event starting in three hours (its door is open: it opens 6 h before); returns its id. */
export async function publishEvent(token: string, event: NewEvent): Promise<string> {
  const startsAt = Date.now() + 3 * 3600_000;
  const created = expectStatus(
    201,
    await api('events', 'POST', '/events', token, {
      title: event.title,
      description: 'An evening of live music by the water.',
      category: 'music',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3 * 3600_000).toISOString(),
      venue: { name: 'The Warehouse', address: '1 Dock Street', city: 'Lisbon', location: { lat: 38.7, lng: -9.1 } },
      tiers: [{ name: 'Standard', priceMinor: 2500, quantity: event.seats, currency: 'eur' }],
      tags: ['live'],
      ...(event.coverMediaId === undefined ? {} : { coverMediaId: event.coverMediaId }),
    }),
    'create the event',
  ).json();
  const eventId = String(created['eventId']);
  expectStatus(200, await api('events', 'POST', `/events/${eventId}/publish`, token), 'publish');
  return eventId;
}

/** Places an order for one seat; returns its id once it has a Checkout Session, with that session. */
export async function placeOrder(token: string, eventId: string, idempotencyKey: string = randomUUID()): Promise<{ orderId: string; sessionId: string }> {
  const tiers = expectStatus(200, await api('events', 'GET', `/events/${eventId}`), 'event detail').json()['tiers'] as Array<{ tierId: string }>;
  const order = expectStatus(201, await api('tickets', 'POST', '/orders', token, { eventId, tierId: tiers[0]?.tierId, quantity: 1 }, { 'idempotency-key': idempotencyKey }), 'checkout').json();
  const orderId = String(order['orderId']);
  const sessionId = await waitFor(
    async () => {
      const reply = await api('tickets', 'GET', `/orders/${orderId}`, token);
      const session = reply.status === 200 ? reply.json()['checkoutSessionId'] : null;
      return typeof session === 'string' ? session : undefined;
    },
    { timeoutMs: 60_000, what: 'the order to have its Checkout Session' },
  );
  return { orderId, sessionId };
}

/** Stripe's checkout.session.completed for the order, signed with the deployment's webhook secret; returns the reply. */
export function paymentWebhook(orderId: string, sessionId: string): Promise<EdgeReply> {
  const payload = JSON.stringify({
    id: `evt_${randomUUID().replaceAll('-', '')}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: sessionId, object: 'checkout.session', client_reference_id: orderId, metadata: { orderId }, payment_intent: `pi_${randomUUID().replaceAll('-', '')}`, payment_status: 'paid' } },
  });
  const signature = new Stripe('sk_test_signing_only').webhooks.generateTestHeaderString({ payload, secret: secret('stripe_webhook_secret') });
  return edge(`https://tickets.${DOMAIN}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
}

/** The member's valid tickets for the event. */
export async function validTickets(token: string, eventId: string): Promise<string[] | undefined> {
  const reply = await api('tickets', 'GET', '/tickets', token);
  if (reply.status !== 200) return undefined;
  const items = reply.json()['items'] as Array<{ code: string | null; status: string; eventId: string }>;
  return items.filter((ticket) => ticket.eventId === eventId && ticket.status === 'valid' && typeof ticket.code === 'string').map((ticket) => String(ticket.code));
}
