import { createClient } from 'redis';
import type { z } from 'zod';
import { JsonText, schemaFingerprint, type Logger } from '@eventonight/platform';
import type { Cacheable, CatalogueCache } from '../application/ports.js';

export interface RedisCatalogueCacheOptions {
  url: string;
  /** Keys of one database never meet another's: tests and services share one Redis. */
  namespace: string;
  /** A bound on memory and on staleness if a generation bump was ever lost. */
  ttlSeconds: number;
  logger: Logger;
  /** Told whether each read was a hit or a miss (Redis away counts as a miss): the cache metrics. */
  onLookup?: (result: 'hit' | 'miss') => void;
}

/**
 * CatalogueCache on Redis. A read is two GETs (the generation, then the key in it); a miss loads
 * and stores with a TTL. A reader that loaded before a write may store stale data, but under the
 * old generation, which nobody reads any more. Commands fail at once while Redis is away (no
 * offline queue), and every failure falls back to the database. What is stored is the value as
 * its schema parsed it, under a key carrying the schema's fingerprint: `readJson` sends a hit
 * as it is, and a process with another version of the schema never finds it.
 */
export class RedisCatalogueCache implements CatalogueCache {
  private readonly client;
  private readonly generationKey: string;
  /** The load running for each key of a generation in this process (see `loadOnce`). */
  private readonly loading = new Map<string, Promise<Cacheable<unknown>>>();
  private lastWarningAt = 0;

  constructor(private readonly options: RedisCatalogueCacheOptions) {
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
    });
    this.client.on('error', (error: unknown) => this.warn(error, 'catalogue cache: redis error'));
    this.generationKey = `${options.namespace}:catalogue:generation`;
    // Writes made while Redis was away could not move the generation on: do it on every
    // (re)connection, so nothing cached before the outage is served after it.
    this.client.on('ready', () => {
      this.client.incr(this.generationKey).catch((error: unknown) => this.warn(error, 'catalogue cache: generation bump failed'));
    });
  }

  /** Connects in the background: the service serves from the database until Redis answers. */
  start(): void {
    this.client.connect().catch((error: unknown) => this.warn(error, 'catalogue cache: first connection failed; retrying'));
  }

  async stop(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => undefined);
  }

  async read<T>(key: string, schema: z.ZodType<T>, load: () => Promise<Cacheable<T>>): Promise<{ value: T; hit: boolean }> {
    const { stored, slot } = await this.lookUp(key, schema);
    const parsed = stored === null ? undefined : parseKept(stored, schema);
    this.options.onLookup?.(parsed === undefined ? 'miss' : 'hit');
    if (parsed !== undefined) return { value: parsed, hit: true };
    if (slot === null) return { value: (await load()).value, hit: false };
    return { value: await this.loadOnce(slot, schema, load), hit: false };
  }

  async readJson<T>(key: string, schema: z.ZodType<T>, load: () => Promise<Cacheable<T>>): Promise<{ body: JsonText<T>; hit: boolean }> {
    const { stored, slot } = await this.lookUp(key, schema);
    this.options.onLookup?.(stored === null ? 'miss' : 'hit');
    if (stored !== null) return { body: JsonText.kept(schema, stored), hit: true };
    const value = slot === null ? (await load()).value : await this.loadOnce(slot, schema, load);
    return { body: JsonText.of(schema, value), hit: false };
  }

  /** The stored text of `key` (null: none) and its slot (null: Redis cannot be used now). */
  private async lookUp(key: string, schema: z.ZodType): Promise<{ stored: string | null; slot: string | null }> {
    if (!this.client.isReady) return { stored: null, slot: null };
    try {
      const generation = (await this.client.get(this.generationKey)) ?? '0';
      const slot = `${this.options.namespace}:catalogue:${generation}:${schemaFingerprint(schema)}:${key}`;
      return { stored: await this.client.get(slot), slot };
    } catch (error) {
      this.warn(error, 'catalogue cache: read failed; using the database');
      return { stored: null, slot: null };
    }
  }

  /**
   * Concurrent misses of one key in one generation share one load, which alone stores the
   * answer: when a write or the TTL ends a popular key, the requests waiting for it must not
   * all scan the database at once (with 2,000 events on FerretDB, 20 such scans took 6 s each).
   * A joiner takes the shared answer only if it may be shared (it is what the cache would have
   * given it); an answer for its owner alone (a draft) is loaded again with the joiner's own
   * `load`, which authorizes the joiner.
   */
  private async loadOnce<T>(slot: string, schema: z.ZodType<T>, load: () => Promise<Cacheable<T>>): Promise<T> {
    const running = this.loading.get(slot);
    if (running !== undefined) {
      const shared = await running.catch(() => null);
      const parsed = shared?.share === true ? schema.safeParse(shared.value) : null;
      if (parsed?.success === true) return parsed.data;
      return (await load()).value;
    }
    const loading = load();
    this.loading.set(slot, loading);
    try {
      const loaded = await loading;
      if (loaded.share) {
        await this.client.set(slot, JSON.stringify(schema.parse(loaded.value)), { EX: this.options.ttlSeconds }).catch((error: unknown) => {
          this.warn(error, 'catalogue cache: store failed');
        });
      }
      return loaded.value;
    } finally {
      this.loading.delete(slot);
    }
  }

  async changed(): Promise<void> {
    try {
      await this.client.incr(this.generationKey);
    } catch (error) {
      // The write itself succeeded; readers may see the old catalogue until the TTL ends.
      this.options.logger.error({ err: error }, 'catalogue cache: could not move the generation on');
    }
  }

  /** At most one warning per 10 s: an unreachable Redis must not flood the log. */
  private warn(error: unknown, message: string): void {
    const now = Date.now();
    if (now - this.lastWarningAt < 10_000) return;
    this.lastWarningAt = now;
    this.options.logger.warn({ err: error }, message);
  }
}

/** The kept text as `schema` reads it; undefined when it does not (then it is loaded again). */
function parseKept<T>(text: string, schema: z.ZodType<T>): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** No Redis configured: every read loads (the same code path, without the shared store). */
export const noCatalogueCache: CatalogueCache = {
  async read(_key, _schema, load) {
    return { value: (await load()).value, hit: false };
  },
  async readJson(_key, schema, load) {
    return { body: JsonText.of(schema, (await load()).value), hit: false };
  },
  async changed() {},
};
