import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { freshDatabase, serviceTestEnv, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { deadPort } from './helpers.js';

const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** The built entry point as production runs it: `node dist/main.js`, configured by env only. */
describe('event service: node dist/main.js', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;

  before(async () => {
    database = await freshDatabase('event_main');
    issuer = await startTestIssuer();
  });
  after(async () => {
    await issuer?.close();
    await database?.dispose();
  });

  it('starts, becomes ready, and exits 0 on SIGTERM', { skip: existsSync(mainJs) ? false : 'not built (npm run build)' }, async () => {
    const port = await deadPort();
    const env = { ...serviceTestEnv({ database: database.name, jwksUrl: issuer.jwksUrl, issuer: issuer.issuer }), PORT: String(port) };
    const child = spawn(process.execPath, [mainJs], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: 'ignore' });
    try {
      await waitFor(
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined);
          return response?.status === 200 ? true : undefined;
        },
        { timeoutMs: 20_000, what: 'readiness' },
      );
      const list = await fetch(`http://127.0.0.1:${port}/events`);
      assert.equal(list.status, 200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });

  it('refuses to start with a bad config, naming every bad variable', { skip: existsSync(mainJs) ? false : 'not built' }, async () => {
    const child = spawn(process.execPath, [mainJs], {
      env: { PATH: process.env['PATH'] ?? '', TICKETING_INTERNAL_URL: 'not a url' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 1);
    assert.match(stderr, /MONGO_URL is required/);
    assert.match(stderr, /TICKETING_INTERNAL_URL must be a URL/);
  });
});
