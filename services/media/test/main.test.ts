import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { freshDatabase, serviceTestEnv, startTestIssuer, waitFor, type TestDatabase, type TestIssuer, freePort } from '@eventonight/testing';
import { S3 } from './helpers.js';

const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const built = existsSync(mainJs) ? false : 'not built (npm run build)';

/** The built entry point as production runs it: `node dist/main.js`, configured by env only. */
describe('media service: node dist/main.js', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;

  before(async () => {
    database = await freshDatabase('media_main');
    issuer = await startTestIssuer();
  });
  after(async () => {
    await issuer?.close();
    await database?.dispose();
  });

  it('starts, becomes ready, and exits 0 on SIGTERM', { skip: built }, async () => {
    const port = await freePort();
    const env = {
      ...serviceTestEnv({ database: database.name, jwksUrl: issuer.jwksUrl, issuer: issuer.issuer }),
      PORT: String(port),
      S3_ENDPOINT: S3.endpoint,
      S3_ACCESS_KEY: S3.accessKey,
      S3_SECRET_KEY: S3.secretKey,
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
      assert.equal((await fetch(`http://127.0.0.1:${port}/media/uploads`, { method: 'POST' })).status, 401);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });

  it('refuses to start with a bad config, naming every bad variable', { skip: built }, async () => {
    const child = spawn(process.execPath, [mainJs], {
      env: { PATH: process.env['PATH'] ?? '', S3_ENDPOINT: 'not a url' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 1);
    assert.match(stderr, /S3_ACCESS_KEY/);
    assert.match(stderr, /S3_ENDPOINT/);
  });
});
