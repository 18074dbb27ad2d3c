import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { freshDatabase, infra, serviceTestEnv, startTestIssuer, waitFor, type TestDatabase, type TestIssuer, freePort } from '@eventonight/testing';

const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const built = existsSync(mainJs) ? false : 'not built (npm run build)';

describe('ticketing service: node dist/main.js', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;

  before(async () => {
    database = await freshDatabase('ticketing_main');
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
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_main',
      STRIPE_API_URL: infra.stripeApiUrl,
      CHECKOUT_SUCCESS_URL: 'http://127.0.0.1:5173/ok',
      CHECKOUT_CANCEL_URL: 'http://127.0.0.1:5173/cancel',
    };
    const child = spawn(process.execPath, [mainJs], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: 'ignore' });
    try {
      await waitFor(
        async () => ((await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined))?.status === 200 ? true : undefined),
        { timeoutMs: 20_000, what: 'readiness' },
      );
      assert.equal((await fetch(`http://127.0.0.1:${port}/orders`)).status, 401);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });

  it('refuses to start with a bad config, naming every bad variable', { skip: built }, async () => {
    const child = spawn(process.execPath, [mainJs], { env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 1);
    assert.match(stderr, /STRIPE_SECRET_KEY is required/);
    assert.match(stderr, /STRIPE_WEBHOOK_SECRET is required/);
  });
});
