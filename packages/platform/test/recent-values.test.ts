import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecentValues } from '../src/util/recent-values.js';

/** A clock the test moves by hand, and a loader that counts its reads and answers what it is told. */
function setUp(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let now = 1_000;
  const stored = new Map<string, string | null>();
  const reads: string[] = [];
  const cache = new RecentValues<string | null>({
    ttlMs: options.ttlMs ?? 2_000,
    maxEntries: options.maxEntries ?? 100,
    now: () => now,
  });
  const load = (key: string) => async (): Promise<string | null> => {
    reads.push(key);
    return stored.get(key) ?? null;
  };
  return {
    cache,
    stored,
    reads,
    load,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('RecentValues', () => {
  it('serves a loaded value without reading again until its time is up', async () => {
    const t = setUp({ ttlMs: 2_000 });
    t.stored.set('a', 'first');
    assert.equal(await t.cache.get('a', t.load('a')), 'first');
    t.stored.set('a', 'second'); // changed by somebody else: the kept value is served meanwhile
    t.advance(1_999);
    assert.equal(await t.cache.get('a', t.load('a')), 'first');
    t.advance(1);
    assert.equal(await t.cache.get('a', t.load('a')), 'second');
    assert.deepEqual(t.reads, ['a', 'a']);
  });

  it('reads again after forget (this process wrote the value)', async () => {
    const t = setUp();
    t.stored.set('a', 'before');
    await t.cache.get('a', t.load('a'));
    t.stored.set('a', 'after');
    t.cache.forget('a');
    assert.equal(await t.cache.get('a', t.load('a')), 'after');
    assert.equal(t.reads.length, 2);
  });

  it('does not keep what a load read while a key was forgotten (it may predate the write)', async () => {
    const t = setUp();
    let release: () => void = () => undefined;
    const slowLoad = async (): Promise<string | null> => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return 'read before the write';
    };
    const pending = t.cache.get('a', slowLoad);
    t.cache.forget('a'); // the write lands while the read is out
    release();
    assert.equal(await pending, 'read before the write');
    t.stored.set('a', 'written');
    assert.equal(await t.cache.get('a', t.load('a')), 'written');
    assert.equal(t.cache.size, 1);
  });

  it('keeps only what `keep` accepts', async () => {
    const t = setUp();
    const known = (value: string | null): boolean => value !== null;
    assert.equal(await t.cache.get('missing', t.load('missing'), known), null);
    t.stored.set('missing', 'now there');
    assert.equal(await t.cache.get('missing', t.load('missing'), known), 'now there');
    assert.deepEqual(t.reads, ['missing', 'missing']);
  });

  it('holds at most maxEntries keys, dropping the one loaded longest ago', async () => {
    const t = setUp({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await t.cache.get(key, t.load(key));
    assert.equal(t.cache.size, 2);
    await t.cache.get('b', t.load('b'));
    await t.cache.get('c', t.load('c'));
    await t.cache.get('a', t.load('a'));
    assert.deepEqual(t.reads, ['a', 'b', 'c', 'a']);
  });

  it('writing forgets the key after the write, also when the write failed', async () => {
    const t = setUp();
    t.stored.set('a', 'before');
    await t.cache.get('a', t.load('a'));
    await assert.rejects(
      t.cache.writing('a', async () => {
        t.stored.set('a', 'landed'); // the write reached the database, then the reply was lost
        throw new Error('connection reset');
      }),
      /connection reset/,
    );
    assert.equal(await t.cache.get('a', t.load('a')), 'landed');
    t.stored.set('a', 'second');
    assert.equal(await t.cache.writing('a', async () => 'written'), 'written');
    assert.equal(await t.cache.get('a', t.load('a')), 'second');
    assert.equal(t.reads.length, 3);
  });

  it('passes a failed load on and keeps nothing', async () => {
    const t = setUp();
    await assert.rejects(
      t.cache.get('a', async () => {
        throw new Error('database down');
      }),
      /database down/,
    );
    assert.equal(t.cache.size, 0);
  });
});
