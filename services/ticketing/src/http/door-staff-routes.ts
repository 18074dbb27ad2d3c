import { z } from 'zod';
import { cursorParam, decodeTimeCursor, defineRoute, opaqueId, queryInteger, type RouteHost } from '@eventonight/platform';
import type { TicketingDeps } from '../application/deps.js';
import { doorListOf, syncCheckIns } from '../application/door-sync.js';
import {
  acceptDoorInvitation,
  doorEmailNotVerified,
  inviteDoorStaff,
  listDoorStaff,
  myDoorPlaces,
  revokeDoorStaff,
} from '../application/door-staff.js';
import type { DoorStaffState } from '../domain/door-staff.js';
import { eventParams } from './schemas.js';

/** Door staff and the offline door (ADR 0038): the schemas live here, beside their routes. */

const EMAIL = /^[A-Za-z0-9_+-]{1,64}(?:\.[A-Za-z0-9_+-]{1,64})*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const inviteBody = z.strictObject({
  email: z.string().max(254).regex(EMAIL, 'must be an email address').meta({ description: 'The member to invite (case does not matter).' }),
});
const staffParams = z.strictObject({ eventId: opaqueId('is not an event id'), staffId: opaqueId('is not a door staff id') });
const invitationParams = z.strictObject({ invitationId: opaqueId('is not a door invitation id') });

const staffView = z.object({
  staffId: z.string(),
  eventId: z.string(),
  email: z.string(),
  status: z.enum(['invited', 'accepted', 'revoked']),
  memberId: z.string().nullable(),
  memberName: z.string().nullable(),
  invitedAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const staffListView = z.object({
  items: z.array(staffView.extend({ checkIns: z.int().describe('Tickets this member let in') })),
  organizerCheckIns: z.int().describe('Tickets the organizer let in themself'),
  unattributedCheckIns: z.int().describe('Tickets let in before check-ins recorded who scanned'),
});
const placesView = z.object({
  items: z.array(staffView.omit({ memberId: true }).extend({ eventTitle: z.string(), startsAt: z.string().nullable() })),
});

const doorListQuery = z.strictObject({
  limit: queryInteger(1, 1000).optional().meta({ description: 'Page size, 1–1000 (default 1000).' }),
  cursor: cursorParam(decodeTimeCursor, 600).optional(),
});
const doorListView = z.object({
  items: z.array(
    z.object({
      ticketId: z.string(),
      codeHash: z.string().describe('base64url SHA-256 of `<eventId>:<code>`; the code itself is never listed'),
      tierName: z.string(),
      holderInitials: z.string().nullable(),
      status: z.enum(['valid', 'used', 'invalidated']),
      usedAt: z.string().nullable(),
      checkedInByName: z.string().nullable(),
      deviceName: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const deviceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"');
const deviceName = z.string().min(1).max(60);
const syncBody = z.strictObject({
  deviceId,
  deviceName,
  entries: z
    .array(
      z.strictObject({
        ticketId: opaqueId('is not a ticket id').optional(),
        code: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'is not a ticket code').optional(),
        scannedAt: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(500),
});
const syncView = z.object({
  results: z.array(
    z.object({
      index: z.int(),
      ticketId: z.string().nullable(),
      outcome: z.enum(['checked-in', 'already-used', 'invalidated', 'not-found', 'door-closed']),
      usedAt: z.string().nullable(),
      checkedInByName: z.string().nullable(),
      deviceId: z.string().nullable(),
      deviceName: z.string().nullable(),
      tierName: z.string().nullable(),
      holderName: z.string().nullable(),
    }),
  ),
});

const iso = (date: Date | null) => (date === null ? null : date.toISOString());
function presentStaff(staff: DoorStaffState) {
  return {
    staffId: staff._id,
    eventId: staff.eventId,
    email: staff.email,
    status: staff.status,
    memberId: staff.memberId,
    memberName: staff.memberName,
    invitedAt: staff.invitedAt.toISOString(),
    acceptedAt: iso(staff.acceptedAt),
    revokedAt: iso(staff.revokedAt),
  };
}

export function doorStaffRoutes(host: RouteHost, deps: TicketingDeps): void {
  defineRoute(
    host,
    {
      method: 'post',
      path: '/events/:eventId/door-staff',
      summary: 'Invite a member by email to check tickets in at the door of this event (its organizer only)',
      description:
        '201: a new invitation. 200: this address already has an open invitation or place at this door (answered again). ' +
        "404 `not-found`: no tickets are known for this event. 403 `forbidden`: the event is another organizer's.",
      tags: ['door'],
      auth: { roles: ['organization'] },
      params: eventParams,
      body: inviteBody,
      responses: { 200: staffView, 201: staffView },
      problems: ['not-found'],
    },
    async ({ principal, params, body }) => {
      await deps.ledger.refuseErased(principal.userId);
      const { created, staff } = await inviteDoorStaff(deps, principal, { eventId: params.eventId, email: body.email });
      return { status: created ? 201 : 200, body: presentStaff(staff) };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId/door-staff',
      summary: "The event's door staff (invited, accepted, revoked) and check-ins per person (its organizer only)",
      description: "404 `not-found`: no tickets are known for this event. 403 `forbidden`: the event is another organizer's.",
      tags: ['door'],
      auth: { roles: ['organization'] },
      params: eventParams,
      responses: { 200: staffListView },
      problems: ['not-found'],
    },
    async ({ principal, params }) => {
      await deps.ledger.refuseErased(principal.userId);
      const list = await listDoorStaff(deps, principal, params.eventId);
      return {
        status: 200,
        body: {
          items: list.staff.map((member) => ({ ...presentStaff(member), checkIns: member.checkIns })),
          organizerCheckIns: list.organizerCheckIns,
          unattributedCheckIns: list.unattributedCheckIns,
        },
      };
    },
  );

  defineRoute(
    host,
    {
      method: 'delete',
      path: '/events/:eventId/door-staff/:staffId',
      summary: 'Revoke a door staff member or an invitation: their next scan or sync is refused (its organizer only)',
      description:
        'Idempotent: 204 also when already revoked. 404 `not-found`: no tickets are known for this event, or it has no such staff member. ' +
        "403 `forbidden`: the event is another organizer's.",
      tags: ['door'],
      auth: { roles: ['organization'] },
      params: staffParams,
      responses: { 204: null },
      problems: ['not-found'],
    },
    async ({ principal, params }) => {
      await deps.ledger.refuseErased(principal.userId);
      await revokeDoorStaff(deps, principal, params);
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/door-invitations',
      summary: 'My door places: open invitations to my confirmed email address, and the events whose door I staff',
      description: 'An invitation shows only while the email address in the token is confirmed (`email_verified`).',
      tags: ['door'],
      auth: { roles: ['member'] },
      responses: { 200: placesView },
    },
    async ({ principal }) => {
      await deps.ledger.refuseErased(principal.userId);
      const places = await myDoorPlaces(deps, principal);
      return {
        status: 200,
        body: {
          items: places.map((place) => {
            const { memberId: _memberId, ...view } = presentStaff(place);
            return { ...view, eventTitle: place.eventTitle, startsAt: iso(place.startsAt) };
          }),
        },
      };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/door-invitations/:invitationId/accept',
      summary: 'Accept a door invitation sent to my (confirmed) email address',
      description:
        'Idempotent for the member who accepted. 403 `forbidden`: the invitation was sent to another address than the token\'s `email` ' +
        '(or someone else accepted it). 403 `/problems/door-email-not-verified`: the address matches but is not confirmed. ' +
        '409 `conflict`: the organizer revoked it. 404 `not-found`: no such invitation.',
      tags: ['door'],
      auth: { roles: ['member'] },
      params: invitationParams,
      responses: { 200: staffView },
      problems: ['not-found', 'conflict', doorEmailNotVerified],
    },
    async ({ principal, params }) => {
      await deps.ledger.refuseErased(principal.userId);
      return { status: 200, body: presentStaff(await acceptDoorInvitation(deps, principal, params.invitationId)) };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId/door-list',
      summary: "The event's check-in list for an offline door: digests of the codes, never the codes (organizer and its door staff)",
      description:
        'Each ticket: id, `codeHash` (base64url SHA-256 of `<eventId>:<code>`), tier, holder\'s initials, status and check-in. ' +
        '404 `not-found`: no tickets are known for this event. 403 `forbidden`: not this event\'s organizer or door staff. ' +
        '422 `unprocessable`: `cursor` is not the `nextCursor` of a page of this list.',
      tags: ['door'],
      auth: { roles: ['organization', 'member'] },
      params: eventParams,
      query: doorListQuery,
      responses: { 200: doorListView },
      problems: ['not-found', 'unprocessable'],
    },
    async ({ principal, params, query }) => {
      await deps.ledger.refuseErased(principal.userId);
      const page = await doorListOf(deps, principal, { eventId: params.eventId, limit: query.limit ?? 1000, cursor: query.cursor });
      return {
        status: 200,
        body: { items: page.items.map((entry) => ({ ...entry, usedAt: iso(entry.usedAt) })), nextCursor: page.nextCursor },
        headers: { 'cache-control': 'no-store' },
      };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/events/:eventId/check-ins/sync',
      summary: "A door device's check-ins made offline, merged: one check-in per ticket, the first scan wins (organizer and its door staff)",
      description:
        'Each entry names a ticket by `ticketId` or `code`, and when it was scanned. Per entry: `checked-in` (this scan is the ticket\'s ' +
        'check-in, also when the batch is sent again: replaying changes nothing), `already-used` (an earlier scan of another device, or ' +
        'another scan, won: `usedAt`, `checkedInByName`, `deviceName` say which), `invalidated`, `not-found` (no ticket of this event), ' +
        '`door-closed` (scanned outside the door hours). 404 `not-found`: no tickets are known for this event. ' +
        "403 `forbidden`: not this event's organizer or door staff (a revoked member included).",
      tags: ['door'],
      auth: { roles: ['organization', 'member'] },
      params: eventParams,
      body: syncBody,
      responses: { 200: syncView },
      problems: ['not-found', 'version-conflict'],
    },
    async ({ principal, params, body }) => {
      await deps.ledger.refuseErased(principal.userId);
      const results = await syncCheckIns(deps, principal, {
        eventId: params.eventId,
        deviceId: body.deviceId,
        deviceName: body.deviceName,
        entries: body.entries.map((entry) => ({ ticketId: entry.ticketId, code: entry.code, scannedAt: new Date(entry.scannedAt) })),
      });
      return { status: 200, body: { results: results.map((result) => ({ ...result, usedAt: iso(result.usedAt) })) } };
    },
  );
}
