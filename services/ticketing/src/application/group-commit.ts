import { retryOnVersionConflict } from '@eventonight/platform';
import type { InventoryState, Tier } from '../domain/inventory.js';

/** A pure decision on an inventory: its answer, and the new tiers (null = no change). */
export type InventoryDecision<R> = (state: InventoryState) => { result: R; tiers: Tier[] | null };

interface Waiting {
  decide: InventoryDecision<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface InventoryAccess {
  load(eventId: string): Promise<{ state: InventoryState; version: number } | null>;
  update(eventId: string, expectedVersion: number, tiers: Tier[]): Promise<unknown>;
}

const MAX_BATCH = 250;
const ATTEMPTS = 50;

/**
 * Group commit for one hot document. Decisions on the same event that arrive while a write is
 * in flight are queued, then applied one after another to the freshest state and saved in ONE
 * version-guarded write. So 500 buyers racing for one tier cost a handful of writes, not 500
 * (and not thousands of lost races). On a lost race against another replica the whole batch is
 * decided again on the new state; nobody gets an answer before their decision is saved.
 */
export class InventoryGroupCommit {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly draining = new Set<string>();

  constructor(private readonly access: InventoryAccess) {}

  submit<R>(eventId: string, decide: InventoryDecision<R>): Promise<R | 'no-inventory'> {
    return new Promise<R | 'no-inventory'>((resolve, reject) => {
      const queue = this.waiting.get(eventId) ?? [];
      queue.push({ decide, resolve: resolve as (value: unknown) => void, reject });
      this.waiting.set(eventId, queue);
      if (!this.draining.has(eventId)) void this.drain(eventId);
    });
  }

  private async drain(eventId: string): Promise<void> {
    this.draining.add(eventId);
    try {
      for (;;) {
        const queue = this.waiting.get(eventId) ?? [];
        if (queue.length === 0) break;
        const batch = queue.splice(0, MAX_BATCH);
        try {
          const results = await retryOnVersionConflict(ATTEMPTS, () => this.commit(eventId, batch));
          batch.forEach((waiting, index) => waiting.resolve(results[index]));
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.waiting.delete(eventId);
      this.draining.delete(eventId);
    }
  }

  private async commit(eventId: string, batch: readonly Waiting[]): Promise<unknown[]> {
    const loaded = await this.access.load(eventId);
    if (loaded === null) return batch.map(() => 'no-inventory');
    let state = loaded.state;
    let changed = false;
    const results = batch.map(({ decide }) => {
      const { result, tiers } = decide(state);
      if (tiers !== null) {
        state = { ...state, tiers };
        changed = true;
      }
      return result;
    });
    if (changed) await this.access.update(eventId, loaded.version, state.tiers);
    return results;
  }
}
