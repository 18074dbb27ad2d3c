import { defineStore } from 'pinia';
import { io, type Socket } from 'socket.io-client';
import { ref } from 'vue';
import { useSession } from '../account/session-store';
import { call } from '../api/client';
import type { paths as NotificationPaths } from '../api/generated/notification';
import { useApi, useConfig } from '../app/context';
import { CursorPager } from '../ui/cursor-pager';
import { errorMessage } from '../ui/problem';
import { handshakeRefusedForDeletion, refusedRetryDelayMs, sessionExpiredForDeletion } from './socket-signals';

type NotificationList = NotificationPaths['/notifications']['get']['responses'][200]['content']['application/json'];
export type NotificationView = NotificationList['items'][number];

/**
 * The signed-in person's notification feed: the unread count and the list, kept live over
 * Socket.IO. After any (re)connection the count is read again over REST, so a push missed
 * while disconnected is never missed for long. Pages may listen to the pushes (live counters).
 */
export const useNotifications = defineStore('notifications', () => {
  const unread = ref(0);
  const items = ref<NotificationView[]>([]);
  const hasMore = ref(false);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let socket: Socket | undefined;
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  /** Handshakes refused in a row since the last connection (spaces the next attempts). */
  let refusals = 0;
  let listeners: Array<(notification: NotificationView) => void> = [];
  /** Event pages open now, each with what it does when that event's counters move. */
  let watchers: Array<{ eventId: string; moved: () => void }> = [];
  let pager: CursorPager<NotificationView> | undefined;

  async function refreshCount(): Promise<void> {
    try {
      unread.value = (await call(useApi().notification.GET('/notifications/unread-count'))).unread;
    } catch {
      // The bell keeps its last count; the list page shows errors where they matter.
    }
  }

  function received(notification: NotificationView): void {
    if (!items.value.some((item) => item.id === notification.id)) items.value = [notification, ...items.value];
    if (!notification.read) unread.value += 1;
    for (const listener of listeners) listener(notification);
  }

  async function connect(): Promise<void> {
    disconnect();
    const session = useSession();
    const token = await session.accessToken();
    if (token === null) return;
    const config = useConfig();
    const next = io(config.socket.url || window.location.origin, {
      path: config.socket.path,
      // A function: every reconnection sends a fresh token, never the expired one.
      auth: (send) => void session.accessToken().then((fresh) => send({ token: fresh ?? '' })),
      transports: ['websocket', 'polling'],
    });
    next.on('connect', () => {
      refusals = 0;
      void refreshCount();
      // Rooms do not survive a reconnection: ask again for every event page still open.
      for (const eventId of new Set(watchers.map((watcher) => watcher.eventId))) next.emit('watch', { eventId });
    });
    next.on('notification', (notification: NotificationView) => received(notification));
    next.on('event.activity', (activity: { eventId?: unknown }) => {
      for (const watcher of watchers) if (watcher.eventId === activity.eventId) watcher.moved();
    });
    // The server closes a socket whose token expired; connect again with a renewed one. A deleted
    // account's socket is closed for good: sign the person out instead of knocking again.
    next.on('session_expired', (payload: unknown) => {
      if (sessionExpiredForDeletion(payload)) {
        disconnect();
        session.accountDeleted();
        return;
      }
      clearTimeout(reconnect);
      reconnect = setTimeout(() => void connect(), 500);
    });
    next.on('connect_error', (error: unknown) => {
      if (handshakeRefusedForDeletion(error)) {
        disconnect();
        session.accountDeleted();
        return;
      }
      // A refused handshake (authentication briefly unavailable on a fresh replica, a token that
      // expired meanwhile) ends Socket.IO's own retries: knock again, with a fresh token, later.
      if (next.active) return;
      clearTimeout(reconnect);
      reconnect = setTimeout(() => void connect(), refusedRetryDelayMs(refusals));
      refusals += 1;
    });
    socket = next;
    await refreshCount();
  }

  function disconnect(): void {
    clearTimeout(reconnect);
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = undefined;
  }

  /**
   * Calls `moved` whenever someone likes, joins or reviews the event (signed-in only: the socket
   * needs a token). Returns the function that stops watching.
   */
  function watchEvent(eventId: string, moved: () => void): () => void {
    const watcher = { eventId, moved };
    watchers = [...watchers, watcher];
    socket?.emit('watch', { eventId });
    return () => {
      watchers = watchers.filter((existing) => existing !== watcher);
      if (!watchers.some((existing) => existing.eventId === eventId)) socket?.emit('unwatch', { eventId });
    };
  }

  function onPush(listener: (notification: NotificationView) => void): () => void {
    listeners = [...listeners, listener];
    return () => {
      listeners = listeners.filter((existing) => existing !== listener);
    };
  }

  async function loadMore(reset = false): Promise<void> {
    const api = useApi();
    if (reset || pager === undefined) {
      pager = new CursorPager<NotificationView>(
        (cursor) => call(api.notification.GET('/notifications', { params: { query: cursor === undefined ? {} : { cursor } } })),
        (item) => item.id,
      );
    }
    loading.value = true;
    error.value = null;
    try {
      await pager.loadMore();
      const pushed = items.value.filter((item) => !pager?.items.some((loaded) => loaded.id === item.id));
      items.value = reset ? pager.items : [...pushed, ...pager.items];
      hasMore.value = pager.hasMore;
    } catch (failure) {
      error.value = errorMessage(failure);
    } finally {
      loading.value = false;
    }
  }

  async function markRead(id: string): Promise<void> {
    const item = items.value.find((candidate) => candidate.id === id);
    if (item === undefined || item.read) return;
    await call(useApi().notification.POST('/notifications/{id}/read', { params: { path: { id } } }));
    items.value = items.value.map((candidate) => (candidate.id === id ? { ...candidate, read: true } : candidate));
    unread.value = Math.max(0, unread.value - 1);
  }

  async function markAllRead(): Promise<void> {
    await call(useApi().notification.POST('/notifications/read-all'));
    items.value = items.value.map((item) => ({ ...item, read: true }));
    unread.value = 0;
  }

  return { unread, items, hasMore, loading, error, connect, disconnect, onPush, watchEvent, loadMore, markRead, markAllRead, refreshCount };
});
