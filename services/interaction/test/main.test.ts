import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import amqp from 'amqplib';
import { deleteServiceQueues, freshDatabase, serviceTestEnv, startTestIssuer, type TestDatabase, infra, type TestIssuer, runBuiltServiceToExit, startBuiltService } from '@eventonight/testing';

const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const skip = existsSync(mainJs) ? false : 'not built (npm run build)';

/** Whether the broker already has a queue of that name (checkQueue fails, and kills its channel, when not). */
async function queueExists(name: string): Promise<boolean> {
  const model = await amqp.connect(infra.amqpUrl);
  try {
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    return await channel.checkQueue(name).then(
      () => true,
      () => false,
    );
  } finally {
    await model.close().catch(() => undefined);
  }
}

/** The built entry point as production runs it: `node dist/main.js`, configured by env only. */
describe('interaction service: node dist/main.js', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;

  before(async () => {
    database = await freshDatabase('interaction_main');
    issuer = await startTestIssuer();
  });
  after(async () => {
    await issuer?.close();
    await database?.dispose();
  });

  it('starts, becomes ready, serves its OpenAPI document, and exits 0 on SIGTERM', { skip }, async () => {
    const env = { ...serviceTestEnv({ database: database.name, jwksUrl: issuer.jwksUrl, issuer: issuer.issuer }) };
    // The real binary consumes the queue "interaction"; it is removed afterwards only if this test created it.
    const hadQueue = await queueExists('interaction');
    const service = await startBuiltService(mainJs, env);
    let code: number | null;
    try {
      const openapi = (await (await fetch(`${service.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
      assert.ok(openapi.paths['/events/{eventId}/like'] !== undefined || openapi.paths['/events/:eventId/like'] !== undefined);
    } finally {
      code = await service.stop();
    }
    if (!hadQueue) await deleteServiceQueues('interaction');
    assert.equal(code, 0);
  });

  it('refuses to start with a bad config, naming every bad variable', { skip }, async () => {
    const { code, stderr } = await runBuiltServiceToExit(mainJs, { PORT: 'not a port' });
    assert.equal(code, 1);
    assert.match(stderr, /MONGO_URL is required/);
    assert.match(stderr, /PORT/);
  });
});
