import { reactive } from 'vue';
import { getEvent, type EventView } from '../events/event-api';
import type { TicketView } from './ticket-api';

/** The events of a list of tickets, each read once however many tickets it has. */
export function useTicketEvents() {
  const events = reactive(new Map<string, EventView | null>());
  async function loadFor(tickets: readonly TicketView[]): Promise<void> {
    const missing = [...new Set(tickets.map((ticket) => ticket.eventId))].filter((id) => !events.has(id));
    await Promise.all(
      missing.map(async (id) => {
        events.set(id, await getEvent(id).catch(() => null));
      }),
    );
  }
  return { events, loadFor };
}
