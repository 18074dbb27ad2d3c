import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshDatabase, type TestDatabase } from '@eventonight/testing';
import {
  AggregateAlreadyExistsError,
  AggregateStore,
  VersionConflictError,
  retryOnVersionConflict,
  type StoredAggregate,
} from '../src/persistence/index.js';
import { OutboxSignal } from '../src/outbox/signal.js';
import { runWithCorrelationId } from '../src/context/correlation.js';
import { userCreated, userUpdated, type TestUser } from './fixtures.js';

describe('aggregate store: one atomic write carries state, version check and outbox', () => {
  let database: TestDatabase;
  let store: AggregateStore<TestUser>;
  let rings = 0;

  before(async () => {
    database = await freshDatabase('store');
    const signal = new OutboxSignal();
    signal.subscribe(() => (rings += 1));
    store = new AggregateStore<TestUser>(database.db, 'users', { source: 'user', signal });
    await store.ensureIndexes();
  });
  after(() => database.dispose());

  async function raw(id: string): Promise<StoredAggregate<TestUser> | null> {
    return store.collection.findOne({ _id: id });
  }

  it('a successful create leaves the state and its stamped events in one document', async () => {
    const user = { _id: 'u-create', displayName: 'Ada' };
    const ringsBefore = rings;
    await runWithCorrelationId('corr-1', () => store.create(user, [userCreated(user)]));
    const stored = await raw('u-create');
    assert.ok(stored);
    assert.equal(stored.displayName, 'Ada');
    assert.equal(stored.version, 1);
    assert.equal(stored.outboxPending, true);
    assert.equal(stored.outbox.length, 1);
    const [event] = stored.outbox;
    assert.equal(event?.type, 'user.created');
    assert.equal(event?.aggregateId, 'u-create');
    assert.equal(event?.aggregateVersion, 1);
    assert.equal(event?.correlationId, 'corr-1');
    assert.equal(event?.source, 'user');
    assert.equal(rings, ringsBefore + 1, 'the relay is woken after a write with events');
  });

  it('creating an existing id is a conflict and changes nothing', async () => {
    const user = { _id: 'u-dup', displayName: 'First' };
    await store.create(user, [userCreated(user)]);
    await assert.rejects(
      store.create({ _id: 'u-dup', displayName: 'Second' }, [userCreated({ _id: 'u-dup', displayName: 'Second' })]),
      AggregateAlreadyExistsError,
    );
    const stored = await raw('u-dup');
    assert.equal(stored?.displayName, 'First');
    assert.equal(stored?.outbox.length, 1);
  });

  it('a save that loses the version race writes neither state nor events', async () => {
    const user = { _id: 'u-race', displayName: 'v1' };
    await store.create(user, [userCreated(user)]);
    const contenders = Array.from({ length: 8 }, (_, i) => {
      const next = { _id: 'u-race', displayName: `writer-${i}` };
      return store.update('u-race', 1, { displayName: next.displayName }, [userUpdated(next)]);
    });
    const results = await Promise.allSettled(contenders);
    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.filter((r) => r.status === 'rejected');
    assert.equal(winners.length, 1, 'exactly one writer wins version 1 → 2');
    for (const loser of losers) assert.ok(loser.reason instanceof VersionConflictError);
    const stored = await raw('u-race');
    assert.equal(stored?.version, 2);
    assert.equal(stored?.outbox.length, 2, 'only the winner appended its event');
    const winnerEvent = stored?.outbox[1];
    assert.equal(winnerEvent?.type, 'user.updated');
    assert.equal(winnerEvent?.aggregateVersion, 2);
    assert.equal((winnerEvent?.data as { displayName: string }).displayName, stored?.displayName);
  });

  it('an update with a stale version is refused and leaves the document untouched', async () => {
    const user = { _id: 'u-stale', displayName: 'v1' };
    await store.create(user, [userCreated(user)]);
    await store.update('u-stale', 1, { displayName: 'v2' }, [userUpdated({ ...user, displayName: 'v2' })]);
    const before = await raw('u-stale');
    await assert.rejects(store.update('u-stale', 1, { displayName: 'late' }, []), VersionConflictError);
    assert.deepEqual(await raw('u-stale'), before);
  });

  it('retryOnVersionConflict re-decides on fresh state until every concurrent command lands', async () => {
    const user = { _id: 'u-retry', displayName: '' };
    await store.create(user, []);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        retryOnVersionConflict(50, async () => {
          const loaded = await store.load('u-retry');
          assert.ok(loaded);
          const displayName = `${loaded.state.displayName}${i},`;
          await store.update('u-retry', loaded.version, { displayName }, [userUpdated({ _id: 'u-retry', displayName })]);
        }),
      ),
    );
    const stored = await raw('u-retry');
    assert.equal(stored?.version, 11);
    assert.equal(stored?.outbox.length, 10);
    assert.deepEqual(
      stored?.outbox.map((e) => e.aggregateVersion),
      [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    );
  });

  it('load returns the state without outbox bookkeeping', async () => {
    const loaded = await store.load('u-create');
    assert.deepEqual(loaded, { state: { _id: 'u-create', displayName: 'Ada' }, version: 1 });
    assert.equal(await store.load('missing'), null);
  });
});

describe('aggregate store indexes', () => {
  it('ensureIndexes can run again on a database that already has them (every restart)', async () => {
    const database = await freshDatabase('store_idx');
    try {
      const store = new AggregateStore<TestUser>(database.db, 'users', { source: 'user' });
      const extra = [{ key: { displayName: 1 }, name: 'by_name' }];
      await store.ensureIndexes(extra);
      await store.ensureIndexes(extra);
      const names = (await store.collection.listIndexes().toArray()).map((index) => String(index['name']));
      assert.ok(names.includes('outbox_pending') && names.includes('by_name'), names.join(', '));
    } finally {
      await database.dispose();
    }
  });
});
