import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { call, freshDatabase, uniqueName, waitFor, type TestDatabase } from '@eventonight/testing';
import { defineRoute } from '../src/http/index.js';
import { periodicJob, startService, type RunningService, type ServiceDefinition } from '../src/service/index.js';
import { defineCreateThing, silentLogger, testServiceConfig, type BaseConfig, type TestUser } from './fixtures.js';

/**
 * The quiesce switch every service gets from startService (ADR 0017), on the real MongoDB and
 * RabbitMQ: writes answer 503 `quiesced` before auth and validation, reads work, jobs stop, the
 * outbox relay keeps publishing; resume undoes it. Driven through the ops listener, as the backup
 * tool drives it.
 */


function testService(name: string, jobRuns: { count: number }): ServiceDefinition<BaseConfig> {
  return {
    name,
    aggregateCollections: ['things'],
    async setup(context) {
      const store = context.store<TestUser>('things');
      return {
        routes(host) {
          defineCreateThing(host, store);
          defineRoute(
            host,
            { method: 'put', path: '/private', summary: 'Needs a token', responses: { 204: null } },
            () => ({ status: 204 }),
          );
          defineRoute(
            host,
            { method: 'get', path: '/things/:id', summary: 'Read', auth: 'public', params: z.object({ id: z.string() }), responses: { 200: z.object({ name: z.string() }), 404: null } },
            async ({ params }) => {
              const found = await context.db.collection<{ _id: string; displayName: string }>('things').findOne({ _id: params.id });
              return found === null ? { status: 404 } : { status: 200, body: { name: found.displayName } };
            },
          );
        },
        jobs: [
          periodicJob('tick', 20, async () => {
            jobRuns.count += 1;
          }, silentLogger),
        ],
      };
    },
  };
}


async function ops(service: RunningService, method: 'GET' | 'POST', path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${service.opsUrl ?? 'no-ops-url'}${path}`, { method });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('quiesce: writes paused for a backup, reads and the outbox going on', () => {
  let database: TestDatabase;
  let service: RunningService;
  const jobRuns = { count: 0 };

  before(async () => {
    database = await freshDatabase('quiesce');
    service = await startService(testService(uniqueName('quiesce'), jobRuns), testServiceConfig(database.name, { OPS_PORT: '0' }));
  });

  after(async () => {
    await service?.close();
    await database?.dispose();
  });

  it('runs normally before: writes succeed, the job runs, the ops listener says not quiesced', async () => {
    assert.equal((await call(service.url, 'POST', '/things', { body: { name: 'first' } })).status, 201);
    await waitFor(() => (jobRuns.count > 0 ? true : undefined), { timeoutMs: 5_000, what: 'the job to run' });
    const current = await ops(service, 'GET', '/quiesce');
    assert.equal(current.status, 200);
    assert.equal(current.body['quiesced'], false);
    assert.equal(current.body['jobsRunning'], true);
  });

  it('quiesced: every write is 503 quiesced with Retry-After before auth and validation, and stores nothing', async () => {
    const quiesced = await ops(service, 'POST', '/quiesce');
    assert.deepEqual({ quiesced: quiesced.body['quiesced'], jobsRunning: quiesced.body['jobsRunning'] }, { quiesced: true, jobsRunning: false });
    const before = await database.db.collection('things').countDocuments();

    const refused = await call(service.url, 'POST', '/things', { body: { name: 'during' } });
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '30');
    assert.match(refused.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(refused.body['type'], 'https://eventonight.dev/problems/quiesced');
    assert.equal(refused.body['title'], 'Writes are paused for a backup');
    // An invalid body and a missing token would be 400 and 401: the pause answers first.
    assert.equal((await call(service.url, 'POST', '/things', { body: { name: '' } })).status, 503);
    assert.equal((await call(service.url, 'PUT', '/private')).status, 503);
    assert.equal((await call(service.url, 'DELETE', '/things/x')).status, 503);
    assert.equal(await database.db.collection('things').countDocuments(), before, 'nothing stored while quiesced');
  });

  it('quiesced: reads answer, the job stands still, the outbox drains to 0', async () => {
    const first = await database.db.collection<{ _id: string }>('things').findOne({});
    assert.equal((await call(service.url, 'GET', `/things/${first?._id ?? ''}`)).status, 200);
    assert.equal((await call(service.url, 'GET', '/health')).status, 200);
    const runs = jobRuns.count;
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(jobRuns.count, runs, 'no job run while quiesced');
    await waitFor(async () => ((await ops(service, 'GET', '/quiesce')).body['outboxPending'] === 0 ? true : undefined), {
      timeoutMs: 10_000,
      what: 'the outbox to drain while quiesced',
    });
  });

  it('resumed: writes succeed again and the job runs again', async () => {
    const resumed = await ops(service, 'POST', '/resume');
    assert.deepEqual({ quiesced: resumed.body['quiesced'], jobsRunning: resumed.body['jobsRunning'] }, { quiesced: false, jobsRunning: true });
    assert.equal((await call(service.url, 'POST', '/things', { body: { name: 'after' } })).status, 201);
    const runs = jobRuns.count;
    await waitFor(() => (jobRuns.count > runs ? true : undefined), { timeoutMs: 5_000, what: 'the job to run again' });
  });

  it('the ops listener answers only on loopback and only its three routes', async () => {
    assert.match(service.opsUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await ops(service, 'POST', '/shutdown')).status, 404);
    const port = new URL(service.opsUrl ?? '').port;
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal);
    if (external !== undefined) {
      await assert.rejects(fetch(`http://${external.address}:${port}/quiesce`, { signal: AbortSignal.timeout(3_000) }), 'not reachable on another interface');
    }
  });

  it('without OPS_PORT there is no ops listener', async () => {
    const other = await freshDatabase('quiesce');
    const plain = await startService(testService(uniqueName('quiesce'), { count: 0 }), testServiceConfig(other.name, {}));
    try {
      assert.equal(plain.opsUrl, undefined);
    } finally {
      await plain.close();
      await other.dispose();
    }
  });
});
