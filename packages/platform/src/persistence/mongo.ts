import {
  MongoClient,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type Db,
  type MongoClientOptions,
} from 'mongodb';
import type { Logger } from '../logger/logger.js';
import { backoffDelay, sleep } from '../util/backoff.js';

export interface MongoOptions {
  url: string;
  dbName: string;
  appName: string;
  logger: Logger;
  /** How long an operation waits for a reachable server before failing (then the API answers 503). */
  serverSelectionTimeoutMs?: number;
  /** Give up connecting at start-up after this long; undefined = keep trying (Compose/Swarm start order). */
  connectDeadlineMs?: number;
  /** Emits the driver's command events (for `ServiceStats`); off by default. */
  monitorCommands?: boolean;
  /**
   * Retryable writes: off by default, since FerretDB (tests) and a standalone mongod (Compose)
   * have none; a replica set does (MONGO_RETRY_WRITES).
   */
  retryWrites?: boolean;
  /** The write concern's `w` (MONGO_WRITE_CONCERN, never 0); undefined = the driver's default. */
  writeConcern?: 'majority' | number;
  /** The read concern level (MONGO_READ_CONCERN); undefined = the server's default. */
  readConcern?: 'local' | 'majority';
}

export interface MongoHandle {
  client: MongoClient;
  db: Db;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects with exponential backoff, so a service started before its database waits for it.
 * After the first connection the driver itself reconnects; operations issued while the
 * database is away fail after `serverSelectionTimeoutMs` with an unavailable error.
 */
export async function connectMongo(options: MongoOptions): Promise<MongoHandle> {
  const client = new MongoClient(options.url, mongoClientOptions(options));
  const startedAt = Date.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.connect();
      await client.db(options.dbName).command({ ping: 1 });
      break;
    } catch (error) {
      const elapsed = Date.now() - startedAt;
      if (options.connectDeadlineMs !== undefined && elapsed >= options.connectDeadlineMs) {
        await client.close().catch(() => undefined);
        throw error;
      }
      const delay = backoffDelay(attempt, { initialMs: 200, maxMs: 10_000 });
      options.logger.warn({ err: error, attempt, retryInMs: delay }, 'mongodb not reachable yet');
      await sleep(delay);
    }
  }
  options.logger.info({ db: options.dbName }, 'mongodb connected');
  const db = client.db(options.dbName);
  return {
    client,
    db,
    async ping() {
      await db.command({ ping: 1 });
    },
    async close() {
      await client.close();
    },
  };
}

/**
 * The client's options. A replica set needs nothing more than its URL
 * (`mongodb://a:27017,b:27017,c:27017/db?replicaSet=rs0`): the driver discovers the members and
 * follows the primary. Options set here win over the same ones in the URL.
 */
export function mongoClientOptions(options: MongoOptions): MongoClientOptions {
  return {
    appName: options.appName,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 3_000,
    connectTimeoutMS: 3_000,
    socketTimeoutMS: 30_000,
    maxPoolSize: 20,
    retryWrites: options.retryWrites ?? false,
    ...(options.writeConcern === undefined ? {} : { writeConcern: { w: options.writeConcern } }),
    ...(options.readConcern === undefined ? {} : { readConcern: { level: options.readConcern } }),
    monitorCommands: options.monitorCommands ?? false,
  };
}

/** True when a MongoDB error means "the database is not reachable", not "the request was wrong". */
export function isMongoUnavailableError(error: unknown): boolean {
  return (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError
  );
}
