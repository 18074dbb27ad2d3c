import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { infra } from './infra.js';

export interface TestDatabase {
  client: MongoClient;
  db: Db;
  name: string;
  /** Drops the database and closes the client. */
  dispose(): Promise<void>;
}

/** A uniquely named database, so test files never see each other's data. */
export async function freshDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  const client = new MongoClient(infra.mongoUrl, { serverSelectionTimeoutMS: 5_000, retryWrites: false });
  await client.connect();
  const db = client.db(name);
  return {
    client,
    db,
    name,
    async dispose() {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}

/** A short unique name usable for databases, queues and services in tests. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** A connection of its own that records the `_id` filter of every `find` it sends to `collection`. */
export interface ReadCountingClient {
  client: MongoClient;
  /** The `_id` of each find, in order; empty it to count afresh. */
  reads: string[];
}

/** Connects a client that counts its finds on `collection`: a test sees what a cache read from the database. */
export async function readCountingClient(collection: string): Promise<ReadCountingClient> {
  const reads: string[] = [];
  const client = new MongoClient(infra.mongoUrl, { retryWrites: false, monitorCommands: true });
  client.on('commandStarted', (event) => {
    if (event.commandName === 'find' && event.command['find'] === collection) reads.push(String(event.command['filter']?._id));
  });
  await client.connect();
  return { client, reads };
}
