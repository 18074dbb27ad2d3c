import { defineRoute, problems, type ErasureLedger, type RouteHost } from '@eventonight/platform';
import { describeUnsubscribe, mailSettingsView, unsubscribe, unsubscribeLinkInvalid, type MailSettingsDeps } from '../application/mail-settings.js';
import type { Clock } from '../application/ports.js';
import { toView } from '../application/view.js';
import { NOTIFICATION_TYPES, type NotificationType } from '../domain/notification.js';
import { encodeCursor } from '../persistence/cursor.js';
import type { NotificationRepository } from '../persistence/notifications.js';
import type { PreferencesRepository } from '../persistence/preferences.js';
import {
  listQuery,
  mailSettingsBody,
  mailSettingsView as mailSettingsSchema,
  notificationIdParams,
  oneClickBody,
  notificationList,
  preferencesBody,
  preferencesView,
  readAllView,
  unreadCountView,
  unsubscribeQuery,
  unsubscribeView,
} from './schemas.js';

const DEFAULT_LIMIT = 20;

export interface RouteDeps {
  notifications: NotificationRepository;
  preferences: PreferencesRepository;
  /** Refuses an erased account's still-valid token on every route (401 account-deleted, ADR 0027). */
  ledger: ErasureLedger;
  clock: Clock;
  unsubscribeSecret: string;
  platformFormat: MailSettingsDeps['platformFormat'];
}

async function preferencesOf(deps: RouteDeps, userId: string, muted: readonly NotificationType[]) {
  return { muted: [...muted], types: [...NOTIFICATION_TYPES], mail: mailSettingsView(await deps.preferences.mailSettingsOf(userId), deps) };
}

/** Every route is about the caller's own notifications: someone else's id is a plain 404. */
export function notificationRoutes(host: RouteHost, deps: RouteDeps): void {
  const notFound = () => problems.notFound('No such notification.');
  const mailDeps: MailSettingsDeps = deps;

  defineRoute(
    host,
    {
      method: 'get',
      path: '/notifications',
      summary: 'My notifications, newest first',
      description:
        '`unread=true` lists unread ones only; `cursor` continues a previous page; `limit` ≤ 100 (20). ' +
        '422 `unprocessable`: `cursor` is not the `nextCursor` of a page of this list.',
      tags: ['notifications'],
      query: listQuery,
      responses: { 200: notificationList },
      problems: ['unprocessable'],
    },
    async ({ principal, query }) => {
      await deps.ledger.refuseErased(principal.userId);
      const page = await deps.notifications.list(principal.userId, {
        unreadOnly: query.unread,
        limit: query.limit ?? DEFAULT_LIMIT,
        ...(query.cursor === undefined ? {} : { after: query.cursor }),
      });
      return {
        status: 200,
        body: { items: page.items.map(toView), nextCursor: page.next === null ? null : encodeCursor(page.next) },
      };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/notifications/unread-count',
      summary: 'How many of my notifications are unread',
      tags: ['notifications'],
      responses: { 200: unreadCountView },
    },
    async ({ principal }) => {
      await deps.ledger.refuseErased(principal.userId);
      return { status: 200, body: { unread: await deps.notifications.unreadCount(principal.userId) } };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/notifications/read-all',
      summary: 'Mark all my notifications as read',
      tags: ['notifications'],
      responses: { 200: readAllView },
    },
    async ({ principal }) => {
      await deps.ledger.refuseErased(principal.userId);
      return { status: 200, body: { marked: await deps.notifications.markAllRead(principal.userId, deps.clock()) } };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/notifications/:id/read',
      summary: 'Mark one of my notifications as read (idempotent)',
      description: "404 `not-found`: no such notification, or it is someone else's.",
      tags: ['notifications'],
      params: notificationIdParams,
      responses: { 204: null },
      problems: ['not-found'],
    },
    async ({ principal, params }) => {
      await deps.ledger.refuseErased(principal.userId);
      if (!(await deps.notifications.markRead(principal.userId, params.id, deps.clock()))) throw notFound();
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    {
      method: 'delete',
      path: '/notifications/:id',
      summary: 'Delete one of my notifications',
      description: "404 `not-found`: no such notification (deleted already included), or it is someone else's.",
      tags: ['notifications'],
      params: notificationIdParams,
      responses: { 204: null },
      problems: ['not-found'],
    },
    async ({ principal, params }) => {
      await deps.ledger.refuseErased(principal.userId);
      if (!(await deps.notifications.delete(principal.userId, params.id))) throw notFound();
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/notification-preferences',
      summary: 'My muted notification types (and every type there is), and my mail settings',
      tags: ['preferences'],
      responses: { 200: preferencesView },
    },
    async ({ principal }) => {
      await deps.ledger.refuseErased(principal.userId);
      return { status: 200, body: await preferencesOf(deps, principal.userId, await deps.preferences.mutedOf(principal.userId)) };
    },
  );

  defineRoute(
    host,
    {
      method: 'put',
      path: '/notification-preferences',
      summary: 'Replace my muted notification types',
      description: 'Muted types are still stored (listed over REST) but never pushed in real time. Mail settings stay as they are.',
      tags: ['preferences'],
      body: preferencesBody,
      responses: { 200: preferencesView },
    },
    async ({ principal, body }) => {
      await deps.ledger.refuseErased(principal.userId);
      const saved = await deps.preferences.replace(principal.userId, body.muted, deps.clock());
      return { status: 200, body: await preferencesOf(deps, principal.userId, saved.muted) };
    },
  );

  defineRoute(
    host,
    {
      method: 'put',
      path: '/notification-preferences/mail',
      summary: 'Replace my mail settings: which optional mails I get, and my locale and time zone',
      description:
        'Order confirmations and refunds are always sent; `off` stops the others. `locale` and `timeZone` decide how dates, ' +
        'times and money are written in mails queued from now on (null = the platform’s). Live alerts stay as they are. ' +
        '422 `unprocessable`: `timeZone` has the form of a zone name but is not a zone this service knows.',
      tags: ['preferences'],
      body: mailSettingsBody,
      responses: { 200: mailSettingsSchema },
      problems: ['unprocessable'],
    },
    async ({ principal, body }) => {
      await deps.ledger.refuseErased(principal.userId);
      const saved = await deps.preferences.replaceMail(principal.userId, body, deps.clock());
      return { status: 200, body: mailSettingsView(saved, deps) };
    },
  );

  const linkInvalid =
    '422 `/problems/unsubscribe-link-invalid`: the token has the right form but this service did not sign it (forged, altered); nothing changes.';

  defineRoute(
    host,
    {
      method: 'get',
      path: '/mail-unsubscribe',
      summary: 'What an unsubscribe link from a mail stops, and whether that mail is still on',
      description: `For the web app's unsubscribe page; changes nothing (link scanners follow GETs). No token needed: the link's key is the authority. ${linkInvalid}`,
      tags: ['preferences'],
      auth: 'public',
      query: unsubscribeQuery,
      responses: { 200: unsubscribeView },
      problems: [unsubscribeLinkInvalid],
    },
    async ({ query }) => ({ status: 200, body: await describeUnsubscribe(mailDeps, query.token) }),
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/mail-unsubscribe',
      summary: 'One-click unsubscribe (RFC 8058): stop the kind of mail the link names',
      description:
        'The URL of a mail’s List-Unsubscribe header; mail clients POST the form `List-Unsubscribe=One-Click` to it, and so ' +
        'does the web app’s unsubscribe page. Stops only that kind of mail for that member (in-app notices and other mails ' +
        `stay); idempotent. ${linkInvalid}`,
      tags: ['preferences'],
      auth: 'public',
      query: unsubscribeQuery,
      body: oneClickBody,
      bodyType: 'form',
      responses: { 200: unsubscribeView },
      problems: [unsubscribeLinkInvalid],
    },
    async ({ query }) => ({ status: 200, body: await unsubscribe(mailDeps, query.token) }),
  );
}
