import { defineRoute, problems, type ErasureLedger, type RouteHost } from '@eventonight/platform';
import type { Clock } from '../application/ports.js';
import { toView } from '../application/view.js';
import { NOTIFICATION_TYPES, type NotificationType } from '../domain/notification.js';
import { encodeCursor } from '../persistence/cursor.js';
import type { NotificationRepository } from '../persistence/notifications.js';
import type { PreferencesRepository } from '../persistence/preferences.js';
import {
  listQuery,
  notificationIdParams,
  notificationList,
  preferencesBody,
  preferencesView,
  readAllView,
  unreadCountView,
} from './schemas.js';

const DEFAULT_LIMIT = 20;

export interface RouteDeps {
  notifications: NotificationRepository;
  preferences: PreferencesRepository;
  /** Refuses an erased account's still-valid token on every route (401 account-deleted, ADR 0027). */
  ledger: ErasureLedger;
  clock: Clock;
}

function preferencesOf(muted: readonly NotificationType[]) {
  return { muted: [...muted], types: [...NOTIFICATION_TYPES] };
}

/** Every route is about the caller's own notifications: someone else's id is a plain 404. */
export function notificationRoutes(host: RouteHost, deps: RouteDeps): void {
  const notFound = () => problems.notFound('No such notification.');

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
      summary: 'My muted notification types (and every type there is)',
      tags: ['preferences'],
      responses: { 200: preferencesView },
    },
    async ({ principal }) => {
      await deps.ledger.refuseErased(principal.userId);
      return { status: 200, body: preferencesOf(await deps.preferences.mutedOf(principal.userId)) };
    },
  );

  defineRoute(
    host,
    {
      method: 'put',
      path: '/notification-preferences',
      summary: 'Replace my muted notification types',
      description: 'Muted types are still stored (listed over REST) but never pushed in real time.',
      tags: ['preferences'],
      body: preferencesBody,
      responses: { 200: preferencesView },
    },
    async ({ principal, body }) => {
      await deps.ledger.refuseErased(principal.userId);
      const saved = await deps.preferences.replace(principal.userId, body.muted, deps.clock());
      return { status: 200, body: preferencesOf(saved.muted) };
    },
  );
}
