/**
 * Single-document atomicity of conditional writes on the local FerretDB, which the services'
 * optimistic concurrency relies on (MongoDB guarantees it; FerretDB 1.24 needs the write lock
 * that infra/setup.sh patches in: a write naming its documents by `_id` locks those documents,
 * any other write its whole collection; docs/adr/0003). Eight writers race on one document with
 * the same `version` condition, twenty rounds each: exactly one may win. Without the lock most
 * rounds have several winners.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Collection } from 'mongodb';
import { freshDatabase, type TestDatabase } from '@eventonight/testing';

const ROUNDS = 20;
const WRITERS = 8;

interface Contested {
  _id: string;
  /** The same value as `_id`, for writers that find the document by another field. */
  name: string;
  version: number;
  winners: number[];
}

type Writer = (collection: Collection<Contested>, id: string, writer: number) => Promise<boolean>;

const updateOneWriter: Writer = async (collection, id, writer) => {
  const result = await collection.updateOne({ _id: id, version: 1 }, { $set: { version: 2 }, $push: { winners: writer } });
  return result.modifiedCount === 1;
};

/** Finds the document by another field than `_id`: FerretDB then locks the whole collection. */
const byOtherFieldWriter: Writer = async (collection, id, writer) => {
  const result = await collection.updateOne({ name: id, version: 1 }, { $set: { version: 2 }, $push: { winners: writer } });
  return result.modifiedCount === 1;
};

/** Names the document in an `$in` of ids, with one that does not exist, as the outbox relay does. */
const idListWriter: Writer = async (collection, id, writer) => {
  const result = await collection.updateMany(
    { _id: { $in: [`${id}-absent`, id, id] }, version: 1 },
    { $set: { version: 2 }, $push: { winners: writer } },
  );
  return result.modifiedCount === 1;
};

const findOneAndUpdateWriter: Writer = async (collection, id, writer) => {
  const before = await collection.findOneAndUpdate(
    { _id: id, version: 1 },
    { $set: { version: 2 }, $push: { winners: writer } },
    { returnDocument: 'before' },
  );
  return before !== null;
};

/** Runs the rounds and returns, per round, how many writers were told they won and what was stored. */
async function race(collection: Collection<Contested>, writerFor: (writer: number) => Writer, label: string) {
  const outcomes: { claimed: number; stored: Contested | null }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const id = `${label}-${round}`;
    await collection.insertOne({ _id: id, name: id, version: 1, winners: [] });
    const wins = await Promise.all(Array.from({ length: WRITERS }, (_, writer) => writerFor(writer)(collection, id, writer)));
    outcomes.push({ claimed: wins.filter(Boolean).length, stored: await collection.findOne({ _id: id }) });
  }
  return outcomes;
}

function assertOneWinnerPerRound(outcomes: Awaited<ReturnType<typeof race>>): void {
  const bad = outcomes.filter(({ claimed, stored }) => claimed !== 1 || stored?.winners.length !== 1 || stored.version !== 2);
  assert.deepEqual(bad, [], `${bad.length} of ${ROUNDS} rounds did not have exactly one winner`);
}

describe('FerretDB: racing conditional writes on one document', () => {
  let database: TestDatabase;

  before(async () => {
    database = await freshDatabase('atomicity');
  });

  after(async () => {
    await database.dispose();
  });

  test(`${WRITERS} racing updateOne with the same version condition: one winner in each of ${ROUNDS} rounds`, async () => {
    assertOneWinnerPerRound(await race(database.db.collection('by_update'), () => updateOneWriter, 'update'));
  });

  test(`${WRITERS} racing findOneAndUpdate with the same version condition: one winner in each of ${ROUNDS} rounds`, async () => {
    assertOneWinnerPerRound(await race(database.db.collection('by_find_and_modify'), () => findOneAndUpdateWriter, 'fam'));
  });

  test('updateOne and findOneAndUpdate racing each other: one winner per round', async () => {
    const mixed = (writer: number): Writer => (writer % 2 === 0 ? updateOneWriter : findOneAndUpdateWriter);
    assertOneWinnerPerRound(await race(database.db.collection('mixed'), mixed, 'mixed'));
  });

  test('writers naming the document by _id, by an $in of ids and by another field, racing: one winner per round', async () => {
    const writers = [updateOneWriter, idListWriter, byOtherFieldWriter, findOneAndUpdateWriter];
    assertOneWinnerPerRound(await race(database.db.collection('by_kinds'), (writer) => writers[writer % writers.length]!, 'kinds'));
  });

  test('races in two collections at once stay exact in both (each collection has its own lock)', async () => {
    const [first, second] = await Promise.all([
      race(database.db.collection('left'), () => updateOneWriter, 'left'),
      race(database.db.collection('right'), () => findOneAndUpdateWriter, 'right'),
    ]);
    assertOneWinnerPerRound(first);
    assertOneWinnerPerRound(second);
  });
});

/**
 * The local FerretDB writes the documents one update command changed together, up to 1,000 per
 * transaction (infra/ferretdb/update_batch.go): a command over more than one batch must still
 * change every matching document exactly once, the last partial batch included, and leave the
 * others alone.
 */
describe('FerretDB: an update of many documents', () => {
  let database: TestDatabase;

  before(async () => {
    database = await freshDatabase('batched_updates');
  });

  after(async () => {
    await database.dispose();
  });

  test('updateMany over 2,345 of 2,600 documents changes each of them once and no other', async () => {
    const collection = database.db.collection<{ _id: string; group: string; count: number; changed?: boolean }>('many');
    const documents = Array.from({ length: 2_600 }, (_, index) => ({
      _id: `doc-${index}`,
      group: index < 2_345 ? 'in' : 'out',
      count: index,
    }));
    await collection.insertMany(documents);

    const result = await collection.updateMany({ group: 'in' }, { $inc: { count: 1 }, $set: { changed: true } });
    assert.equal(result.matchedCount, 2_345);
    assert.equal(result.modifiedCount, 2_345);

    const stored = await collection.find({}).sort({ _id: 1 }).toArray();
    const wrong = stored.filter((document) => {
      const index = Number(document._id.slice('doc-'.length));
      return index < 2_345 ? document.count !== index + 1 || document.changed !== true : document.count !== index || 'changed' in document;
    });
    assert.equal(stored.length, 2_600);
    assert.deepEqual(wrong, []);
  });

  test('documents the update leaves as they were count as matched, not modified, and the rest are written', async () => {
    const collection = database.db.collection<{ _id: string; flag: boolean }>('some_unchanged');
    await collection.insertMany(Array.from({ length: 1_500 }, (_, index) => ({ _id: `d-${index}`, flag: index % 3 === 0 })));

    const result = await collection.updateMany({}, { $set: { flag: true } });
    assert.equal(result.matchedCount, 1_500);
    assert.equal(result.modifiedCount, 1_000);
    assert.equal(await collection.countDocuments({ flag: true }), 1_500);
  });
});
