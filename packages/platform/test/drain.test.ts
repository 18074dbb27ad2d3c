import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, freshDatabase, uniqueName, type TestDatabase } from '@eventonight/testing';
import { startService, type RunningService, type ServiceDefinition } from '../src/service/index.js';
import { defineCreateThing, testServiceConfig, type BaseConfig, type TestUser } from './fixtures.js';

/**
 * The drain window before a replica stops (SHUTDOWN_DRAIN_MS, deploy/swarm/stack.yml): after close()
 * begins, /health says `draining` so that Traefik routes around the replica, while requests that
 * still arrive are served; after the window the listener closes. On the real MongoDB and RabbitMQ.
 */

function thingsService(name: string): ServiceDefinition<BaseConfig> {
  return {
    name,
    aggregateCollections: ['things'],
    async setup(context) {
      const store = context.store<TestUser>('things');
      return { routes: (host) => defineCreateThing(host, store) };
    },
  };
}

describe('the drain window at shutdown', () => {
  let database: TestDatabase;

  before(async () => {
    database = await freshDatabase('drain');
  });

  after(async () => {
    await database?.dispose();
  });

  it('serves writes while /health answers 503 draining, then stops listening', async () => {
    const service: RunningService = await startService(thingsService(uniqueName('drain')), testServiceConfig(database.name, { SHUTDOWN_DRAIN_MS: '1500' }));
    assert.equal((await call(service.url, 'GET', '/health')).status, 200);
    const closing = service.close();
    const started = Date.now();
    const health = await call(service.url, 'GET', '/health');
    assert.equal(health.status, 503);
    assert.deepEqual(health.body, { status: 'draining' });
    assert.equal((await call(service.url, 'POST', '/things', { body: { name: 'late but served' } })).status, 201);
    await closing;
    assert.ok(Date.now() - started >= 1_000, 'the listener stayed open for the window');
    await assert.rejects(fetch(`${service.url}/health`), 'closed after the window');
  });

  it('without a window (the default) stops at once', async () => {
    const service = await startService(thingsService(uniqueName('drain')), testServiceConfig(database.name, {}));
    const started = Date.now();
    await service.close();
    assert.ok(Date.now() - started < 1_500, `closed in ${Date.now() - started} ms`);
    await assert.rejects(fetch(`${service.url}/health`));
  });
});
