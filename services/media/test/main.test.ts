import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createVhost, deleteVhost, freshDatabase, serviceTestEnv, startTestIssuer, type TestDatabase, type TestIssuer, runBuiltServiceToExit, startBuiltService } from '@eventonight/testing';
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
    // The real binary consumes its queue "media" (ADR 0027): on a virtual host of its own, removed afterwards.
    const amqpUrl = await createVhost(database.name);
    const env = {
      ...serviceTestEnv({ database: database.name, jwksUrl: issuer.jwksUrl, issuer: issuer.issuer }),
      AMQP_URL: amqpUrl,
      S3_ENDPOINT: S3.endpoint,
      S3_ACCESS_KEY: S3.accessKey,
      S3_SECRET_KEY: S3.secretKey,
    };
    let code: number | null;
    try {
      const service = await startBuiltService(mainJs, env);
      try {
        assert.equal((await fetch(`${service.url}/media/uploads`, { method: 'POST' })).status, 401);
      } finally {
        code = await service.stop();
      }
    } finally {
      await deleteVhost(database.name);
    }
    assert.equal(code, 0);
  });

  it('with NODE_ENV=production refuses the local development secrets, naming each', { skip: built }, async () => {
    const env = {
      ...serviceTestEnv({ database: database.name, jwksUrl: issuer.jwksUrl, issuer: issuer.issuer }),
      NODE_ENV: 'production',
      S3_ENDPOINT: S3.endpoint,
      S3_ACCESS_KEY: S3.accessKey,
      S3_SECRET_KEY: S3.secretKey,
    };
    const { code, stderr } = await runBuiltServiceToExit(mainJs, env);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /^config error: /);
    assert.match(stderr, /S3_SECRET_KEY (is a development default|looks like a placeholder|is shorter)/);
    assert.match(stderr, /MONGO_URL has no password/);
    assert.match(stderr, /AMQP_URL's password is a development default/);
    assert.doesNotMatch(stderr, new RegExp(S3.secretKey), 'the secret itself is never printed');
  });

  it('refuses to start with a bad config, naming every bad variable', { skip: built }, async () => {
    const { code, stderr } = await runBuiltServiceToExit(mainJs, { S3_ENDPOINT: 'not a url' });
    assert.equal(code, 1);
    assert.match(stderr, /S3_ACCESS_KEY/);
    assert.match(stderr, /S3_ENDPOINT/);
  });
});
