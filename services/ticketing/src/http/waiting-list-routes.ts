import { z } from 'zod';
import { defineRoute, opaqueId, type RouteHost } from '@eventonight/platform';
import type { TicketingDeps } from '../application/deps.js';
import { notOnSale, soldOut, emailNotVerified } from '../application/problems.js';
import { notRefundable, requestRefund } from '../application/refunds.js';
import { addTier, belowSold, changeTier, salesEnded, setRefundPolicy } from '../application/tier-changes.js';
import { transferTicket } from '../application/transfers.js';
import { joinWaitingList, leaveWaitingList, noOffer, ownView, seatsAvailable, takeOffer } from '../application/waiting-list.js';
import { presentOrder, presentTicket } from './presenter.js';
import { checkoutResponse, orderParams, orderView, ticketView } from './schemas.js';

/** Issue 29 (ADR 0039): waiting lists, tier changes after publication, refunds and transfers by the member. */

const tierParams = z.strictObject({ eventId: opaqueId('is not an event id'), tierId: opaqueId('is not a tier id') });
const eventOnlyParams = z.strictObject({ eventId: opaqueId('is not an event id') });
const ticketParams = z.strictObject({ ticketId: opaqueId('is not a ticket id') });

const joinBody = z.strictObject({ quantity: z.int().min(1).max(10).default(1) });
const waitingView = z.object({
  eventId: z.string(),
  tierId: z.string(),
  entryId: z.string(),
  quantity: z.int(),
  state: z.enum(['waiting', 'offered', 'taken']).describe('waiting: in line; offered: seats are held for you until offerExpiresAt; taken: bought'),
  position: z.int().describe('1 = next to be offered; 0 while an offer is open or taken'),
  joinedAt: z.string(),
  offerExpiresAt: z.string().nullable(),
});

const tierChangeBody = z
  .strictObject({
    capacity: z.int().min(0).max(1_000_000).optional(),
    salesClosed: z.boolean().optional(),
  })
  .refine((body) => body.capacity !== undefined || body.salesClosed !== undefined, 'give capacity, salesClosed or both');
const newTierBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  priceMinor: z.int().min(0).max(10_000_000),
  currency: z.string().regex(/^[a-z]{3}$/, 'ISO 4217 code in lower case'),
  capacity: z.int().min(1).max(1_000_000),
});
const tierView = z.object({
  tierId: z.string(),
  name: z.string(),
  priceMinor: z.int(),
  currency: z.string(),
  capacity: z.int(),
  salesClosed: z.boolean(),
});
const refundPolicyBody = z.strictObject({
  refundDaysBefore: z.int().min(0).max(365).nullable().describe('null: no refunds; N: members may ask until N days before the start'),
});
const refundPolicyView = z.object({ refundDaysBefore: z.int().nullable() });
const transferBody = z.strictObject({ recipientId: opaqueId('is not a member id').describe("The recipient's member id (shown on their profile page)") });

export function waitingListRoutes(host: RouteHost, deps: TicketingDeps): void {
  defineRoute(
    host,
    {
      method: 'post',
      path: '/events/:eventId/tiers/:tierId/waiting-list',
      summary: 'Join the waiting list of a sold-out tier',
      description:
        '201: in line (`position`), or at once `offered` when seats were free but promised to nobody. 200: already in line. ' +
        '409 `/problems/seats-available`: the tier still has seats for you — buy them instead. 409 `/problems/not-on-sale`: sales are closed.',
      tags: ['waiting-list'],
      auth: { roles: ['member'] },
      params: tierParams,
      body: joinBody,
      responses: { 200: waitingView, 201: waitingView },
      problems: ['not-found', 'version-conflict', notOnSale, seatsAvailable],
    },
    async ({ principal, params, body }) => {
      await deps.ledger.refuseErased(principal.userId);
      const { created, view } = await joinWaitingList(deps, principal, { ...params, quantity: body.quantity });
      return { status: created ? 201 : 200, body: view };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId/tiers/:tierId/waiting-list/me',
      summary: 'My place on the waiting list of a tier (404 when not in line)',
      tags: ['waiting-list'],
      auth: { roles: ['member'] },
      params: tierParams,
      responses: { 200: waitingView },
      problems: ['not-found'],
    },
    async ({ principal, params }) => {
      await deps.ledger.refuseErased(principal.userId);
      return { status: 200, body: await ownView(deps, principal, params.eventId, params.tierId) };
    },
  );

  defineRoute(
    host,
    {
      method: 'delete',
      path: '/events/:eventId/tiers/:tierId/waiting-list/me',
      summary: 'Leave the waiting list (an open offer passes to the next in line)',
      tags: ['waiting-list'],
      auth: { roles: ['member'] },
      params: tierParams,
      responses: { 204: null },
      problems: ['not-found', 'version-conflict'],
    },
    async ({ principal, params }) => {
      await deps.ledger.refuseErased(principal.userId);
      await leaveWaitingList(deps, principal, params);
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/events/:eventId/tiers/:tierId/waiting-list/me/accept',
      summary: 'Take my waiting-list offer: a checkout of the seats held for me (same answer as POST /orders)',
      description: '409 `/problems/no-offer`: no open offer (expired, or still waiting).',
      tags: ['waiting-list'],
      auth: { roles: ['member'] },
      params: tierParams,
      responses: { 200: checkoutResponse, 201: checkoutResponse },
      problems: ['not-found', 'version-conflict', 'unprocessable', noOffer, notOnSale, soldOut, emailNotVerified],
    },
    async ({ principal, params }) => {
      await deps.ledger.refuseErased(principal.userId);
      const { created, order } = await takeOffer(deps, principal, params);
      const view = { orderId: order._id, status: order.status, checkoutUrl: presentOrder(order).checkoutUrl };
      return { status: created ? 201 : 200, body: view };
    },
  );

  defineRoute(
    host,
    {
      method: 'patch',
      path: '/events/:eventId/tiers/:tierId',
      summary: "Change a tier after publication: capacity and/or closed sales (the event's organizer only)",
      description:
        '422 `/problems/unprocessable`: neither `capacity` nor `salesClosed` given. ' +
        '409 `/problems/capacity-below-sold`: the new capacity is below the seats sold and held (extension `minimum`). ' +
        '409 `/problems/sales-ended`: the event is cancelled or over. Seats added go to the waiting list first.',
      tags: ['organizer'],
      auth: { roles: ['organization'] },
      params: tierParams,
      body: tierChangeBody,
      responses: { 200: tierView },
      problems: ['not-found', 'unprocessable', 'version-conflict', belowSold, salesEnded],
    },
    async ({ principal, params, body }) => {
      await deps.ledger.refuseErased(principal.userId);
      return { status: 200, body: await changeTier(deps, principal, params.eventId, { tierId: params.tierId, ...body }) };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/events/:eventId/tiers',
      summary: "Add a tier after publication (the event's organizer only; the same name again is the same tier)",
      tags: ['organizer'],
      auth: { roles: ['organization'] },
      params: eventOnlyParams,
      body: newTierBody,
      responses: { 200: tierView, 201: tierView },
      problems: ['not-found', 'version-conflict', salesEnded],
    },
    async ({ principal, params, body }) => {
      await deps.ledger.refuseErased(principal.userId);
      const { view, created } = await addTier(deps, principal, params.eventId, body);
      return { status: created ? 201 : 200, body: view };
    },
  );

  defineRoute(
    host,
    {
      method: 'put',
      path: '/events/:eventId/refund-policy',
      summary: "Set the event's refund policy: none, or until N days before the start (the event's organizer only)",
      tags: ['organizer'],
      auth: { roles: ['organization'] },
      params: eventOnlyParams,
      body: refundPolicyBody,
      responses: { 200: refundPolicyView },
      problems: ['not-found', 'version-conflict'],
    },
    async ({ principal, params, body }) => {
      await deps.ledger.refuseErased(principal.userId);
      const policy = await setRefundPolicy(deps, principal, params.eventId, body.refundDaysBefore === null ? null : { daysBefore: body.refundDaysBefore });
      return { status: 200, body: { refundDaysBefore: policy?.daysBefore ?? null } };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/orders/:orderId/refund',
      summary: 'Refund my paid order within the event’s refund policy (its tickets stop working at once)',
      description:
        "404 `not-found`: no such order of yours. 409 `/problems/not-refundable` with extension `reason`: " +
        '`no-refunds`, `window-closed` (with `refundableUntil`), `not-paid`, `transferred`, `used` or `failed`.',
      tags: ['orders'],
      auth: { roles: ['member'] },
      params: orderParams,
      responses: { 200: orderView },
      problems: ['not-found', 'version-conflict', notRefundable],
    },
    async ({ principal, params }) => {
      await deps.ledger.refuseErased(principal.userId);
      return { status: 200, body: presentOrder(await requestRefund(deps, principal, params.orderId)) };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/tickets/:ticketId/transfer',
      summary: 'Give my ticket to another member: a new code for them, the old code is refused at the door at once',
      description:
        "404 `not-found`: no such ticket of yours. 409 `conflict`: the ticket was used or is no longer valid. " +
        '422 `unprocessable` (`reason`: `transfer-to-self` or `unknown-recipient`).',
      tags: ['tickets'],
      auth: { roles: ['member'] },
      params: ticketParams,
      body: transferBody,
      responses: { 200: ticketView },
      problems: ['not-found', 'conflict', 'unprocessable', 'version-conflict'],
    },
    async ({ principal, params, body }) => {
      const ticket = await transferTicket(deps, principal, { ticketId: params.ticketId, recipientId: body.recipientId });
      // The giver's answer: the ticket as it left them (no code: it is the recipient's now).
      return { status: 200, body: { ...presentTicket(ticket), code: '' } };
    },
  );
}
