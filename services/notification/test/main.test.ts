import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { deleteServiceQueues, freshDatabase, serviceTestEnv, startTestIssuer, uniqueName, type TestDatabase, type TestIssuer, runBuiltServiceToExit, startBuiltService } from '@eventonight/testing';
import { connectClient } from './helpers.js';

const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const built = existsSync(mainJs) ? false : 'not built (npm run build)';

/** The built entry point as production runs it: `node dist/main.js`, configured by env only. */
describe('notification service: node dist/main.js', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;

  before(async () => {
    database = await freshDatabase('notification_main');
    issuer = await startTestIssuer();
  });
  after(async () => {
    await issuer?.close();
    await database?.dispose();
  });

  it('starts, becomes ready, accepts a socket, and exits 0 on SIGTERM', { skip: built, timeout: 30_000 }, async () => {
    const name = uniqueName('notification');
    const env = {
      ...serviceTestEnv({ database: database.name, jwksUrl: issuer.jwksUrl, issuer: issuer.issuer }),
      SERVICE_NAME: name,
    };
    const service = await startBuiltService(mainJs, env);
    let code: number | null;
    try {
      const socket = await connectClient(service.url, await issuer.mint({ sub: 'main-user', roles: ['member'] }));
      socket.close();
    } finally {
      code = await service.stop();
    }
    assert.equal(code, 0);
    await deleteServiceQueues(name);
  });

  it('refuses to start with a bad config, naming every bad variable', { skip: built }, async () => {
    const { code, stderr } = await runBuiltServiceToExit(mainJs, { REDIS_URL: 'http://nope', FANOUT_BATCH_SIZE: '-1' });
    assert.equal(code, 1);
    assert.match(stderr, /MONGO_URL is required/);
    assert.match(stderr, /REDIS_URL must be a URL/);
    assert.match(stderr, /FANOUT_BATCH_SIZE/);
  });
});
