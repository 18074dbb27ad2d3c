import { OutboxTickets } from './tickets.js';

/**
 * In-process link between stores and the relay: a store stamps each write that carries events
 * with the open ticket (`tickets`) and rings the doorbell after it, so the relay publishes at
 * once instead of waiting for its next poll.
 */
export class OutboxSignal {
  private listeners = new Set<() => void>();
  readonly tickets = new OutboxTickets();

  ring(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
