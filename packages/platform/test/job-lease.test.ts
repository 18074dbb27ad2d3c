import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshDatabase, waitFor, type TestDatabase } from '@eventonight/testing';
import { JOB_LEASES_COLLECTION, mongoJobLease, periodicJob } from '../src/service/index.js';
import { silentLogger } from './fixtures.js';

describe('job leases: one replica runs a periodic job', { timeout: 60_000 }, () => {
  let database: TestDatabase;

  before(async () => {
    database = await freshDatabase('lease');
  });

  after(async () => {
    await database.dispose();
  });

  it('one holder at a time; it renews its own term; a lapsed or released lease passes on', async () => {
    const a = mongoJobLease(database.db, 'sweep', 1_500, 'replica-a');
    const b = mongoJobLease(database.db, 'sweep', 1_500, 'replica-b');
    const first = await Promise.all([a.acquire(), b.acquire()]);
    assert.equal(first.filter(Boolean).length, 1, 'racing replicas: exactly one holds it');
    const [holder, other] = first[0] === true ? [a, b] : [b, a];
    assert.equal(await holder.acquire(), true, 'the holder renews');
    assert.equal(await other.acquire(), false);

    // The holder dies without releasing: the other takes over once the term has passed.
    await waitFor(async () => ((await other.acquire()) ? true : undefined), { timeoutMs: 5_000, intervalMs: 200, what: 'take-over after the term' });
    assert.equal(await holder.acquire(), false, 'the old holder lost it');

    await other.release();
    assert.equal(await holder.acquire(), true, 'a released lease is free at once');
  });

  it('a replica that does not hold the lease cannot free it', async () => {
    const holder = mongoJobLease(database.db, 'guarded', 60_000, 'replica-holder');
    const other = mongoJobLease(database.db, 'guarded', 60_000, 'replica-other');
    const third = mongoJobLease(database.db, 'guarded', 60_000, 'replica-third');
    assert.equal(await holder.acquire(), true);
    const stored = await database.db.collection(JOB_LEASES_COLLECTION).findOne({ _id: 'guarded' as never });

    await other.release(); // e.g. a replica stopping gracefully after losing the lease
    assert.equal(await third.acquire(), false, 'the lease is still held: nobody else takes it');
    assert.equal(await other.acquire(), false);
    assert.deepEqual(
      await database.db.collection(JOB_LEASES_COLLECTION).findOne({ _id: 'guarded' as never }),
      stored,
      'owner and term unchanged by the stranger',
    );
    assert.equal(await holder.acquire(), true, 'the holder keeps it');
  });

  it('periodic jobs with a lease: only the holder works; stopping it hands the job over', async () => {
    const runs = { a: 0, b: 0 };
    const job = (name: 'a' | 'b') =>
      periodicJob('count', 50, async () => void (runs[name] += 1), silentLogger, { lease: mongoJobLease(database.db, 'count', 10_000, `replica-${name}`) });
    const jobA = job('a');
    const jobB = job('b');
    jobA.start();
    await waitFor(() => (runs.a >= 3 ? true : undefined), { what: 'replica a to run' });
    jobB.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(runs.b, 0, 'b does no work while a holds the lease');

    await jobA.stop();
    const aAfterStop = runs.a;
    await waitFor(() => (runs.b >= 3 ? true : undefined), { what: 'replica b to take over' });
    await jobB.stop();
    assert.equal(runs.a, aAfterStop);
  });
});
