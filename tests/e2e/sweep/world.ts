import { randomUUID } from 'node:crypto';
import { call, createPublishedEvent, grantModeratorRole, infra, keycloakIssuer, passwordGrant, registerAccount, waitFor, type Account, type Reply, type RunningSystem } from '@eventonight/testing';
import { api, eventBody } from '../support/clients.js';

/**
 * The data the sweep's requests point at: real accounts and, through the public APIs, an
 * event with a tier, a follow, a like, a participation, a conversation with a message, an
 * upload ticket, an order and a notification. Ids in paths are these, so a request that gets
 * past validation reaches real documents.
 */

export interface World {
  organization: Account;
  member: Account;
  /** A member an operator made a moderator (ADR 0041): the caller of the moderation routes. */
  moderator: Account;
  /** Published, with one tier; liked, attended and ordered by the member. */
  eventId: string;
  tierId: string;
  /** A draft of the organization's (with one tier), for the routes that edit, publish and cancel. */
  draftEventId: string;
  draftTierId: string;
  conversationId: string;
  /** One of the organization's notifications. */
  notificationId: string;
  /** The member's pending upload. */
  assetId: string;
  orderId: string;
  /** The member's data export, ready (every service answered its part). */
  exportId: string;
}

const SWEEP_TIERS = [{ name: 'Standard', priceMinor: 1500, quantity: 100 }];

function expectOk(reply: Reply, what: string): Reply {
  if (reply.status < 200 || reply.status > 299) throw new Error(`${what} → HTTP ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

/** Retries while a derived copy (a user or an event another service learns of by message) is missing. */
async function onceKnown(what: string, attempt: () => Promise<Reply>): Promise<Reply> {
  return waitFor(
    async () => {
      const reply = await attempt();
      return reply.status === 404 ? undefined : expectOk(reply, what);
    },
    { timeoutMs: 30_000, intervalMs: 200, what },
  );
}

function firstTierId(event: Reply): string {
  const tierId = (event.body['tiers'] as Array<{ tierId: string }> | undefined)?.[0]?.tierId;
  if (tierId === undefined) throw new Error(`no tier in ${JSON.stringify(event.body)}`);
  return tierId;
}

function stringField(reply: Reply, field: string): string {
  const value = reply.body[field];
  if (typeof value !== 'string') throw new Error(`no ${field} in ${JSON.stringify(reply.body)}`);
  return value;
}

export async function buildWorld(system: RunningSystem): Promise<World> {
  const userUrl = system.url('user');
  const [organization, member, registeredModerator] = await Promise.all([
    registerAccount(userUrl, { role: 'organization', displayName: 'Sweep Organizer', organization: { name: 'Sweep Collective' } }),
    registerAccount(userUrl, { role: 'member', displayName: 'Sweep Member' }),
    registerAccount(userUrl, { role: 'member', displayName: 'Sweep Moderator' }),
  ]);
  await grantModeratorRole(registeredModerator.id);
  // Its first token predates the role: every token from now on is a fresh sign-in that carries it.
  const moderator: Account = { ...registeredModerator, token: async () => (await passwordGrant(registeredModerator.email)).token };

  // Followers are notified of what an organization publishes later: follow first.
  await onceKnown('follow', () => api(system, 'interaction', member, 'PUT', `/users/${organization.id}/follow`));

  const { eventId, tierIds } = await createPublishedEvent(system.url('event'), organization, eventBody('Sweep Night', SWEEP_TIERS));
  const tierId = tierIds[0];
  if (tierId === undefined) throw new Error('the published sweep event has no tier');
  const draft = expectOk(await api(system, 'event', organization, 'POST', '/events', { body: eventBody('Sweep Draft', SWEEP_TIERS) }), 'create draft');

  await onceKnown('like', () => api(system, 'interaction', member, 'PUT', `/events/${eventId}/like`));
  expectOk(await api(system, 'interaction', member, 'PUT', `/events/${eventId}/participation`), 'participate');

  const conversation = await onceKnown('open conversation', () =>
    api(system, 'chat', member, 'POST', '/conversations', { body: { withUserId: organization.id } }),
  );
  const conversationId = stringField(conversation, 'conversationId');
  expectOk(
    await api(system, 'chat', member, 'POST', `/conversations/${conversationId}/messages`, { body: { messageId: randomUUID(), text: 'Hello from the sweep' } }),
    'send message',
  );

  const upload = expectOk(
    await api(system, 'media', member, 'POST', '/media/uploads', { body: { purpose: 'avatar', contentType: 'image/png', sizeBytes: 1024 } }),
    'upload ticket',
  );

  const order = expectOk(
    await call(system.url('ticketing'), 'POST', '/orders', {
      token: await member.token(),
      headers: { 'idempotency-key': `sweep-${randomUUID()}` },
      body: { eventId, tierId, quantity: 1 },
    }),
    'order',
  );

  const notificationId = await waitFor(
    async () => {
      const reply = expectOk(await api(system, 'notification', organization, 'GET', '/notifications'), 'notifications');
      const first = (reply.body['items'] as Array<{ id: string }> | undefined)?.[0];
      return first?.id;
    },
    { timeoutMs: 30_000, intervalMs: 200, what: "the organization's first notification" },
  );

  const requested = expectOk(await api(system, 'user', member, 'POST', '/users/me/exports'), 'data export');
  const exportId = stringField(requested, 'exportId');
  await waitFor(
    async () => {
      const list = expectOk(await api(system, 'user', member, 'GET', '/users/me/exports'), 'exports');
      const items = (list.body['items'] as Array<{ exportId: string; status: string }> | undefined) ?? [];
      return items.some((item) => item.exportId === exportId && item.status === 'ready') ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 300, what: "the member's data export to be ready" },
  );

  return {
    organization,
    member,
    moderator,
    eventId,
    tierId,
    draftEventId: stringField(draft, 'eventId'),
    draftTierId: firstTierId(draft),
    conversationId,
    notificationId,
    assetId: stringField(upload, 'assetId'),
    orderId: stringField(order, 'orderId'),
    exportId,
  };
}

/** A token of the event service's own client, the only caller the internal ticketing route serves. */
export async function eventServiceToken(): Promise<string> {
  const response = await fetch(`${keycloakIssuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'event-service',
      client_secret: infra.keycloakEventServiceClientSecret,
    }),
  });
  if (!response.ok) throw new Error(`client credentials for event-service → HTTP ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Deletes an account the sweep registered (a real Keycloak user) the way its owner would. */
export async function deleteRegistered(userUrl: string, email: string, password: string): Promise<boolean> {
  const grant = await passwordGrant(email, password).catch(() => undefined);
  if (grant === undefined) return false;
  const reply = await call(userUrl, 'DELETE', '/users/me', { token: grant.token });
  return reply.status === 204;
}
