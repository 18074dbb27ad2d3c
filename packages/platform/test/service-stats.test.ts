import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { call, freshDatabase, uniqueName, type TestDatabase } from '@eventonight/testing';
import { baseServiceConfig, parseConfig } from '../src/config/index.js';
import { defineRoute } from '../src/http/index.js';
import type { ServiceStatsSnapshot } from '../src/persistence/index.js';
import { startService, type RunningService, type ServiceDefinition } from '../src/service/index.js';
import { defineCreateThing, testServiceConfig, type BaseConfig, type TestUser } from './fixtures.js';

/**
 * `GET /stats` on the ops listener, on the real FerretDB: with DB_COMMAND_STATS=1 every command
 * the service sends is counted per name with its duration; off by default.
 */


const definition = (name: string): ServiceDefinition<BaseConfig> => ({
  name,
  aggregateCollections: ['things'],
  async setup(context) {
    const store = context.store<TestUser>('things');
    return {
      routes(host) {
        defineCreateThing(host, store);
        defineRoute(
          host,
          { method: 'get', path: '/things/:id', summary: 'Read', auth: 'public', params: z.object({ id: z.string() }), responses: { 200: z.object({ name: z.string() }), 404: null } },
          async ({ params }) => {
            const found = await store.load(params.id);
            return found === null ? { status: 404 } : { status: 200, body: { name: found.state.displayName } };
          },
        );
      },
    };
  },
});


async function stats(service: RunningService, method: 'GET' | 'POST' = 'GET'): Promise<ServiceStatsSnapshot> {
  const response = await fetch(`${service.opsUrl ?? 'no-ops-url'}${method === 'GET' ? '/stats' : '/stats/reset'}`, { method });
  assert.equal(response.status, 200);
  return (await response.json()) as ServiceStatsSnapshot;
}

async function createAndRead(service: RunningService, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const created = await call(service.url, 'POST', '/things', { body: { name: `thing ${i}` } });
    assert.equal(created.status, 201);
    assert.equal((await call(service.url, 'GET', `/things/${(created.body as { id: string }).id}`)).status, 200);
  }
}

describe('service stats on the ops listener', () => {
  let database: TestDatabase;
  let service: RunningService;

  before(async () => {
    database = await freshDatabase('stats');
    service = await startService(definition(uniqueName('stats')), testServiceConfig(database.name, { OPS_PORT: '0', DB_COMMAND_STATS: '1' }));
  });

  after(async () => {
    await service?.close();
    await database?.dispose();
  });

  it('counts each database command by name, with its durations, and the CPU time, since the last reset', async () => {
    const reset = await stats(service, 'POST');
    assert.equal(reset.db['insert'], undefined, 'a reset forgets what came before');
    await createAndRead(service, 5);
    const after = await stats(service);
    assert.equal(after.dbMonitored, true);
    const inserts = after.db['insert'];
    assert.ok(inserts !== undefined, `insert counted: ${JSON.stringify(after.db)}`);
    assert.equal(inserts.count, 5, 'one insert per created thing');
    assert.equal(inserts.failed, 0);
    assert.ok(inserts.totalMs > 0 && inserts.p50Ms > 0 && inserts.p50Ms <= inserts.p99Ms, JSON.stringify(inserts));
    // Each GET is one find; the relay's own reads come on top.
    assert.ok((after.db['find']?.count ?? 0) >= 5, JSON.stringify(after.db['find']));
    assert.ok(after.cpu.userMs + after.cpu.systemMs > 0);
    assert.ok(after.memory.rssBytes > 0 && after.memory.heapUsedBytes > 0);
    assert.ok(after.sinceMs >= 0);
    assert.ok(after.dbBusyMs > 0 && after.dbBusyMs <= after.sinceMs + 1, `busy ${after.dbBusyMs} ms of ${after.sinceMs}`);
  });

  it('is off by default: CPU and memory, but no command is recorded', async () => {
    const other = await freshDatabase('stats');
    const plain = await startService(definition(uniqueName('stats')), testServiceConfig(other.name, { OPS_PORT: '0' }));
    try {
      await createAndRead(plain, 2);
      const snapshot = await stats(plain);
      assert.equal(snapshot.dbMonitored, false);
      assert.deepEqual(snapshot.db, {});
      assert.ok(snapshot.cpu.userMs > 0);
    } finally {
      await plain.close();
      await other.dispose();
    }
  });

  it('refuses a switch that is neither 1, 0, true nor false', () => {
    const parsed = parseConfig(baseServiceConfig, {
      MONGO_URL: 'mongodb://127.0.0.1:27017',
      MONGO_DB: 'x',
      AMQP_URL: 'amqp://127.0.0.1',
      JWKS_URL: 'http://127.0.0.1:9/jwks',
      JWT_ISSUER: 'http://issuer.test',
      DB_COMMAND_STATS: 'yes',
    });
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.match(parsed.message, /DB_COMMAND_STATS/);
  });
});
