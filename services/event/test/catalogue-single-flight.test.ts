import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { createLogger } from '@eventonight/platform';
import { infra } from '@eventonight/testing';
import { RedisCatalogueCache } from '../src/outbound/redis-catalogue-cache.js';

const answer = z.object({ owner: z.string(), n: z.number() });
type Answer = z.infer<typeof answer>;

/**
 * The cache's single flight on the real Redis (docs/adr/0016): concurrent misses of one key
 * share one load, but never an answer meant for its owner alone.
 */
describe('event service: catalogue cache, concurrent misses', () => {
  let cache: RedisCatalogueCache;

  before(async () => {
    cache = new RedisCatalogueCache({
      url: infra.redisUrl,
      namespace: `single_flight_${randomUUID()}`,
      ttlSeconds: 60,
      logger: createLogger({ service: 'event-test', level: 'silent' }),
    });
    cache.start();
    // It connects in the background: wait until a stored key is read back as a hit.
    const probe = async () => ({ value: { owner: 'probe', n: 0 }, share: true });
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if ((await cache.read('probe', answer, probe)).hit) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail('the cache never connected to Redis');
  });

  after(async () => {
    await cache?.stop();
  });

  /** A load that takes a while and counts how often it ran. */
  function slowLoad(owner: string, share: boolean, counter: { loads: number }): () => Promise<{ value: Answer; share: boolean }> {
    return async () => {
      counter.loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 150));
      return { value: { owner, n: counter.loads }, share };
    };
  }

  it('twenty requests missing one key at once make one load; all get its answer, and the next one is a hit', async () => {
    await cache.changed();
    const counter = { loads: 0 };
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.read('list:popular', answer, slowLoad('everyone', true, counter))));
    assert.equal(counter.loads, 1);
    assert.ok(answers.every((reply) => reply.value.owner === 'everyone' && reply.value.n === 1 && !reply.hit));
    const next = await cache.read('list:popular', answer, slowLoad('everyone', true, counter));
    assert.equal(next.hit, true);
    assert.equal(counter.loads, 1);
  });

  it("an answer for its owner alone is not handed to others waiting on the same key: each loads its own", async () => {
    await cache.changed();
    const ownerCounter = { loads: 0 };
    const othersCounter = { loads: 0 };
    const first = cache.read('event:draft', answer, slowLoad('organizer', false, ownerCounter));
    const others = Array.from({ length: 5 }, () => cache.read('event:draft', answer, slowLoad('stranger', false, othersCounter)));
    const [mine, ...theirs] = await Promise.all([first, ...others]);
    assert.equal(mine?.value.owner, 'organizer');
    assert.equal(ownerCounter.loads, 1);
    assert.equal(othersCounter.loads, 5);
    assert.ok(theirs.every((reply) => reply.value.owner === 'stranger'));
  });

  it('a load that fails does not fail the requests that joined it: they load for themselves', async () => {
    await cache.changed();
    const failing = async (): Promise<{ value: Answer; share: boolean }> => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error('database away');
    };
    const counter = { loads: 0 };
    const [failed, joined] = await Promise.allSettled([cache.read('list:flaky', answer, failing), cache.read('list:flaky', answer, slowLoad('second', true, counter))]);
    assert.equal(failed.status, 'rejected');
    assert.equal(joined.status, 'fulfilled');
    assert.equal(joined.status === 'fulfilled' ? joined.value.value.owner : null, 'second');
    assert.equal(counter.loads, 1);
  });

  it('readJson keeps the answer as its schema parsed it and sends a hit as that text', async () => {
    await cache.changed();
    const counter = { loads: 0 };
    const load = async () => {
      counter.loads += 1;
      // An undeclared field (as an internal one would be) must not reach the kept text.
      return { value: { owner: 'everyone', n: 7, secret: 'internal' } as Answer, share: true };
    };
    const miss = await cache.readJson('list:text', answer, load);
    const hit = await cache.readJson('list:text', answer, load);
    assert.deepEqual([miss.hit, hit.hit, counter.loads], [false, true, 1]);
    assert.equal(miss.body.text, '{"owner":"everyone","n":7}');
    assert.equal(hit.body.text, miss.body.text);
    // The same entry serves `read`, parsed.
    assert.deepEqual(await cache.read('list:text', answer, load), { value: { owner: 'everyone', n: 7 }, hit: true });
  });

  it('a text kept under one version of a schema is not found under another (its fingerprint is in the key)', async () => {
    await cache.changed();
    const older = z.object({ owner: z.string() });
    const newer = z.object({ owner: z.string(), n: z.number() });
    await cache.readJson('list:versions', older, async () => ({ value: { owner: 'old' }, share: true }));
    assert.equal((await cache.readJson('list:versions', older, async () => ({ value: { owner: 'unused' }, share: true }))).hit, true);
    const newerReply = await cache.readJson('list:versions', newer, async () => ({ value: { owner: 'new', n: 1 }, share: true }));
    assert.equal(newerReply.hit, false);
    assert.equal(newerReply.body.text, '{"owner":"new","n":1}');
  });
});
