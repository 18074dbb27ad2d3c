import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { freshDatabase, infra, serviceTestEnv, startTestIssuer, type TestDatabase, type TestIssuer, runBuiltServiceToExit, startBuiltService } from '@eventonight/testing';

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
    const env = {
      ...serviceTestEnv({ database: database.name, jwksUrl: issuer.jwksUrl, issuer: issuer.issuer }),
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_main',
      STRIPE_API_URL: infra.stripeApiUrl,
      CHECKOUT_SUCCESS_URL: 'http://127.0.0.1:5173/ok',
      CHECKOUT_CANCEL_URL: 'http://127.0.0.1:5173/cancel',
    };
    const service = await startBuiltService(mainJs, env);
    let code: number | null;
    try {
      assert.equal((await fetch(`${service.url}/orders`)).status, 401);
    } finally {
      code = await service.stop();
    }
    assert.equal(code, 0);
  });

  it('refuses to start with a bad config, naming every bad variable', { skip: built }, async () => {
    const { code, stderr } = await runBuiltServiceToExit(mainJs, {});
    assert.equal(code, 1);
    assert.match(stderr, /STRIPE_SECRET_KEY is required/);
    assert.match(stderr, /STRIPE_WEBHOOK_SECRET is required/);
  });
});
