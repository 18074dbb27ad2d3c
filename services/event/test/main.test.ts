import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createVhost, deleteVhost, freshDatabase, serviceTestEnv, startTestIssuer, type TestDatabase, type TestIssuer, runBuiltServiceToExit, startBuiltService } from '@eventonight/testing';

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
    // The real binary consumes its queue "event" (ADR 0027): on a virtual host of its own, removed afterwards.
    const amqpUrl = await createVhost(database.name);
    const env = { ...serviceTestEnv({ database: database.name, jwksUrl: issuer.jwksUrl, issuer: issuer.issuer }), AMQP_URL: amqpUrl };
    let code: number | null;
    try {
      const service = await startBuiltService(mainJs, env);
      try {
        const list = await fetch(`${service.url}/events`);
        assert.equal(list.status, 200);
      } finally {
        code = await service.stop();
      }
    } finally {
      await deleteVhost(database.name);
    }
    assert.equal(code, 0);
  });

  it('refuses to start with a bad config, naming every bad variable', { skip: existsSync(mainJs) ? false : 'not built' }, async () => {
    const { code, stderr } = await runBuiltServiceToExit(mainJs, { TICKETING_INTERNAL_URL: 'not a url' });
    assert.equal(code, 1);
    assert.match(stderr, /MONGO_URL is required/);
    assert.match(stderr, /TICKETING_INTERNAL_URL must be a URL/);
  });
});
