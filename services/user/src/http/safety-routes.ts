import { defineRoute, opaqueId, optionalText, requiredText, type Principal, type RouteHost } from '@eventonight/platform';
import { z } from 'zod';
import { listBlocked, setBlock, type BlockDeps } from '../application/blocks.js';
import {
  accountSuspended,
  dismissReport,
  fileReport,
  listAudit,
  listOwnReports,
  listReports,
  refuseSuspended,
  setItemHidden,
  setSuspended,
  type ModerationDeps,
} from '../application/moderation.js';
import { REPORT_REASONS, type ReportState } from '../domain/safety.js';

/** Blocks, reports and moderation (ADR 0041): new routes of the user service, kept apart from the profile ones. */
const userId = opaqueId('must be an id (1–128 letters, digits, "_" or "-")');
const itemId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'must be an item id (1–128 letters, digits, "_", ".", ":" or "-")')
  .meta({ description: 'A message is `<conversationId>:<messageId>`, a review its reviewId, an event its id, a profile the member id.' });
const kind = z.enum(['message', 'review', 'event', 'profile']);
const moderatorReason = z.strictObject({ reason: requiredText(500).meta({ description: 'Why (kept in the audit log).' }) });

const blockedMember = z.object({ userId: z.string(), displayName: z.string().nullable(), since: z.string() });
const reportView = z.object({
  reportId: z.string(),
  reporterId: z.string(),
  kind,
  itemId: z.string(),
  reason: z.enum(REPORT_REASONS),
  text: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  outcome: z.enum(['hidden', 'dismissed', 'suspended']).nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
const reportBody = z.strictObject({
  kind,
  itemId,
  reason: z.enum(REPORT_REASONS),
  text: optionalText(1000).nullable().optional().meta({ description: 'What happened, in your words (at most 1,000 characters).' }),
});
const auditView = z.object({
  id: z.string(),
  moderatorId: z.string(),
  action: z.enum(['hide', 'restore', 'dismiss', 'suspend', 'reinstate']),
  kind: z.string(),
  itemId: z.string(),
  reason: z.string(),
  at: z.string(),
});
const moderator = { roles: ['moderator'] } as const;
const tags = ['safety'];

function view(report: ReportState): z.input<typeof reportView> {
  const { _id, ...rest } = report;
  return { reportId: _id, ...rest };
}

export function safetyRoutes(host: RouteHost, deps: BlockDeps & ModerationDeps): void {
  const refuse = (principal: Principal): Promise<void> => refuseSuspended(deps, principal.userId);

  defineRoute(
    host,
    {
      method: 'put',
      path: '/users/me/blocks/:userId',
      summary: 'Block a member: no messages either way, no follows, hidden from each other’s lists',
      description: 'Idempotent. 404 `not-found`: no such member. 422 `unprocessable`: yourself. 403 `account-suspended`.',
      tags,
      params: z.object({ userId }),
      responses: { 204: null },
      problems: ['not-found', 'unprocessable', accountSuspended],
    },
    async ({ principal, params }) => {
      await refuse(principal);
      await setBlock(deps, principal, params.userId, true);
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    {
      method: 'delete',
      path: '/users/me/blocks/:userId',
      summary: 'Unblock a member (messaging is possible again, in the same conversation)',
      description: 'Idempotent. 422 `unprocessable`: yourself.',
      tags,
      params: z.object({ userId }),
      responses: { 204: null },
      problems: ['unprocessable'],
    },
    async ({ principal, params }) => {
      await setBlock(deps, principal, params.userId, false);
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/users/me/blocks',
      summary: 'The members I block, newest first (at most 200)',
      tags,
      responses: { 200: z.object({ items: z.array(blockedMember) }) },
    },
    async ({ principal }) => ({ status: 200, body: { items: await listBlocked(deps, principal.userId, 200) } }),
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/reports',
      summary: 'Report a message, review, event or profile',
      description:
        '201 when filed now; 200 with the stored report when you reported this item before (one report per item and member). ' +
        '404 `not-found`: no such member (a profile). 422 `unprocessable`: reporting yourself. 403 `account-suspended`.',
      tags,
      body: reportBody,
      responses: { 200: reportView, 201: reportView },
      problems: ['not-found', 'unprocessable', accountSuspended],
    },
    async ({ principal, body }) => {
      const { report, created } = await fileReport(deps, principal, body);
      return { status: created ? 201 : 200, body: view(report) } as { status: 201; body: z.input<typeof reportView> };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/reports/mine',
      summary: 'My reports and their outcome, newest first (at most 100)',
      tags,
      responses: { 200: z.object({ items: z.array(reportView) }) },
    },
    async ({ principal }) => ({ status: 200, body: { items: (await listOwnReports(deps, principal.userId)).map(view) } }),
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/moderation/reports',
      summary: 'The reports queue (moderators): open first, oldest first; then resolved, newest first (at most 100)',
      tags,
      auth: moderator,
      query: z.strictObject({ status: z.enum(['open', 'resolved']).optional() }),
      responses: { 200: z.object({ items: z.array(reportView) }) },
    },
    async ({ query }) => ({ status: 200, body: { items: (await listReports(deps, query.status)).map(view) } }),
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/moderation/reports/:reportId/dismiss',
      summary: 'Close a report without acting on the item (moderators; the reporter is told)',
      description: '404 `not-found`: no such report.',
      tags,
      auth: moderator,
      params: z.object({ reportId: itemId }),
      body: moderatorReason,
      responses: { 200: reportView },
      problems: ['not-found'],
    },
    async ({ principal, params, body }) => ({ status: 200, body: view(await dismissReport(deps, principal, params.reportId, body.reason)) }),
  );

  for (const action of ['hide', 'restore'] as const) {
    defineRoute(
      host,
      {
        method: 'post',
        path: `/moderation/items/:kind/:itemId/${action}`,
        summary:
          action === 'hide'
            ? 'Hide a message, review, event or profile from everyone but moderators (its open reports are resolved, reporters told)'
            : 'Restore a hidden item',
        description: 'Idempotent; the action is written in the audit log with the reason.',
        tags,
        auth: moderator,
        params: z.object({ kind, itemId }),
        body: moderatorReason,
        responses: { 200: z.object({ kind, itemId: z.string(), hidden: z.boolean(), resolvedReports: z.number().int() }) },
      },
      async ({ principal, params, body }) => {
        const hidden = action === 'hide';
        const { resolvedReports } = await setItemHidden(deps, principal, params, hidden, body.reason);
        return { status: 200, body: { ...params, hidden, resolvedReports } };
      },
    );
  }

  for (const action of ['suspend', 'reinstate'] as const) {
    defineRoute(
      host,
      {
        method: 'post',
        path: `/moderation/users/:userId/${action}`,
        summary:
          action === 'suspend'
            ? 'Suspend an account: Keycloak disables it and every service refuses its writes (moderators)'
            : 'Reinstate a suspended account (moderators)',
        description: '404 `not-found`: no such member. 422 `unprocessable`: yourself.',
        tags,
        auth: moderator,
        params: z.object({ userId }),
        body: moderatorReason,
        responses: { 200: z.object({ userId: z.string(), suspended: z.boolean(), resolvedReports: z.number().int() }) },
        problems: ['not-found', 'unprocessable'],
      },
      async ({ principal, params, body }) => {
        const suspended = action === 'suspend';
        const { resolvedReports } = await setSuspended(deps, principal, params.userId, suspended, body.reason);
        return { status: 200, body: { userId: params.userId, suspended, resolvedReports } };
      },
    );
  }

  defineRoute(
    host,
    {
      method: 'get',
      path: '/moderation/audit',
      summary: 'The moderators’ audit log, newest first (at most 100)',
      tags,
      auth: moderator,
      responses: { 200: z.object({ items: z.array(auditView) }) },
    },
    async () => ({ status: 200, body: { items: (await listAudit(deps)).map(({ _id, ...rest }) => ({ id: _id, ...rest })) } }),
  );
}
