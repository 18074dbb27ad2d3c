import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseConfig } from '@eventonight/platform';
import { seedConfig, seedEnv } from '../src/config.js';

describe('seed config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eventonight-seed-config-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the demo password outside production', () => {
    const result = parseConfig(seedConfig, seedEnv({}));
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.equal(result.config.SEED_PASSWORD, 'Demo-night-2024!');
  });

  it('in production requires an explicit password and refuses the published demo one', () => {
    const unset = parseConfig(seedConfig, seedEnv({ NODE_ENV: 'production' }));
    assert.ok(!unset.ok);
    assert.deepEqual(unset.problems, ['SEED_PASSWORD is required in production (no development default applies)']);
    const demo = parseConfig(seedConfig, seedEnv({ NODE_ENV: 'production', SEED_PASSWORD: 'Demo-night-2024!' }));
    assert.ok(!demo.ok);
    assert.deepEqual(demo.problems, ['SEED_PASSWORD is a development default published in the repository; production needs a real secret']);
  });

  it('in production reads the password from SEED_PASSWORD_FILE (Docker secret)', () => {
    const file = join(dir, 'seed_password');
    writeFileSync(file, 'f3a9c1d27be84e05a6b1c9d3e7f20a4b\n');
    const result = parseConfig(seedConfig, seedEnv({ NODE_ENV: 'production', SEED_PASSWORD_FILE: file }));
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.equal(result.config.SEED_PASSWORD, 'f3a9c1d27be84e05a6b1c9d3e7f20a4b');
  });
});
