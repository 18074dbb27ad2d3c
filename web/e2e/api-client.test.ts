import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { startSystem, type RunningSystem } from '@eventonight/testing';
import { API_SERVICES, fetchSpec, generatedFile, typesFor } from '../scripts/api-codegen.js';

/**
 * The committed API client must match what the services serve today: the built services are
 * started (test harness) and each /openapi.json is turned into types again and compared.
 * UPDATE_API_CLIENT=1 writes the files instead (same as `npm run -w @eventonight/web gen:api`
 * against a running platform).
 */
describe('web: the generated API client is up to date', () => {
  let system: RunningSystem;

  before(async () => {
    system = await startSystem({ logLevel: 'warn' });
  });
  after(async () => {
    await system?.stop();
  });

  for (const service of API_SERVICES) {
    it(`src/api/generated/${service}.ts matches the ${service} service's /openapi.json`, async () => {
      const fresh = await typesFor(await fetchSpec(system.url(service)));
      if (process.env['UPDATE_API_CLIENT'] === '1') await writeFile(generatedFile(service), fresh);
      const committed = await readFile(generatedFile(service), 'utf8').catch(() => '(missing)');
      assert.ok(committed === fresh, `web/src/api/generated/${service}.ts is stale: run UPDATE_API_CLIENT=1 on this test, or gen:api against the running platform`);
    });
  }
});
