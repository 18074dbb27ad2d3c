import { createClient } from 'redis';
import { Problem } from '../http/problem.js';
import type { Logger } from '../logger/logger.js';

export interface RateLimiterOptions {
  url: string;
  /** Keys of one database never meet another's: tests and services share one Redis. */
  namespace: string;
  logger: Logger;
}

/**
 * A per-member fixed-window limit shared by every replica (ADR 0041): one INCR (and, on a window's
 * first hit, one EXPIRE) per write in Redis. Redis away: the write is let through (a limit is a
 * brake on abuse, not a dependency), and a warning is logged at most every 30 s.
 */
export class RedisRateLimiter {
  private readonly client;
  private lastWarningAt = 0;

  constructor(private readonly options: RateLimiterOptions) {
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
    });
    this.client.on('error', (error: unknown) => this.warn(error));
  }

  start(): void {
    this.client.connect().catch((error: unknown) => this.warn(error));
  }

  async stop(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => undefined);
  }

  /**
   * Counts one `action` of `userId`; throws 429 `too-many-requests` with Retry-After when it is the
   * (limit+1)-th in the current window of `windowSeconds`.
   */
  async take(action: string, userId: string, limit: number, windowSeconds: number, what: string): Promise<void> {
    if (!this.client.isReady) return;
    const nowSeconds = Math.floor(Date.now() / 1000);
    const window = Math.floor(nowSeconds / windowSeconds);
    const key = `${this.options.namespace}:ratelimit:${action}:${userId}:${window}`;
    let count: number;
    try {
      count = await this.client.incr(key);
      if (count === 1) await this.client.expire(key, windowSeconds + 1);
    } catch (error) {
      this.warn(error);
      return;
    }
    if (count > limit) {
      const retryAfter = Math.max(1, (window + 1) * windowSeconds - nowSeconds);
      throw tooManyRequests(`You are sending ${what} too fast: at most ${limit} a minute. Try again in ${retryAfter} seconds.`, retryAfter);
    }
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarningAt < 30_000) return;
    this.lastWarningAt = now;
    this.options.logger.warn({ err: error }, 'rate limiter: redis unavailable; writes are not limited');
  }
}

export function tooManyRequests(detail: string, retryAfterSeconds: number): Problem {
  return new Problem('too-many-requests', detail, { headers: { 'Retry-After': String(retryAfterSeconds) }, extensions: { retryAfter: retryAfterSeconds } });
}
