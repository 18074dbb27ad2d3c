import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MongoClient } from 'mongodb';
import { freshDatabase, readCountingClient, type TestDatabase } from '@eventonight/testing';
import type { EventCopy } from '../src/domain/copies.js';
import { Copies, EVENT_COPY_TTL_MS } from '../src/persistence/copies.js';
import { EVENT_COPIES } from '../src/persistence/collections.js';

/**
 * Two replicas of interaction over one real database (issue 24): the event copy a replica keeps
 * in memory trails a change consumed by the other replica by at most EVENT_COPY_TTL_MS, never
 * longer, and the memory stays bounded.
 */

const HOUR = 3_600_000;

function eventCopy(id: string, status: EventCopy['status']): Omit<EventCopy, 'sourceVersion'> {
  return {
    _id: id,
    organizerId: 'org-1',
    title: `Event ${id}`,
    startsAt: new Date(Date.now() + HOUR),
    endsAt: new Date(Date.now() + 2 * HOUR),
    status,
  };
}

describe('event copies with two replicas', { timeout: 60_000 }, () => {
  let database: TestDatabase;
  /** Replica A's own connection, counting the event-copy reads it sends to the database. */
  let clientA: MongoClient;
  let readsA: string[] = [];
  let now = 1_000_000;
  const clock = () => now;

  before(async () => {
    database = await freshDatabase('copiesreplicas');
    ({ client: clientA, reads: readsA } = await readCountingClient(EVENT_COPIES));
  });
  after(async () => {
    await clientA.close();
    await database.dispose();
  });

  it('a cancellation consumed by replica B is seen by replica A within the TTL, and never later', async () => {
    const a = new Copies(clientA.db(database.name), { now: clock });
    const b = new Copies(database.db, { now: clock });
    await b.saveEvent(1, eventCopy('ev-cancel', 'published'));
    assert.equal((await a.event('ev-cancel'))?.status, 'published');
    const readAt = now;

    now += 500;
    assert.equal(await b.saveEvent(2, eventCopy('ev-cancel', 'cancelled')), 'applied');
    assert.equal((await b.event('ev-cancel'))?.status, 'cancelled', 'the replica that wrote sees its write at once');

    now = readAt + EVENT_COPY_TTL_MS - 1;
    assert.equal((await a.event('ev-cancel'))?.status, 'published', 'within the TTL A may still serve what it read');
    now = readAt + EVENT_COPY_TTL_MS;
    assert.equal((await a.event('ev-cancel'))?.status, 'cancelled', 'at the TTL A reads the change');
    assert.deepEqual(readsA.filter((id) => id === 'ev-cancel').length, 2);
  });

  it('a slow read does not stretch the TTL: a value is kept from when its read began', async () => {
    const a = new Copies(clientA.db(database.name), { now: clock });
    const b = new Copies(database.db, { now: clock });
    await b.saveEvent(1, eventCopy('ev-slow', 'published'));
    const readAt = now;
    // The database answers while the clock moves on by most of the TTL (a stalled read).
    const reading = a.event('ev-slow');
    now += EVENT_COPY_TTL_MS - 100;
    assert.equal((await reading)?.status, 'published');
    await b.saveEvent(2, eventCopy('ev-slow', 'cancelled'));
    now = readAt + EVENT_COPY_TTL_MS;
    assert.equal((await a.event('ev-slow'))?.status, 'cancelled');
  });

  it('an event unknown to A is asked again on every read, so a copy B wrote is seen at once', async () => {
    const a = new Copies(clientA.db(database.name), { now: clock });
    const b = new Copies(database.db, { now: clock });
    assert.equal(await a.event('ev-new'), null);
    await b.saveEvent(1, eventCopy('ev-new', 'published'));
    assert.equal((await a.event('ev-new'))?.status, 'published');
  });

  it('keeps at most maxEntries copies in memory, however many events are read', async () => {
    const a = new Copies(clientA.db(database.name), { now: clock, maxEntries: 5 });
    const b = new Copies(database.db, { now: clock });
    const ids = Array.from({ length: 12 }, (_, i) => `ev-many-${i}`);
    for (const id of ids) await b.saveEvent(1, eventCopy(id, 'published'));
    for (const id of ids) await a.event(id);
    readsA.length = 0;
    // The last five are served from memory; the first ones were dropped and are read again.
    for (const id of ids.slice(-5)) await a.event(id);
    assert.deepEqual(readsA, []);
    await a.event(ids[0] ?? '');
    assert.deepEqual(readsA, [ids[0]]);
  });
});
