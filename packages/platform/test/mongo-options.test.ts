import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { infra, uniqueName } from '@eventonight/testing';
import { baseServiceConfig, parseConfig } from '../src/config/index.js';
import { connectMongo, type MongoHandle } from '../src/persistence/index.js';
import { silentLogger } from './fixtures.js';

/**
 * MONGO_RETRY_WRITES, MONGO_WRITE_CONCERN and MONGO_READ_CONCERN (issue 24) reach the MongoClient,
 * and the real FerretDB still writes and reads with them.
 */

const baseEnv = {
  MONGO_URL: infra.mongoUrl,
  MONGO_DB: 'unused',
  AMQP_URL: infra.amqpUrl,
  JWKS_URL: 'http://127.0.0.1:9/jwks',
  JWT_ISSUER: 'http://issuer.test',
};

/** Connects the way start-service.ts does, from the parsed configuration. */
async function connectWith(env: Record<string, string>): Promise<MongoHandle> {
  const parsed = parseConfig(baseServiceConfig, { ...baseEnv, ...env, MONGO_DB: uniqueName('mongoopts') });
  assert.ok(parsed.ok, !parsed.ok ? parsed.message : '');
  const config = parsed.config;
  return connectMongo({
    url: config.MONGO_URL,
    dbName: config.MONGO_DB,
    appName: 'mongo-options-test',
    logger: silentLogger,
    connectDeadlineMs: 10_000,
    retryWrites: config.MONGO_RETRY_WRITES,
    writeConcern: config.MONGO_WRITE_CONCERN,
    readConcern: config.MONGO_READ_CONCERN,
  });
}

/** An insert, a version-checked update (the aggregate store's kind) and reads of both. */
async function writeAndRead(mongo: MongoHandle): Promise<void> {
  const things = mongo.db.collection<{ _id: string; version: number; name: string }>('things');
  const inserted = await things.insertOne({ _id: 'a', version: 1, name: 'first' });
  assert.equal(inserted.acknowledged, true);
  assert.deepEqual(await things.findOne({ _id: 'a' }), { _id: 'a', version: 1, name: 'first' });
  const updated = await things.updateOne({ _id: 'a', version: 1 }, { $set: { name: 'second' }, $inc: { version: 1 } });
  assert.equal(updated.matchedCount, 1, 'a version check needs the acknowledged count');
  const stale = await things.updateOne({ _id: 'a', version: 1 }, { $set: { name: 'lost' }, $inc: { version: 1 } });
  assert.equal(stale.matchedCount, 0);
  assert.deepEqual(await things.find({}).toArray(), [{ _id: 'a', version: 2, name: 'second' }]);
}

async function dispose(mongo: MongoHandle): Promise<void> {
  await mongo.db.dropDatabase().catch(() => undefined);
  await mongo.close();
}

describe('MongoDB settings for replica sets, on the real FerretDB', { timeout: 60_000 }, () => {
  it('by default: no retryable writes, the driver default write and read concerns', async () => {
    const mongo = await connectWith({});
    try {
      assert.equal(mongo.client.options.retryWrites, false);
      assert.equal(mongo.db.writeConcern, undefined);
      assert.equal(mongo.db.readConcern, undefined);
      await writeAndRead(mongo);
    } finally {
      await dispose(mongo);
    }
  });

  it('MONGO_WRITE_CONCERN=1 and MONGO_READ_CONCERN=local reach the client and its database; writes and reads work', async () => {
    const mongo = await connectWith({ MONGO_WRITE_CONCERN: '1', MONGO_READ_CONCERN: 'local' });
    try {
      assert.equal(mongo.client.options.writeConcern?.w, 1);
      assert.equal(mongo.client.options.readConcern?.level, 'local');
      assert.equal(mongo.db.writeConcern?.w, 1);
      assert.equal(mongo.db.readConcern?.level, 'local');
      assert.equal(mongo.db.collection('things').writeConcern?.w, 1);
      await writeAndRead(mongo);
    } finally {
      await dispose(mongo);
    }
  });

  it('majority (what a replica set would use) is accepted by FerretDB as well', async () => {
    const mongo = await connectWith({ MONGO_WRITE_CONCERN: 'majority', MONGO_READ_CONCERN: 'majority' });
    try {
      assert.equal(mongo.db.writeConcern?.w, 'majority');
      assert.equal(mongo.db.readConcern?.level, 'majority');
      await writeAndRead(mongo);
    } finally {
      await dispose(mongo);
    }
  });

  it('MONGO_RETRY_WRITES=true reaches the client (FerretDB takes the retryable writes\' session fields)', async () => {
    const mongo = await connectWith({ MONGO_RETRY_WRITES: 'true' });
    try {
      assert.equal(mongo.client.options.retryWrites, true);
      await writeAndRead(mongo);
    } finally {
      await dispose(mongo);
    }
  });

  it('the settings win over the same options in the URL', async () => {
    const url = new URL(infra.mongoUrl);
    url.searchParams.set('w', '2');
    url.searchParams.set('retryWrites', 'true');
    const mongo = await connectWith({ MONGO_URL: url.toString(), MONGO_WRITE_CONCERN: '1' });
    try {
      assert.equal(mongo.db.writeConcern?.w, 1);
      assert.equal(mongo.client.options.retryWrites, false);
    } finally {
      await dispose(mongo);
    }
  });
});
