import { retryOnVersionConflict, type PendingEvent } from '@eventonight/platform';
import type { InventoryState, Tier } from '../domain/inventory.js';

/** A pure decision on an inventory: its answer, and the new tiers (null = no change). */
export type InventoryDecision<R> = (state: InventoryState) => { result: R; tiers: Tier[] | null; events?: PendingEvent[] };

interface Waiting {
  decide: InventoryDecision<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Versioned {
  state: InventoryState;
  version: number;
}

export interface InventoryAccess {
  load(eventId: string): Promise<Versioned | null>;
  /** Writes only if the document is still at `expectedVersion` (else VersionConflictError); returns the new version. */
  update(eventId: string, expectedVersion: number, tiers: Tier[], events: PendingEvent[]): Promise<number>;
}

const MAX_BATCH = 250;
const ATTEMPTS = 50;

/**
 * Group commit for one hot document. Decisions on the same event that arrive while a write is
 * in flight are queued, then applied one after another to the freshest state and saved in ONE
 * version-guarded write. So 500 buyers racing for one tier cost a handful of writes, not 500
 * (and not thousands of lost races). On a lost race against another replica the whole batch is
 * decided again on the new state; nobody gets an answer before their decision is saved.
 *
 * While a burst lasts, the state this process just wrote is remembered, so the next batch is
 * decided on it without reading the document again: its write is guarded by that version, so a
 * change made elsewhere meanwhile makes the write fail and the batch is decided again on a fresh
 * read. A batch that changes nothing has no write to guard it, so it is never answered from
 * memory: it is decided again on a fresh read (a refusal always reflects the stored document).
 */
export class InventoryGroupCommit {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly draining = new Set<string>();
  /** The state and version of this process's last write, per event, for the current burst only. */
  private readonly written = new Map<string, Versioned>();

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
      this.written.delete(eventId);
    }
  }

  private async commit(eventId: string, batch: readonly Waiting[]): Promise<unknown[]> {
    const remembered = this.written.get(eventId);
    this.written.delete(eventId);
    if (remembered !== undefined) {
      const decided = decideBatch(remembered.state, batch);
      // Nothing to write: answer from a fresh read instead (see the class comment).
      if (decided.tiers !== null) return this.save(eventId, remembered.version, decided);
    }
    const loaded = await this.access.load(eventId);
    if (loaded === null) return batch.map(() => 'no-inventory');
    const decided = decideBatch(loaded.state, batch);
    if (decided.tiers === null) return decided.results;
    return this.save(eventId, loaded.version, decided);
  }

  /** The version-guarded write; a lost race throws VersionConflictError (the batch is then redone on a fresh read). */
  private async save(eventId: string, version: number, decided: DecidedBatch): Promise<unknown[]> {
    if (decided.tiers === null) return decided.results;
    const saved = await this.access.update(eventId, version, decided.tiers, decided.events);
    this.written.set(eventId, { state: decided.state, version: saved });
    return decided.results;
  }
}

interface DecidedBatch {
  results: unknown[];
  /** The state after every decision of the batch. */
  state: InventoryState;
  /** The tiers to write; null when no decision changed anything. */
  tiers: Tier[] | null;
  /** Outbox entries raised by the batch's decisions (waiting-list offers), saved in the same write. */
  events: PendingEvent[];
}

/** Applies the batch's decisions one after another, each on the state the previous one left. */
function decideBatch(start: InventoryState, batch: readonly Waiting[]): DecidedBatch {
  let state = start;
  let changed = false;
  const events: PendingEvent[] = [];
  const results = batch.map(({ decide }) => {
    const { result, tiers, events: raised } = decide(state);
    if (tiers !== null) {
      state = { ...state, tiers };
      changed = true;
      if (raised !== undefined) events.push(...raised);
    }
    return result;
  });
  return { results, state, tiers: changed ? state.tiers : null, events };
}
