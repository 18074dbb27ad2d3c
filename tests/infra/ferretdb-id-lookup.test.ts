/**
 * The local FerretDB finds a document named by a string or ObjectId `_id` through the
 * collection's unique index (infra/ferretdb/id_equality.go): FerretDB 1.24 pushed the equality
 * down as containment, which scanned the whole collection on every `find({_id})`, update and
 * delete of one document (docs/adr/0003). These tests hold the plan and MongoDB's meaning of
 * `_id` equality: the named document and no other, an ObjectId never equal to its hex string,
 * numbers equal across number types.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Double, Int32, ObjectId, type Document } from 'mongodb';
import { freshDatabase, type TestDatabase } from '@eventonight/testing';

interface PlanNode {
  'Node Type'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of FerretDB's `explain` answer (PostgreSQL's plan, as JSON). */
function planNodes(plan: PlanNode | undefined): PlanNode[] {
  if (plan === undefined) return [];
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

async function planOf(database: TestDatabase, collection: string, filter: Document): Promise<PlanNode[]> {
  const answer = await database.db.command({ explain: { find: collection, filter } });
  const planner = answer['queryPlanner'] as { Plan?: PlanNode } | undefined;
  return planNodes(planner?.Plan);
}

describe('FerretDB: a document named by its _id', () => {
  let database: TestDatabase;
  const objectIds = Array.from({ length: 300 }, () => new ObjectId());

  before(async () => {
    database = await freshDatabase('id_lookup');
    await database.db.collection('by_string').insertMany(Array.from({ length: 300 }, (_, index) => ({ _id: `doc-${index}`, index })) as Document[]);
    await database.db.collection('by_object_id').insertMany(objectIds.map((_id, index) => ({ _id, index })));
  });

  after(async () => {
    await database.dispose();
  });

  test('a string _id and an ObjectId _id are found through the _id index, not by a scan', async () => {
    for (const [collection, id] of [['by_string', 'doc-17'], ['by_object_id', objectIds[17]]] as const) {
      const nodes = await planOf(database, collection, { _id: id });
      assert.ok(nodes.some((node) => node['Node Type'] === 'Index Scan'), `${collection}: ${JSON.stringify(nodes)}`);
      assert.ok(!nodes.some((node) => node['Node Type'] === 'Seq Scan'), `${collection}: ${JSON.stringify(nodes)}`);
    }
  });

  test('find, update and delete by _id touch the named document and no other', async () => {
    const strings = database.db.collection<{ _id: string; index: number; touched?: boolean }>('by_string');
    assert.deepEqual(await strings.find({ _id: 'doc-42' }).toArray(), [{ _id: 'doc-42', index: 42 }]);
    assert.equal(await strings.findOne({ _id: 'doc-300' }), null);
    assert.equal((await strings.updateOne({ _id: 'doc-42' }, { $set: { touched: true } })).modifiedCount, 1);
    assert.deepEqual((await strings.find({ touched: true }).toArray()).map((d) => d._id), ['doc-42']);
    assert.equal((await strings.deleteOne({ _id: 'doc-43' })).deletedCount, 1);
    assert.equal(await strings.countDocuments({}), 299);
    assert.equal(await strings.findOne({ _id: 'doc-43' }), null);

    const objects = database.db.collection<{ _id: ObjectId; index: number }>('by_object_id');
    const found = await objects.find({ _id: objectIds[99]! }).toArray();
    assert.equal(found.length, 1);
    assert.equal(found[0]?.index, 99);
    assert.ok(found[0]?._id.equals(objectIds[99]!));
  });

  test('an ObjectId is not equal to its hex string, and a number equals itself across number types', async () => {
    // Typed loosely on purpose: these filters ask with another type than the stored one.
    const objects = database.db.collection<{ _id: ObjectId | string }>('by_object_id');
    assert.equal(await objects.findOne({ _id: objectIds[5]!.toHexString() }), null);

    const numbers = database.db.collection<{ _id: Int32 | Double | string; kind: string }>('by_number');
    await numbers.insertOne({ _id: new Int32(7), kind: 'int' });
    assert.equal((await numbers.findOne({ _id: new Double(7) }))?.kind, 'int');
    assert.equal(await numbers.findOne({ _id: '7' }), null);
  });
});
