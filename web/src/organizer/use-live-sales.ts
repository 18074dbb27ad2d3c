import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import { useNotifications } from '../notifications/notification-store';
import { ApiError, errorMessage } from '../ui/problem';
import { salesOf, type EventSales } from './organizer-api';

/** Pushes that change an event's figures: a sale or a refund (the organizer is told of both). */
const SALES_PUSHES = new Set(['ticket.sold', 'ticket.refunded']);

/**
 * An event's sales figures, kept current without a reload: re-read when the notification
 * socket pushes a sale or refund of this event, and every `everyMs` while the page is open
 * (check-ins and expiring holds send no notification).
 */
export function useLiveSales(eventId: () => string, everyMs = 10_000) {
  const sales = shallowRef<EventSales | null>(null);
  const loading = ref(true);
  const error = ref<string | null>(null);
  const notOnSale = ref(false);
  const updatedAt = ref<Date | null>(null);
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopListening: (() => void) | undefined;
  let inFlight: Promise<void> | null = null;
  let again = false;

  async function readOnce(): Promise<void> {
    try {
      sales.value = await salesOf(eventId());
      notOnSale.value = false;
      error.value = null;
      updatedAt.value = new Date();
    } catch (failure) {
      if (failure instanceof ApiError && failure.problem.status === 404) notOnSale.value = true;
      else if (sales.value === null) error.value = errorMessage(failure);
      // With figures already shown, a failed refresh keeps them; the next one tries again.
    } finally {
      loading.value = false;
    }
  }

  /** One read at a time; a push during a read asks for one more read after it. */
  function refresh(): Promise<void> {
    if (inFlight !== null) {
      again = true;
      return inFlight;
    }
    inFlight = readOnce().finally(() => {
      inFlight = null;
      if (again) {
        again = false;
        void refresh();
      }
    });
    return inFlight;
  }

  onMounted(() => {
    void refresh();
    stopListening = useNotifications().onPush((notification) => {
      const data = notification.data as Record<string, unknown>;
      if (SALES_PUSHES.has(notification.type) && data['eventId'] === eventId()) void refresh();
    });
    timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, everyMs);
  });
  onBeforeUnmount(() => {
    stopListening?.();
    if (timer !== undefined) clearInterval(timer);
  });

  return { sales, loading, error, notOnSale, updatedAt, refresh };
}
