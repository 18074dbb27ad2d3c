import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { z } from 'zod';
import {
  baseServiceConfig,
  nonEmptyString,
  parseConfig,
  placeholderProblem,
  port,
  positiveInt,
  secret,
  secretUrl,
} from '../src/config/index.js';
import { validEnv } from './fixtures.js';


function withoutKey(env: Record<string, string>, key: string): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== key));
}

describe('config', () => {
  it('applies the defaults of the base service config', () => {
    const result = parseConfig(baseServiceConfig, validEnv);
    assert.ok(result.ok);
    assert.deepEqual(result.config, {
      ...validEnv,
      PORT: 3000,
      LOG_LEVEL: 'info',
      JWT_AUDIENCE: 'eventonight-api',
      HTTP_BODY_LIMIT: '100kb',
      SHUTDOWN_GRACE_MS: 10_000,
      DB_COMMAND_STATS: false,
      MONGO_RETRY_WRITES: false,
      SHUTDOWN_DRAIN_MS: 0,
    });
  });

  it('parses given values into their types, and accepts port 0 for the OS to choose', () => {
    const result = parseConfig(baseServiceConfig, { ...validEnv, PORT: '0', SHUTDOWN_GRACE_MS: '2500', LOG_LEVEL: 'debug' });
    assert.ok(result.ok);
    assert.equal(result.config.PORT, 0);
    assert.equal(result.config.SHUTDOWN_GRACE_MS, 2500);
    assert.equal(result.config.LOG_LEVEL, 'debug');
  });

  it('names every missing and bad variable in one line', () => {
    const withoutMongo = withoutKey(validEnv, 'MONGO_URL');
    const result = parseConfig(baseServiceConfig, {
      ...withoutMongo,
      PORT: '70000',
      AMQP_URL: 'http://user:hunter2@broker',
      LOG_LEVEL: 'loud',
      SHUTDOWN_GRACE_MS: '-5',
    });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.ok(result.problems.includes('MONGO_URL is required'), result.message);
    assert.ok(result.problems.includes('PORT must be an integer between 0 and 65535'), result.message);
    assert.ok(result.problems.includes('AMQP_URL must be a URL starting with amqp:// or amqps://'), result.message);
    assert.ok(result.problems.some((p) => p.startsWith('LOG_LEVEL must be one of')), result.message);
    assert.ok(result.problems.includes('SHUTDOWN_GRACE_MS must be a positive integer'), result.message);
    assert.equal(result.problems.length, 5, result.message);
    assert.match(result.message, /^config error: [^\n]+$/);
    assert.doesNotMatch(result.message, /hunter2/, 'values (possibly secrets) are never echoed');
  });

  it('treats empty values as unset, so required ones are reported and defaults apply', () => {
    const result = parseConfig(baseServiceConfig, { ...validEnv, MONGO_DB: '', JWT_AUDIENCE: '' });
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, ['MONGO_DB is required']);
    const ok = parseConfig(baseServiceConfig, { ...validEnv, JWT_AUDIENCE: '' });
    assert.ok(ok.ok);
    assert.equal(ok.config.JWT_AUDIENCE, 'eventonight-api');
  });

  it('lets a service extend the base with its own fields', () => {
    const schema = baseServiceConfig.extend({
      STRIPE_SECRET_KEY: nonEmptyString(),
      WORKER_BATCH: positiveInt(50),
      ADMIN_PORT: port(),
    });
    const bad = parseConfig(schema, { ...validEnv, ADMIN_PORT: '0' });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.problems, ['STRIPE_SECRET_KEY is required', 'ADMIN_PORT must be an integer between 1 and 65535']);
    const good = parseConfig(schema, { ...validEnv, STRIPE_SECRET_KEY: 'sk_test', ADMIN_PORT: '9000' });
    assert.ok(good.ok);
    assert.equal(good.config.WORKER_BATCH, 50);
    assert.equal(good.config.ADMIN_PORT, 9000);
  });

  it('loadConfig prints one line to stderr and exits 1 when the env is wrong', () => {
    const configModule = fileURLToPath(new URL('../src/config/index.ts', import.meta.url));
    const script = [
      `import { loadConfig, baseServiceConfig } from ${JSON.stringify(configModule)};`,
      'loadConfig(baseServiceConfig);',
      "console.log('started anyway');",
    ].join('\n');
    const withoutMongo = withoutKey(validEnv, 'MONGO_URL');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { PATH: process.env['PATH'], ...withoutMongo, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(child.status, 1, child.stderr);
    assert.equal(child.stdout, '');
    const lines = child.stderr.split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 1, child.stderr);
    assert.equal(lines[0], 'config error: PORT must be an integer between 0 and 65535; MONGO_URL is required');
  });

  it('trims string values', () => {
    const schema = z.object({ NAME: nonEmptyString() });
    const result = parseConfig(schema, { NAME: ' x ' });
    assert.ok(result.ok);
    assert.equal(result.config.NAME, 'x');
  });
});

describe('config secrets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eventonight-config-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const strong = 'b6f1c0e2a9d84f37a1e5c3d7f0b2a4c6';
  const productionEnv = {
    ...validEnv,
    NODE_ENV: 'production',
    MONGO_URL: `mongodb://user:${strong}@user-mongo:27017/user?authSource=user`,
    AMQP_URL: `amqp://user:${strong}@rabbitmq:5672`,
  };
  const schema = baseServiceConfig.extend({
    CLIENT_SECRET: secret(),
    SEED_PASSWORD: secret({ minLength: 8, devDefault: 'Demo-night-2024!' }),
    REDIS_URL: secretUrl(['redis']).optional(),
  });

  function secretFile(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  it('reads X from the file named by X_FILE, without its trailing line break', () => {
    const result = parseConfig(schema, { ...validEnv, CLIENT_SECRET_FILE: secretFile('client', 'from-a-file\n') });
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.equal(result.config.CLIENT_SECRET, 'from-a-file');
  });

  it('reads URL-valued secrets (a MONGO_URL with its password) from files too', () => {
    const result = parseConfig(schema, {
      ...withoutKey(productionEnv, 'MONGO_URL'),
      MONGO_URL_FILE: secretFile('mongo-url', `${productionEnv.MONGO_URL}\n`),
      CLIENT_SECRET: strong,
      SEED_PASSWORD: strong,
    });
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.equal(result.config.MONGO_URL, productionEnv.MONGO_URL);
  });

  it('refuses X and X_FILE together, and a file it cannot read, naming the variable', () => {
    const both = parseConfig(schema, { ...validEnv, CLIENT_SECRET: 'a', CLIENT_SECRET_FILE: secretFile('both', 'b') });
    assert.ok(!both.ok);
    assert.deepEqual(both.problems, ['CLIENT_SECRET and CLIENT_SECRET_FILE are both set; keep one']);
    const missingPath = join(dir, 'no-such-file');
    const unreadable = parseConfig(schema, { ...validEnv, CLIENT_SECRET_FILE: missingPath });
    assert.ok(!unreadable.ok);
    assert.deepEqual(unreadable.problems, [`CLIENT_SECRET_FILE names a file that cannot be read (ENOENT): ${missingPath}`]);
  });

  it('outside production, accepts development values and applies development defaults', () => {
    const result = parseConfig(schema, { ...validEnv, CLIENT_SECRET: 'user-service-secret' });
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.equal(result.config.SEED_PASSWORD, 'Demo-night-2024!');
    assert.equal(result.config.AMQP_URL, validEnv.AMQP_URL);
  });

  it('in production, names every placeholder, empty or defaulted secret and never echoes it', () => {
    const result = parseConfig(schema, {
      ...productionEnv,
      CLIENT_SECRET: 'change-me-user-service-client-secret',
      AMQP_URL: 'amqp://guest:guest@rabbitmq:5672',
      MONGO_URL: 'mongodb://user-mongo:27017',
      REDIS_URL: 'redis://:short@redis:6379',
    });
    assert.ok(!result.ok);
    assert.deepEqual(result.problems.sort(), [
      "AMQP_URL's password is a development default published in the repository; production needs a real secret",
      'CLIENT_SECRET looks like a placeholder (contains "change-me"); production needs a real secret',
      'MONGO_URL has no password; production connects with credentials',
      "REDIS_URL's password is shorter than 16 characters; production needs a real secret",
      'SEED_PASSWORD is required in production (no development default applies)',
    ]);
    assert.doesNotMatch(result.message, /short@|guest:/);
  });

  it('in production, an empty secret file is an unset secret', () => {
    const result = parseConfig(schema, { ...productionEnv, CLIENT_SECRET_FILE: secretFile('empty', '\n'), SEED_PASSWORD: strong });
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, ['CLIENT_SECRET is required']);
  });

  it('in production, accepts real secrets and leaves an unset optional URL off', () => {
    const result = parseConfig(schema, { ...productionEnv, CLIENT_SECRET: strong, SEED_PASSWORD_FILE: secretFile('seed', strong) });
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.equal(result.config.SEED_PASSWORD, strong);
    assert.equal(result.config.REDIS_URL, undefined);
  });

  it('in production, an optional secret (OPS_TOKEN) may be left unset but, when given, must be real', () => {
    const unset = parseConfig(schema, { ...productionEnv, CLIENT_SECRET: strong, SEED_PASSWORD: strong });
    assert.ok(unset.ok, !unset.ok ? unset.message : '');
    assert.equal(unset.config.OPS_TOKEN, undefined);
    const weak = parseConfig(schema, { ...productionEnv, CLIENT_SECRET: strong, SEED_PASSWORD: strong, OPS_TOKEN_FILE: secretFile('ops', 'replace-with-the-ops-token\n') });
    assert.ok(!weak.ok);
    assert.deepEqual(weak.problems, ['OPS_TOKEN looks like a placeholder (contains "replace"); production needs a real secret']);
    const real = parseConfig(schema, { ...productionEnv, CLIENT_SECRET: strong, SEED_PASSWORD: strong, OPS_TOKEN_FILE: secretFile('ops-real', `${strong}\n`) });
    assert.ok(real.ok, !real.ok ? real.message : '');
    assert.equal(real.config.OPS_TOKEN, strong);
  });

  it('placeholderProblem knows the example words, the repository defaults and short values', () => {
    assert.equal(placeholderProblem(''), 'is empty');
    assert.equal(placeholderProblem('sk_test_replace_me'), 'looks like a placeholder (contains "replace")');
    assert.equal(placeholderProblem('whsec_local_development_only'), 'is a development default published in the repository');
    assert.equal(placeholderProblem('abc123'), 'is shorter than 16 characters');
    assert.equal(placeholderProblem(strong), undefined);
  });

  it('a service process started with NODE_ENV=production and a placeholder exits 1 naming the variable', () => {
    const configModule = fileURLToPath(new URL('../src/config/index.ts', import.meta.url));
    const script = [
      `import { loadConfig, baseServiceConfig, secret } from ${JSON.stringify(configModule)};`,
      'loadConfig(baseServiceConfig.extend({ STRIPE_SECRET_KEY: secret() }));',
      "console.log('started anyway');",
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { PATH: process.env['PATH'], ...productionEnv, STRIPE_SECRET_KEY_FILE: secretFile('stripe', 'sk_test_replace_me\n') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(child.status, 1, child.stderr);
    assert.equal(child.stdout, '');
    assert.equal(
      child.stderr.trim(),
      'config error: STRIPE_SECRET_KEY looks like a placeholder (contains "replace"); production needs a real secret',
    );
  });
});
