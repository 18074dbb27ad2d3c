import { reactive, ref, shallowRef } from 'vue';
import { CursorPager } from '../ui/cursor-pager';
import { errorMessage } from '../ui/problem';
import { coversOf, listEvents, type EventQuery, type EventView } from './event-api';

/**
 * A paged list of events with their covers: each page is one call for the events and at most
 * one for all its covers. `reload(query)` starts over with new filters.
 */
export function useEventFeed(initial: () => EventQuery) {
  const items = shallowRef<EventView[]>([]);
  const covers = reactive(new Map<string, string>());
  const loading = ref(false);
  const error = ref<string | null>(null);
  const hasMore = ref(false);
  let query = initial();
  const pager = new CursorPager<EventView>((cursor) => listEvents(query, cursor), (event) => event.eventId);

  async function loadMore(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      await pager.loadMore();
      items.value = pager.items;
      hasMore.value = pager.hasMore;
      const fresh = pager.items.filter((event) => event.coverMediaId !== null && !covers.has(event.coverMediaId));
      // A cover that fails to load is not worth an error: the card shows its gradient.
      const found = await coversOf(fresh).catch(() => new Map<string, string>());
      for (const [id, url] of found) covers.set(id, url);
    } catch (failure) {
      error.value = errorMessage(failure);
    } finally {
      loading.value = false;
    }
  }

  function reload(next: EventQuery): Promise<void> {
    query = next;
    pager.reset();
    items.value = [];
    hasMore.value = false;
    return loadMore();
  }

  function coverOf(event: EventView): string | null {
    return event.coverMediaId === null ? null : (covers.get(event.coverMediaId) ?? null);
  }

  return { items, loading, error, hasMore, loadMore, reload, coverOf };
}
