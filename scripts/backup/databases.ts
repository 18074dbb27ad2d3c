import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BSON, MongoClient, type Document, type IndexDescription } from 'mongodb';

/**
 * A service database as files: `<collection>.ejsonl` (one document per line, canonical Extended
 * JSON, so dates, binaries and numbers come back with their types) and `<collection>.indexes.json`
 * (its index definitions: a reloaded database has its unique indexes before the service resumes).
 */

export type CollectionCounts = Record<string, number>;

const INDEX_OPTIONS = ['unique', 'sparse', 'expireAfterSeconds', 'partialFilterExpression', 'collation'] as const;

export async function dumpDatabase(client: MongoClient, database: string, dir: string): Promise<CollectionCounts> {
  const db = client.db(database);
  await mkdir(dir, { recursive: true });
  const counts: CollectionCounts = {};
  const collections = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((name) => !name.startsWith('system.'));
  for (const name of collections.sort()) {
    const lines: string[] = [];
    for await (const document of db.collection(name).find({}, { sort: { _id: 1 } })) {
      lines.push(BSON.EJSON.stringify(document, { relaxed: false }));
    }
    await writeFile(join(dir, `${name}.ejsonl`), lines.length === 0 ? '' : `${lines.join('\n')}\n`);
    const indexes = (await db.collection(name).indexes()).filter((index) => index.name !== '_id_');
    await writeFile(join(dir, `${name}.indexes.json`), `${JSON.stringify(indexes, null, 2)}\n`);
    counts[name] = lines.length;
  }
  return counts;
}

function toIndexDescription(index: Document): IndexDescription {
  const description: IndexDescription = { key: index['key'] as IndexDescription['key'], name: index['name'] as string };
  for (const option of INDEX_OPTIONS) if (index[option] !== undefined) (description as Document)[option] = index[option];
  return description;
}

/** Drops `database` and loads it from `dir` (written by dumpDatabase); returns the counts loaded. */
export async function restoreDatabase(client: MongoClient, database: string, dir: string): Promise<CollectionCounts> {
  const db = client.db(database);
  await db.dropDatabase();
  const counts: CollectionCounts = {};
  const files = (await readdir(dir)).filter((file) => file.endsWith('.ejsonl')).sort();
  for (const file of files) {
    const name = file.slice(0, -'.ejsonl'.length);
    const collection = db.collection(name);
    await db.createCollection(name);
    const indexes = JSON.parse(await readFile(join(dir, `${name}.indexes.json`), 'utf8')) as Document[];
    if (indexes.length > 0) await collection.createIndexes(indexes.map(toIndexDescription));
    const lines = (await readFile(join(dir, file), 'utf8')).split('\n').filter((line) => line !== '');
    const documents = lines.map((line) => BSON.EJSON.parse(line, { relaxed: false }) as Document);
    for (let start = 0; start < documents.length; start += 500) {
      await collection.insertMany(documents.slice(start, start + 500), { ordered: true });
    }
    counts[name] = await collection.countDocuments();
  }
  return counts;
}

/** The document count of each collection, as it is now (to compare with a manifest). */
export async function countDatabase(client: MongoClient, database: string): Promise<CollectionCounts> {
  const db = client.db(database);
  const counts: CollectionCounts = {};
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((name) => !name.startsWith('system.'));
  for (const name of names.sort()) counts[name] = await db.collection(name).countDocuments();
  return counts;
}
