export interface RecentValuesOptions {
  /** How long a loaded value is served without asking the database again. */
  ttlMs: number;
  /** Most keys kept; the one loaded longest ago goes first. */
  maxEntries: number;
  now?: () => number;
  /** Told whether each `get` was served from memory (hit) or loaded (miss): the cache metrics. */
  onLookup?: (result: 'hit' | 'miss') => void;
}

interface Entry<V> {
  value: V;
  until: number;
}

/**
 * Values this process read recently, for reads on a hot path (every like reads its event's
 * copy). A value may be up to `ttlMs` behind a write made by another replica (counted from when
 * the read that fetched it began, so never longer); it is never
 * behind a write made through this process, because the writer calls `forget` after it, and a
 * load that was running when any key was forgotten is served but not kept (it may have read
 * the value from before the write). docs/adr/0023.
 */
export class RecentValues<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Moves on every `forget`: a load that saw it move keeps nothing. */
  private forgets = 0;
  private readonly now: () => number;

  constructor(private readonly options: RecentValuesOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The kept value of `key`, or what `load` reads (kept when `keep` says so). */
  async get(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      if (entry.until > this.now()) {
        this.options.onLookup?.('hit');
        return entry.value;
      }
      this.entries.delete(key);
    }
    this.options.onLookup?.('miss');
    const forgetsBefore = this.forgets;
    // The value is as old as the moment the read began, not the moment it returned: counted from
    // there, a slow read does not stretch how long a value can trail a write by another replica.
    const readFrom = this.now();
    const value = await load();
    if (this.forgets === forgetsBefore && keep(value)) this.keep(key, value, readFrom + this.options.ttlMs);
    return value;
  }

  /** Runs `write`, which changes the value of `key`, and forgets `key` after it, also when it failed (it may have landed). */
  async writing<T>(key: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.forget(key);
    }
  }

  /** Drops `key`; call it after this process changed the value. */
  forget(key: string): void {
    this.forgets += 1;
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(key: string, value: V, until: number): void {
    if (until <= this.now()) return; // the read took the whole TTL: nothing left to serve
    this.entries.delete(key);
    this.entries.set(key, { value, until });
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }
}
