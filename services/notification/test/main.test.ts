import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { deleteServiceQueues, freshDatabase, serviceTestEnv, startTestIssuer, uniqueName, waitFor, type TestDatabase, type TestIssuer, freePort } from '@eventonight/testing';
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
    const port = await freePort();
    const name = uniqueName('notification');
    const env = {
      ...serviceTestEnv({ database: database.name, jwksUrl: issuer.jwksUrl, issuer: issuer.issuer }),
      PORT: String(port),
      SERVICE_NAME: name,
    };
    const child = spawn(process.execPath, [mainJs], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: 'ignore' });
    try {
      await waitFor(
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined);
          return response?.status === 200 ? true : undefined;
        },
        { timeoutMs: 20_000, what: 'readiness' },
      );
      const socket = await connectClient(`http://127.0.0.1:${port}`, await issuer.mint({ sub: 'main-user', roles: ['member'] }));
      socket.close();
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
    await deleteServiceQueues(name);
  });

  it('refuses to start with a bad config, naming every bad variable', { skip: built }, async () => {
    const child = spawn(process.execPath, [mainJs], {
      env: { PATH: process.env['PATH'] ?? '', REDIS_URL: 'http://nope', FANOUT_BATCH_SIZE: '-1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 1);
    assert.match(stderr, /MONGO_URL is required/);
    assert.match(stderr, /REDIS_URL must be a URL/);
    assert.match(stderr, /FANOUT_BATCH_SIZE/);
  });
});
