import { createHmac, randomUUID } from 'node:crypto';
import { infra } from '@eventonight/testing';
import { operationKey, type Operation } from './openapi.js';
import type { SweepRequest } from './requests.js';
import { validValue } from './schema-values.js';
import type { Baseline } from './variants.js';
import type { World } from './world.js';

/**
 * What the OpenAPI documents cannot say: which real id goes in each path, who calls each
 * route, the few body values that must name real things or be unique per call, and what the
 * valid baseline of a state-changing route is answered with the sweep's data.
 */

export type CallerRole = 'member' | 'organization' | 'moderator' | 'event-service';

export interface RouteSetup {
  baseline: Baseline;
  caller: CallerRole;
  /** Gives a request fresh values where each call needs unique ones (email, key, message id, signature). */
  refresh: (request: SweepRequest) => SweepRequest;
  /** What the valid baseline may be answered (2xx unless the route's rules say otherwise with this data). */
  baselineStatuses: readonly number[];
  /** False for the one baseline that would end the sweep: deleting the caller's account. */
  sendBaseline: boolean;
  /** How many unicode values each free-text field gets (registrations are slow: they create Keycloak users). */
  unicodeLimit?: number;
}

const OK = [200, 201, 202, 204];
const UNKNOWN_FEED_TOKEN = 'A'.repeat(43);
/** An unsubscribe link's key of the documented shape, signed by nobody: the service answers 422. */
const FORGED_UNSUBSCRIBE_TOKEN = `sweep.${'B'.repeat(43)}`;
const SWEEP_PASSWORD = 'Sweep-password-2026!';
const SIGN_AT_SEND = 'signed-when-sent';
/** A well-formed user id nobody has. */
const NOBODY = '00000000-0000-4000-8000-000000000000';

function pathValue(op: Operation, name: string, world: World): string {
  switch (name) {
    case 'eventId':
      // The event service's commands edit, publish and cancel the draft; everything else reads the published event.
      return op.service === 'event' && op.method !== 'get' ? world.draftEventId : world.eventId;
    case 'userId':
      // Blocks and suspensions name nobody real: blocking or suspending the organization would end the
      // member's conversation with it, or its writes (ADR 0041).
      if (op.path.startsWith('/users/me/blocks/') || op.path.startsWith('/moderation/users/')) return NOBODY;
      // Participations are listed to their owner only (anyone else gets 404).
      return op.path.endsWith('/participations') ? world.member.id : world.organization.id;
    case 'kind':
      // Hiding the sweep's event would take it from every other route: an item nobody wrote instead.
      return 'review';
    case 'itemId':
      return 'sweep-item';
    case 'reportId':
      return 'sweep-report';
    case 'id':
      return op.service === 'notification' ? world.notificationId : world.organization.id;
    case 'conversationId':
      return world.conversationId;
    case 'assetId':
      return world.assetId;
    case 'orderId':
      // The member's own order (GET /orders/{orderId} answers its buyer only).
      return world.orderId;
    case 'exportId':
      // The member's own ready export (anyone else's is 404).
      return world.exportId;
    case 'tierId':
      // The published event's first tier (waiting list, tier changes: ADR 0039).
      return world.tierId;
    case 'ticketId':
      // A well-formed id of no ticket: a transfer's baseline reaches the lookup and finds nothing.
      return 'tkt_sweep_unknown';
    case 'token':
      // A calendar feed's key, well-formed but no feed's (a real one is the calendar tests' story).
      return UNKNOWN_FEED_TOKEN;
    case 'staffId':
    case 'invitationId':
      // Door staff (ADR 0038): an id of the documented shape that no invitation has.
      return 'dst_sweep-none';
    default:
      throw new Error(`no id for path parameter ${name} of ${operationKey(op)}`);
  }
}

function callerOf(op: Operation): CallerRole {
  if (op.roles.includes('moderator')) return 'moderator';
  if (op.roles.includes('organization')) return 'organization';
  if (op.roles.includes('member')) return 'member';
  if (op.path.startsWith('/internal/')) return 'event-service';
  // The organization holds the notifications (a follower, a like, a message) and organization fields.
  if (op.service === 'notification' || operationKey(op) === 'user PATCH /users/me') return 'organization';
  return 'member';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Stripe-Signature header for `payload`, made with the webhook secret the service was given. */
function stripeSignature(payload: string): string {
  const timestamp = Math.floor(Date.now() / 1000);
  const digest = createHmac('sha256', infra.stripeWebhookSecret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

function webhookPayload(): string {
  return JSON.stringify({
    id: `evt_sweep_${randomUUID().replaceAll('-', '')}`,
    object: 'event',
    type: 'sweep.not_handled',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: 'cs_sweep', object: 'checkout.session' } },
  });
}

/** Replaces a body field or header that still has the baseline's value by a fresh one. */
function refreshing(field: { body?: string; header?: string }, baselineValue: string, fresh: () => string) {
  return (request: SweepRequest): SweepRequest => {
    if (field.header !== undefined && request.headers[field.header] === baselineValue) {
      return { ...request, headers: { ...request.headers, [field.header]: fresh() } };
    }
    const body = request.body;
    if (field.body !== undefined && body.kind === 'json' && isRecord(body.value) && body.value[field.body] === baselineValue) {
      return { ...request, body: { kind: 'json', value: { ...body.value, [field.body]: fresh() } } };
    }
    return request;
  };
}

const unchanged = (request: SweepRequest): SweepRequest => request;

export function routeSetup(op: Operation, world: World): RouteSetup {
  const key = operationKey(op);
  const path = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(op, p.name, world)]));
  const headers: Record<string, string> = {};
  for (const parameter of op.parameters) {
    if (parameter.in !== 'header' || !parameter.required || parameter.name === 'authorization') continue;
    if (parameter.name === 'idempotency-key') headers[parameter.name] = 'sweep-baseline-key';
    else if (parameter.name === 'stripe-signature') headers[parameter.name] = SIGN_AT_SEND;
    else throw new Error(`no value for required header ${parameter.name} of ${key}`);
  }

  const generated = op.body === undefined ? undefined : validValue(op.body, 'body');
  const body = isRecord(generated) ? { ...generated } : generated;
  const setup: RouteSetup = {
    baseline: { path, headers, body: body === undefined ? { kind: 'none' } : { kind: 'json', value: body } },
    caller: callerOf(op),
    refresh: unchanged,
    baselineStatuses: OK,
    sendBaseline: true,
  };

  switch (key) {
    case 'user PUT /users/me/blocks/{userId}':
    case 'user POST /moderation/reports/{reportId}/dismiss':
    case 'user POST /moderation/users/{userId}/suspend':
    case 'user POST /moderation/users/{userId}/reinstate':
      // Nobody real (see pathValue): the baseline reaches the lookup and finds nothing.
      setup.baselineStatuses = [404];
      break;
    case 'user POST /reports':
      // A report of the published event, once (a repeat answers 200 with the stored report).
      setup.baseline.body = { kind: 'json', value: { kind: 'event', itemId: world.eventId, reason: 'spam', text: 'sweep' } };
      break;
    case 'media GET /media':
      // Required `ids`: the member's upload (pending, so listed by nobody: an empty page).
      setup.baseline.query = [['ids', encodeURIComponent(world.assetId)]];
      break;
    case 'event GET /discover/near':
      // A point (lat and lng go together; a point or a city, never both): around Bologna.
      setup.baseline.query = [
        ['lat', '44.49'],
        ['lng', '11.34'],
      ];
      break;
    case 'user POST /users': {
      // An organization (its branch of the body's oneOf by role), so that every field, the organization's too, is in play.
      const branch = op.body?.oneOf?.find((candidate) => candidate.properties?.['role']?.const === 'organization');
      const organization = branch === undefined ? body : validValue(branch, 'body');
      if (!isRecord(organization)) break;
      Object.assign(organization, { role: 'organization', password: SWEEP_PASSWORD, email: 'sweep-baseline@sweep.example' });
      setup.baseline.body = { kind: 'json', value: organization };
      setup.refresh = refreshing({ body: 'email' }, 'sweep-baseline@sweep.example', () => `sweep-${randomUUID()}@sweep.example`);
      setup.unicodeLimit = 3;
      break;
    }
    case 'user PUT /users/me/email':
      // Each valid call asks to move to an address of its own (the same one twice within a minute is a 409).
      setup.baseline.body = { kind: 'json', value: { email: 'sweep-move@sweep.example' } };
      setup.refresh = refreshing({ body: 'email' }, 'sweep-move@sweep.example', () => `sweep-move-${randomUUID()}@sweep.example`);
      setup.baselineStatuses = [202];
      break;
    case 'user POST /users/me/email-verification':
      // A new link for a change waiting to be confirmed (202), or too soon after the last one / nothing waiting (409).
      setup.baselineStatuses = [202, 409];
      break;
    case 'user POST /email-verifications':
      // A well-formed code no link has: the baseline reaches the lookup and finds nothing.
      setup.baselineStatuses = [404];
      break;
    case 'ticketing GET /calendar-feed/{token}.ics':
      setup.baselineStatuses = [404];
      break;
    case 'ticketing DELETE /calendar-feed':
      // Stopping a feed the member may not have (the POST may run before or after).
      setup.baselineStatuses = [204, 404];
      break;
    case 'notification GET /mail-unsubscribe':
      setup.baseline.query = [['token', encodeURIComponent(FORGED_UNSUBSCRIBE_TOKEN)]];
      setup.baselineStatuses = [422];
      break;
    case 'notification POST /mail-unsubscribe':
      // Exactly what a mail client sends (RFC 8058), with a key nobody signed.
      setup.baseline.query = [['token', encodeURIComponent(FORGED_UNSUBSCRIBE_TOKEN)]];
      setup.baseline.body = { kind: 'raw', text: 'List-Unsubscribe=One-Click', contentType: 'application/x-www-form-urlencoded' };
      setup.baselineStatuses = [422];
      break;
    case 'notification PUT /notification-preferences/mail':
      setup.baseline.body = { kind: 'json', value: { off: ['event.reminder'], locale: 'it-IT', timeZone: 'Europe/Rome' } };
      break;
    case 'user DELETE /users/me':
      setup.sendBaseline = false;
      break;
    case 'chat POST /conversations':
      if (isRecord(body)) body['withUserId'] = world.organization.id;
      break;
    case 'chat POST /conversations/{conversationId}/messages':
      setup.refresh = refreshing({ body: 'messageId' }, String(isRecord(body) ? body['messageId'] : ''), () => randomUUID());
      break;
    case 'ticketing POST /orders':
      if (isRecord(body)) Object.assign(body, { eventId: world.eventId, tierId: world.tierId });
      setup.refresh = refreshing({ header: 'idempotency-key' }, 'sweep-baseline-key', () => `sweep-${randomUUID()}`);
      break;
    case 'ticketing PUT /internal/events/{eventId}/tiers':
      if (isRecord(body) && isRecord(body['event'])) Object.assign(body['event'], { eventId: world.eventId, organizerId: world.organization.id });
      break;
    case 'event PATCH /events/{eventId}': {
      // A tier named by id is kept; an id the event does not have is refused (422).
      const tiers = isRecord(body) ? body['tiers'] : undefined;
      if (Array.isArray(tiers) && isRecord(tiers[0])) tiers[0]['tierId'] = world.draftTierId;
      break;
    }
    case 'interaction PUT /events/{eventId}/review':
      // The event starts in weeks: a review of it is refused until then (the body was valid).
      setup.baselineStatuses = [422];
      break;
    case 'media POST /media/{assetId}/confirm':
      // The sweep asks for an upload ticket but never uploads the bytes: nothing to confirm yet.
      setup.baselineStatuses = [409];
      break;
    case 'ticketing POST /events/{eventId}/tickets/validate':
      // No ticket has this code: the baseline reaches the lookup and finds nothing.
      setup.baselineStatuses = [404];
      break;
    case 'ticketing DELETE /events/{eventId}/door-staff/{staffId}':
    case 'ticketing POST /door-invitations/{invitationId}/accept':
      // No such door staff member or invitation: the baseline reaches the lookup and finds nothing.
      setup.baselineStatuses = [404];
      break;
    // Issue 29 (ADR 0039). The sweep's tier still has seats: joining its waiting list is refused (409
    // seats-available), nobody is in line (404), there is no offer (409), its order is not paid (409).
    case 'ticketing POST /events/{eventId}/tiers/{tierId}/waiting-list':
      setup.baselineStatuses = [200, 201, 409];
      break;
    case 'ticketing GET /events/{eventId}/tiers/{tierId}/waiting-list/me':
      setup.baselineStatuses = [200, 404];
      break;
    case 'ticketing POST /events/{eventId}/tiers/{tierId}/waiting-list/me/accept':
      setup.baselineStatuses = [200, 201, 409];
      break;
    case 'ticketing PATCH /events/{eventId}/tiers/{tierId}':
      setup.baseline.body = { kind: 'json', value: { capacity: 1000, salesClosed: false } };
      break;
    case 'ticketing POST /events/{eventId}/tiers':
      setup.baseline.body = { kind: 'json', value: { name: 'Sweep extra', priceMinor: 1000, currency: 'eur', capacity: 10 } };
      setup.unicodeLimit = 3;
      break;
    case 'ticketing POST /orders/{orderId}/refund':
      setup.baselineStatuses = [409];
      break;
    case 'ticketing POST /tickets/{ticketId}/transfer':
      setup.baselineStatuses = [404];
      break;
    case 'ticketing POST /webhooks/stripe':
      setup.baseline.body = { kind: 'raw', text: webhookPayload(), contentType: 'application/json' };
      setup.refresh = (request) => {
        if (request.headers['stripe-signature'] !== SIGN_AT_SEND) return request;
        const text = request.body.kind === 'raw' ? request.body.text : '';
        return { ...request, headers: { ...request.headers, 'stripe-signature': stripeSignature(text) } };
      };
      break;
  }
  return setup;
}
