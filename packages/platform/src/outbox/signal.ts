/**
 * In-process doorbell between stores and the relay: a store rings it after a write that
 * carried events, so the relay publishes at once instead of waiting for its next poll.
 */
export class OutboxSignal {
  private listeners = new Set<() => void>();

  ring(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
