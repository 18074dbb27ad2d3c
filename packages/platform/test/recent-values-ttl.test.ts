import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecentValues } from '../src/util/recent-values.js';

/** With replicas, `ttlMs` is how long a value may trail another replica's write: never longer. */
describe('RecentValues: the TTL counts from when the read began', () => {
  it('a slow read is kept only for what is left of the TTL', async () => {
    let now = 0;
    const cache = new RecentValues<string>({ ttlMs: 2_000, maxEntries: 10, now: () => now });
    let stored = 'before';
    const slowLoad = async (): Promise<string> => {
      const value = stored;
      now += 1_500; // the database took 1.5 s to answer what it read at the start
      return value;
    };
    assert.equal(await cache.get('a', slowLoad), 'before');
    stored = 'after'; // written by another replica right after the read
    now = 1_999;
    assert.equal(await cache.get('a', async () => stored), 'before');
    now = 2_000;
    assert.equal(await cache.get('a', async () => stored), 'after');
  });

  it('a read that took the whole TTL keeps nothing', async () => {
    let now = 0;
    const cache = new RecentValues<string>({ ttlMs: 1_000, maxEntries: 10, now: () => now });
    await cache.get('a', async () => {
      now += 1_000;
      return 'late';
    });
    assert.equal(cache.size, 0);
  });
});
