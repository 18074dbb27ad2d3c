import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MongoClient } from 'mongodb';
import { freshDatabase, readCountingClient, type TestDatabase } from '@eventonight/testing';
import { DELIVERY_PREFERENCES_TTL_MS, PREFERENCES_COLLECTION, PreferencesRepository } from '../src/persistence/preferences.js';

/**
 * Two replicas of notification over one real database (issue 24): the preferences a replica keeps
 * for pushes trail a change made through the other replica by at most DELIVERY_PREFERENCES_TTL_MS,
 * never longer; what the user reads is always the stored document; the memory stays bounded.
 */

describe('delivery preferences with two replicas', { timeout: 60_000 }, () => {
  let database: TestDatabase;
  /** Replica A's own connection, counting the preference reads it sends to the database. */
  let clientA: MongoClient;
  let readsA: string[] = [];
  let now = 1_000_000;
  const clock = () => now;

  before(async () => {
    database = await freshDatabase('prefsreplicas');
    ({ client: clientA, reads: readsA } = await readCountingClient(PREFERENCES_COLLECTION));
  });
  after(async () => {
    await clientA.close();
    await database.dispose();
  });

  it('a type muted through replica B stops being pushed by replica A within the TTL, and never later', async () => {
    const a = new PreferencesRepository(clientA.db(database.name), { now: clock });
    const b = new PreferencesRepository(database.db, { now: clock });
    assert.deepEqual(await a.recentMutedOf('user-1'), []);
    const readAt = now;

    now += 300;
    await b.replace('user-1', ['event.liked'], new Date());
    assert.deepEqual(await b.recentMutedOf('user-1'), ['event.liked'], 'the replica that wrote sees its write at once');
    assert.deepEqual(await a.mutedOf('user-1'), ['event.liked'], 'what the user reads is always the stored document');

    now = readAt + DELIVERY_PREFERENCES_TTL_MS - 1;
    assert.deepEqual(await a.recentMutedOf('user-1'), [], 'within the TTL A may still push on what it read');
    now = readAt + DELIVERY_PREFERENCES_TTL_MS;
    assert.deepEqual(await a.recentMutedOf('user-1'), ['event.liked'], 'at the TTL A reads the change');

    // And back: unmuted through B.
    const secondReadAt = now;
    await b.replace('user-1', [], new Date());
    now = secondReadAt + DELIVERY_PREFERENCES_TTL_MS;
    assert.deepEqual(await a.recentMutedOf('user-1'), []);
  });

  it('keeps at most maxEntries users in memory, however many are read', async () => {
    const a = new PreferencesRepository(clientA.db(database.name), { now: clock, maxEntries: 4 });
    const users = Array.from({ length: 10 }, (_, i) => `user-many-${i}`);
    for (const user of users) await a.recentMutedOf(user);
    readsA.length = 0;
    for (const user of users.slice(-4)) await a.recentMutedOf(user);
    assert.deepEqual(readsA, [], 'the last four are served from memory');
    await a.recentMutedOf(users[0] ?? '');
    assert.deepEqual(readsA, [users[0]], 'the first ones were dropped and are read again');
  });
});
