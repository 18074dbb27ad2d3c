/**
 * The ids of the last `capacity` events this process handled, oldest dropped first: a message
 * whose id is here is a redelivery (at-least-once), counted as a duplicate by the metrics. Only
 * what this process saw: a duplicate handled first by another replica counts as handled.
 */
export class HandledIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (oldest.done !== true) this.ids.delete(oldest.value);
    }
  }
}
