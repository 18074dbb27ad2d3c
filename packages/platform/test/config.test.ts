import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { baseServiceConfig, nonEmptyString, parseConfig, port, positiveInt } from '../src/config/index.js';

const validEnv = {
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  MONGO_DB: 'events',
  AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
  JWKS_URL: 'http://127.0.0.1:8080/realms/eventonight/protocol/openid-connect/certs',
  JWT_ISSUER: 'http://127.0.0.1:8080/realms/eventonight',
};

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
