import { defineRoute, problems, textResponse, type RouteHost } from '@eventonight/platform';
import type Stripe from 'stripe';
import { availabilityOf } from '../application/availability.js';
import { calendarFeedFile, calendarFeedOf, createCalendarFeed, revokeCalendarFeed } from '../application/calendar-feed.js';
import { checkout } from '../application/checkout.js';
import type { TicketingDeps } from '../application/deps.js';
import { openSales } from '../application/event-sales.js';
import { attendeesOf, salesOf } from '../application/organizer-reads.js';
import { alreadyUsed, doorClosed, emailNotVerified, notOnSale, soldOut, stripeSignatureInvalid, ticketInvalidated, ticketingProblems } from '../application/problems.js';
import { readOwnOrder } from '../application/read-order.js';
import { recordStripeEvent } from '../application/stripe-events.js';
import { validateTicket } from '../application/validate-ticket.js';
import { pageOf } from '../persistence/lists.js';
import { doorStaffRoutes } from './door-staff-routes.js';
import { presentOrder, presentTicket } from './presenter.js';
import { waitingListRoutes } from './waiting-list-routes.js';
import {
  attendeesQuery,
  availabilityView,
  calendarFeedParams,
  calendarFeedStatus,
  checkoutBody,
  checkoutHeaders,
  checkoutResponse,
  eventParams,
  internalTiersBody,
  internalTiersResponse,
  listQuery,
  newCalendarFeed,
  orderParams,
  orderView,
  salesView,
  pageOfAttendees,
  pageOfOrders,
  pageOfTickets,
  stripeHeaders,
  validateBody,
  validateResponse,
  webhookResponse,
} from './schemas.js';

export interface RouteOptions {
  stripe: Stripe;
  webhookSecret: string;
  internalCallerAzp: string;
  /** Rung after a Stripe event was stored, so the worker picks it up at once. */
  onStripeEventStored: () => void;
}

/**
 * Every route a member or an organizer calls with their own token first refuses an erased
 * account's still-valid token (401 account-deleted, ADR 0027): one indexed count.
 */
export function ticketingRoutes(host: RouteHost, deps: TicketingDeps, options: RouteOptions): void {
  defineRoute(
    host,
    {
      method: 'post',
      path: '/orders',
      summary: 'Checkout: hold seats and get a Stripe Checkout URL (Idempotency-Key required)',
      description:
        '201: a new order. A paid tier answers `awaiting_payment` with the Stripe Checkout `checkoutUrl` ' +
        '(seats held until the session expires); a free tier is settled at once (`paid`, `checkoutUrl` null). ' +
        '200: the same `Idempotency-Key` and purchase again — the order as it is now, never a second hold or charge. ' +
        '403 `/problems/email-not-verified`: the buyer has not confirmed their email address yet (token claim `email_verified`). ' +
        '404 `not-found`: no tickets are known for this event, or it has no such tier. ' +
        '409 `/problems/not-on-sale`: sales are closed (cancelled, completed or started). ' +
        '409 `/problems/sold-out`: fewer seats than `quantity` remain (extension `available`: how many). ' +
        '422 `unprocessable`: this `Idempotency-Key` was used for a different purchase (extension `reason`: ' +
        '`idempotency-key-reused`). 409 `version-conflict`: the tier was contended by other replicas through ' +
        'every retry (rare); 503 `service-unavailable`: the payment provider failed, nothing is held. Either way ' +
        'retry with the same key.',
      tags: ['orders'],
      auth: { roles: ['member'] },
      headers: checkoutHeaders,
      body: checkoutBody,
      responses: { 200: checkoutResponse, 201: checkoutResponse },
      // version-conflict: the inventory's group commit and the order's changes retry a lost race, then give up.
      problems: ['not-found', 'version-conflict', 'unprocessable', notOnSale, soldOut, emailNotVerified],
    },
    async ({ principal, headers, body }) => {
      await deps.ledger.refuseErased(principal.userId);
      const { created, order } = await checkout(deps, principal, { ...body, idempotencyKey: headers['idempotency-key'] });
      const view = { orderId: order._id, status: order.status, checkoutUrl: presentOrder(order).checkoutUrl };
      return created ? { status: 201, body: view } : { status: 200, body: view };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/orders',
      summary: 'My orders, newest first',
      description: '422 `unprocessable`: `cursor` is not the `nextCursor` of a page of this list.',
      tags: ['orders'],
      query: listQuery,
      responses: { 200: pageOfOrders },
      problems: ['unprocessable'],
    },
    async ({ principal, query }) => {
      await deps.ledger.refuseErased(principal.userId);
      const page = await pageOf(deps.orders.collection, {
        ownerField: 'buyerId',
        ownerId: principal.userId,
        dateField: 'createdAt',
        limit: query.limit ?? 20,
        cursor: query.cursor,
      });
      return { status: 200, body: { items: page.items.map(presentOrder), nextCursor: page.nextCursor } };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId/availability',
      summary: 'Seats left per ticket tier of an event (public)',
      description: '404 `not-found`: no tickets are known for this event (not published, or no such event).',
      tags: ['tickets'],
      auth: 'public',
      params: eventParams,
      responses: { 200: availabilityView },
      problems: ['not-found'],
    },
    async ({ params }) => ({ status: 200, body: await availabilityOf(deps, params.eventId) }),
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/orders/:orderId',
      summary: 'One of my orders (the checkout return page follows its status)',
      description: "404 `not-found`: no such order, or it is someone else's.",
      tags: ['orders'],
      params: orderParams,
      responses: { 200: orderView },
      problems: ['not-found'],
    },
    async ({ principal, params }) => {
      await deps.ledger.refuseErased(principal.userId);
      return { status: 200, body: presentOrder(await readOwnOrder(deps, principal, params.orderId)) };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/tickets',
      summary: 'My tickets, newest first',
      description: '422 `unprocessable`: `cursor` is not the `nextCursor` of a page of this list.',
      tags: ['tickets'],
      query: listQuery,
      responses: { 200: pageOfTickets },
      problems: ['unprocessable'],
    },
    async ({ principal, query }) => {
      await deps.ledger.refuseErased(principal.userId);
      const page = await pageOf(deps.tickets.collection, {
        ownerField: 'holderId',
        ownerId: principal.userId,
        dateField: 'issuedAt',
        limit: query.limit ?? 20,
        cursor: query.cursor,
      });
      return { status: 200, body: { items: page.items.map(presentTicket), nextCursor: page.nextCursor } };
    },
  );

  calendarFeedRoutes(host, deps);
  doorStaffRoutes(host, deps);
  waitingListRoutes(host, deps);

  defineRoute(
    host,
    {
      method: 'post',
      path: '/events/:eventId/tickets/validate',
      summary: "Scan a ticket at the door (the event's organizer or its door staff; valid once)",
      description:
        '200 names the tier and the holder. A refused ticket of this event answers 409 with type ' +
        '`/problems/already-used` or `/problems/ticket-invalidated`, and the extension members ' +
        '`ticketId`, `tierName`, `holderName` (null if unknown) and `usedAt` (ISO 8601, null if never used). ' +
        'Outside the door hours (from 6 hours before the start until the end, as the event is scheduled now) ' +
        'it answers 409 `/problems/door-closed` with `ticketId`, `tierName`, `holderName`, `startsAt`, `opensAt` and `closesAt`; ' +
        'the ticket stays unused. ' +
        '404 `not-found`: no tickets are known for this event, or no ticket of this event has this code ' +
        '(a code of another event included). 403 `forbidden`: not this event\'s organizer or door staff (ADR 0038). ' +
        '200 and 409 `already-used` also say who let the guest in (`checkedInByName`) and on which device (`deviceName`).',
      tags: ['tickets'],
      auth: { roles: ['organization', 'member'] },
      params: eventParams,
      body: validateBody,
      responses: { 200: validateResponse },
      problems: ['not-found', alreadyUsed, ticketInvalidated, doorClosed],
    },
    async ({ principal, params, body }) => {
      await deps.ledger.refuseErased(principal.userId);
      const { ticket, tierName, holderName, checkedInBy } = await validateTicket(deps, principal, { eventId: params.eventId, ...body });
      return {
        status: 200,
        body: {
          ticketId: ticket._id,
          eventId: ticket.eventId,
          tierId: ticket.tierId,
          tierName,
          holderId: ticket.holderId,
          holderName,
          status: 'used' as const,
          usedAt: ticket.usedAt.toISOString(),
          checkedInByName: checkedInBy.name,
          deviceName: body.deviceName ?? null,
        },
      };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId/sales',
      summary: "Sales of an event per tier: capacity, sold, held, seats left, refunded, checked in, revenue (the event's organizer only)",
      description: "404 `not-found`: no tickets are known for this event. 403 `forbidden`: the event is another organizer's.",
      tags: ['organizer'],
      auth: { roles: ['organization'] },
      params: eventParams,
      responses: { 200: salesView },
      problems: ['not-found'],
    },
    async ({ principal, params }) => {
      await deps.ledger.refuseErased(principal.userId);
      return { status: 200, body: await salesOf(deps, principal, params.eventId) };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId/attendees',
      summary: "An event's tickets, newest first, with tier, holder's name, order and check-in (the event's organizer only)",
      description:
        "404 `not-found`: no tickets are known for this event. 403 `forbidden`: the event is another organizer's. " +
        '422 `unprocessable`: `cursor` is not the `nextCursor` of a page of this list.',
      tags: ['organizer'],
      auth: { roles: ['organization'] },
      params: eventParams,
      query: attendeesQuery,
      responses: { 200: pageOfAttendees },
      problems: ['not-found', 'unprocessable'],
    },
    async ({ principal, params, query }) => {
      await deps.ledger.refuseErased(principal.userId);
      const page = await attendeesOf(deps, principal, { eventId: params.eventId, limit: query.limit ?? 100, cursor: query.cursor });
      return {
        status: 200,
        body: {
          items: page.items.map((attendee) => ({
            ...attendee,
            issuedAt: attendee.issuedAt.toISOString(),
            usedAt: attendee.usedAt === null ? null : attendee.usedAt.toISOString(),
          })),
          nextCursor: page.nextCursor,
        },
      };
    },
  );

  defineRoute(
    host,
    {
      method: 'put',
      path: '/internal/events/:eventId/tiers',
      summary: 'Dual path from the event service: open sales for a published event (service token, azp=event-service)',
      description:
        'Idempotent: `opened` the first time, `unchanged` after (tiers are frozen at publish). ' +
        "422 `unprocessable`: the body's `event.eventId` is not the path's `eventId`.",
      tags: ['internal'],
      // The caller's client is checked before the body is read: others get 403, never a schema hint.
      auth: { client: options.internalCallerAzp },
      params: eventParams,
      body: internalTiersBody,
      responses: { 200: internalTiersResponse },
      problems: ['unprocessable'],
    },
    async ({ params, body }) => {
      if (body.event.eventId !== params.eventId) throw problems.unprocessable('The body is about another event than the path.');
      const outcome = await openSales(deps, body);
      return { status: 200, body: { outcome } };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/webhooks/stripe',
      summary: 'Stripe webhook: verified on the raw body, stored once, processed by a worker',
      description:
        'For Stripe only: the body is a Stripe event (JSON, any content type), accepted only with the ' +
        "`Stripe-Signature` Stripe computed over these exact bytes with this endpoint's secret. " +
        '200: verified and stored (`duplicate: true` when this event id was received before; nothing is ' +
        'applied twice). 400 `/problems/stripe-signature-invalid`: the signature does not match the body, ' +
        'was made with another secret, or is older than 5 minutes (Stripe retries).',
      tags: ['webhooks'],
      auth: 'public',
      rawBody: true,
      headers: stripeHeaders,
      responses: { 200: webhookResponse },
      problems: [stripeSignatureInvalid],
    },
    async ({ headers, body, log }) => {
      let event: Stripe.Event;
      try {
        event = options.stripe.webhooks.constructEvent(body, headers['stripe-signature'], options.webhookSecret);
      } catch (error) {
        log.warn({ err: error }, 'stripe webhook signature refused');
        throw ticketingProblems.stripeSignatureInvalid();
      }
      const stored = await recordStripeEvent(deps, event, body.toString('utf8'));
      if (stored === 'stored') options.onStripeEventStored();
      return { status: 200, body: { received: true as const, duplicate: stored === 'duplicate' } };
    },
  );
}


/**
 * A member's private calendar feed of their tickets: made, looked at and stopped with their token;
 * read by calendar apps with the secret in its address (they can send nothing else).
 */
function calendarFeedRoutes(host: RouteHost, deps: TicketingDeps): void {
  defineRoute(
    host,
    {
      method: 'get',
      path: '/calendar-feed',
      summary: 'Whether I have a calendar feed of my tickets, and since when',
      description: 'Its address is shown only when it is made (POST); `feed` is null when there is none.',
      tags: ['calendar'],
      responses: { 200: calendarFeedStatus },
    },
    async ({ principal }) => {
      await deps.ledger.refuseErased(principal.userId);
      const feed = await calendarFeedOf(deps, principal);
      return { status: 200, body: { feed: feed === null ? null : { createdAt: feed.createdAt.toISOString() } } };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/calendar-feed',
      summary: 'Make my calendar feed, or a new address for it (the previous one stops working)',
      description:
        '201: the feed\'s address, `<app>/api/ticketing/calendar-feed/<token>.ics`, to subscribe to in a calendar app. ' +
        'It is shown only now (only a digest of the token is kept); asking again makes a new address and ends the old one.',
      tags: ['calendar'],
      responses: { 201: newCalendarFeed },
    },
    async ({ principal }) => {
      await deps.ledger.refuseErased(principal.userId);
      const feed = await createCalendarFeed(deps, principal);
      return { status: 201, body: { url: feed.url, createdAt: feed.createdAt.toISOString() }, headers: { 'cache-control': 'no-store' } };
    },
  );

  defineRoute(
    host,
    {
      method: 'delete',
      path: '/calendar-feed',
      summary: 'Stop my calendar feed: its address answers 404 from now on',
      description: 'Idempotent: 204 whether or not there was a feed.',
      tags: ['calendar'],
      responses: { 204: null },
    },
    async ({ principal }) => {
      await deps.ledger.refuseErased(principal.userId);
      await revokeCalendarFeed(deps, principal);
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/calendar-feed/:token.ics',
      summary: "A member's tickets as an iCalendar feed (RFC 5545), for calendar apps",
      description:
        'Public: the token in the address is the credential. One VEVENT per event the member holds tickets for that get someone in ' +
        '(valid or used), saying how many of which tier; a cancelled event stays as STATUS:CANCELLED; a refunded order\'s tickets leave it. ' +
        'UID is the event\'s (as in its own calendar file and the mails), SEQUENCE the event version ticketing last applied. ' +
        '404 `not-found`: no feed has this token (never made, replaced, stopped, or its member\'s account deleted).',
      tags: ['calendar'],
      auth: 'public',
      params: calendarFeedParams,
      responses: { 200: textResponse('text/calendar') },
      problems: ['not-found'],
    },
    async ({ params }) => ({
      status: 200,
      body: await calendarFeedFile(deps, params.token),
      // Private to whoever holds the address; a calendar app asks again within the hour.
      headers: { 'cache-control': 'private, max-age=300', 'content-disposition': 'inline; filename="eventonight-tickets.ics"' },
    }),
  );
}
