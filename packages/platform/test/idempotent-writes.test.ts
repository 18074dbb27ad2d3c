import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshDatabase, type TestDatabase } from '@eventonight/testing';
import { insertManyOnce, insertOnce, upsertIfNewer } from '../src/persistence/index.js';

interface UserCopy {
  _id: string;
  sourceVersion: number;
  displayName: string;
}

describe('idempotent writes for event handlers', () => {
  let database: TestDatabase;
  before(async () => {
    database = await freshDatabase('idem');
  });
  after(() => database.dispose());

  it('upsertIfNewer applies newer versions and ignores older or repeated ones', async () => {
    const copies = database.db.collection<UserCopy>('user_copies');
    assert.equal(await upsertIfNewer(copies, 'u1', 2, { displayName: 'v2' }), 'applied');
    assert.equal(await upsertIfNewer(copies, 'u1', 1, { displayName: 'v1 (late)' }), 'stale');
    assert.equal(await upsertIfNewer(copies, 'u1', 2, { displayName: 'v2 again' }), 'stale');
    assert.deepEqual(await copies.findOne({ _id: 'u1' }), { _id: 'u1', sourceVersion: 2, displayName: 'v2' });
    assert.equal(await upsertIfNewer(copies, 'u1', 5, { displayName: 'v5' }), 'applied');
    assert.equal((await copies.findOne({ _id: 'u1' }))?.displayName, 'v5');
  });

  it('upsertIfNewer keeps the newest under concurrent out-of-order delivery', async () => {
    const copies = database.db.collection<UserCopy>('user_copies');
    const versions = [3, 7, 1, 6, 2, 5, 4];
    await Promise.all(versions.map((v) => upsertIfNewer(copies, 'u2', v, { displayName: `v${v}` })));
    assert.deepEqual(await copies.findOne({ _id: 'u2' }), { _id: 'u2', sourceVersion: 7, displayName: 'v7' });
  });

  it('insertOnce turns a redelivery into a no-op', async () => {
    const notes = database.db.collection<{ _id: string; text: string }>('notes');
    assert.equal(await insertOnce(notes, { _id: 'event-1:user-9', text: 'first' }), 'inserted');
    assert.equal(await insertOnce(notes, { _id: 'event-1:user-9', text: 'second' }), 'duplicate');
    assert.equal(await notes.countDocuments(), 1);
    assert.equal((await notes.findOne({ _id: 'event-1:user-9' }))?.text, 'first');
  });

  it('insertManyOnce inserts the new documents around existing ids and says which it inserted', async () => {
    const notes = database.db.collection<{ _id: string; text: string }>('many_notes');
    await notes.insertMany([
      { _id: 'n2', text: 'kept' },
      { _id: 'n4', text: 'kept' },
    ]);
    const batch = ['n1', 'n2', 'n3', 'n4', 'n5'].map((id) => ({ _id: id, text: 'new' }));
    assert.deepEqual([...(await insertManyOnce(notes, batch))].sort(), ['n1', 'n3', 'n5']);
    const stored = await notes.find().sort({ _id: 1 }).toArray();
    assert.deepEqual(
      stored.map((note) => [note._id, note.text]),
      [['n1', 'new'], ['n2', 'kept'], ['n3', 'new'], ['n4', 'kept'], ['n5', 'new']],
      'an existing document is left as it was',
    );
    assert.deepEqual([...(await insertManyOnce(notes, batch))], [], 'a redelivery inserts nothing');
    assert.deepEqual([...(await insertManyOnce(notes, []))], []);
  });
});
