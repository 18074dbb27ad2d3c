import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { baseServiceConfig, parseConfig, secretFileProblems, splitUrlList } from '../src/config/index.js';
import { validEnv } from './fixtures.js';

/** Settings for clusters (issue 24): AMQP_URL naming several members, MongoDB's replica-set options. */

const strong = 'b6f1c0e2a9d84f37a1e5c3d7f0b2a4c6';
const members = [1, 2, 3].map((n) => `amqp://svc:${strong}@rabbitmq-${n}:5672/`).join(',');

function problemsOf(env: Record<string, string>): string[] {
  const result = parseConfig(baseServiceConfig, { ...validEnv, ...env });
  return result.ok ? [] : result.problems;
}

describe('AMQP_URL with several cluster members', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eventonight-cluster-config-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a comma-separated list of amqp/amqps URLs, kept as given, split into its entries', () => {
    const list = `amqp://u:p@rabbitmq-1:5672, amqps://u:p@rabbitmq-2:5671/vhost?frameMax=8192,amqp://u:p@rabbitmq-3`;
    const result = parseConfig(baseServiceConfig, { ...validEnv, AMQP_URL: list });
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.equal(result.config.AMQP_URL, list);
    assert.deepEqual(splitUrlList(result.config.AMQP_URL), [
      'amqp://u:p@rabbitmq-1:5672',
      'amqps://u:p@rabbitmq-2:5671/vhost?frameMax=8192',
      'amqp://u:p@rabbitmq-3',
    ]);
  });

  it('keeps a comma inside a password within its entry', () => {
    assert.deepEqual(splitUrlList('amqp://u:a,b@h1:5672,amqp://u:c@h2:5672'), ['amqp://u:a,b@h1:5672', 'amqp://u:c@h2:5672']);
  });

  it('refuses a bad entry, naming it by position and never echoing the value', () => {
    for (const [value, expected] of [
      ['amqp://u:hunter2@h1:5672,http://u:hunter2@h2', 'AMQP_URL must be URLs starting with amqp:// or amqps://, separated by commas (entry 2 of 2 is not one)'],
      ['amqp://u:hunter2@h1,,amqp://u:hunter2@h2', 'AMQP_URL must be URLs starting with amqp:// or amqps://, separated by commas (entry 1 of 2 is not one)'],
      // One URL with a host list is not a list of members: AMQP clients connect to one host.
      ['amqp://u:hunter2@h1:5672,h2:5672', 'AMQP_URL must be a URL starting with amqp:// or amqps://'],
      ['amqp://u:hunter2@h1,amqp://u:hunter2@h2 ,', 'AMQP_URL must be URLs starting with amqp:// or amqps://, separated by commas (entry 2 of 2 is not one)'],
      ['rabbitmq-1:5672', 'AMQP_URL must be a URL starting with amqp:// or amqps://'],
    ] as const) {
      const problems = problemsOf({ AMQP_URL: value });
      assert.deepEqual(problems, [expected], value);
      assert.doesNotMatch(problems.join(' '), /hunter2/);
    }
  });

  it('in production, requires a real password in every entry', () => {
    const production = { NODE_ENV: 'production', MONGO_URL: `mongodb://user:${strong}@mongo:27017/user?authSource=user` };
    assert.deepEqual(problemsOf({ ...production, AMQP_URL: members }), []);
    const weak = `amqp://svc:${strong}@rabbitmq-1:5672,amqp://svc:guest@rabbitmq-2:5672`;
    assert.deepEqual(problemsOf({ ...production, AMQP_URL: weak }), [
      "AMQP_URL's password (entry 2 of 2) is a development default published in the repository; production needs a real secret",
    ]);
    const none = `amqp://svc:${strong}@rabbitmq-1:5672,amqp://rabbitmq-2:5672`;
    assert.deepEqual(problemsOf({ ...production, AMQP_URL: none }), [
      'AMQP_URL has no password (entry 2 of 2); production connects with credentials',
    ]);
  });

  it('reads the list from AMQP_URL_FILE (a Docker secret), and check-secrets checks every entry', () => {
    const file = join(dir, 'svc_amqp_url');
    writeFileSync(file, `${members}\n`);
    const withoutAmqp = Object.fromEntries(Object.entries(validEnv).filter(([key]) => key !== 'AMQP_URL'));
    const result = parseConfig(baseServiceConfig, { ...withoutAmqp, AMQP_URL_FILE: file });
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.equal(result.config.AMQP_URL, members);
    assert.deepEqual(secretFileProblems(dir), []);
    writeFileSync(file, `${members},amqp://svc:guest@rabbitmq-4:5672\n`);
    assert.deepEqual(secretFileProblems(dir), [
      "svc_amqp_url: the URL's password (entry 4 of 4) is a development default published in the repository",
    ]);
  });
});

describe('MongoDB settings for replica sets', () => {
  it('defaults: no retryable writes, write and read concerns left to the driver', () => {
    const result = parseConfig(baseServiceConfig, validEnv);
    assert.ok(result.ok);
    assert.equal(result.config.MONGO_RETRY_WRITES, false);
    assert.equal(result.config.MONGO_WRITE_CONCERN, undefined);
    assert.equal(result.config.MONGO_READ_CONCERN, undefined);
  });

  it('parses MONGO_RETRY_WRITES, MONGO_WRITE_CONCERN and MONGO_READ_CONCERN', () => {
    const parse = (env: Record<string, string>) => {
      const result = parseConfig(baseServiceConfig, { ...validEnv, ...env });
      assert.ok(result.ok, !result.ok ? result.message : '');
      return result.config;
    };
    assert.equal(parse({ MONGO_RETRY_WRITES: 'true' }).MONGO_RETRY_WRITES, true);
    assert.equal(parse({ MONGO_RETRY_WRITES: 'false' }).MONGO_RETRY_WRITES, false);
    assert.equal(parse({ MONGO_WRITE_CONCERN: 'majority' }).MONGO_WRITE_CONCERN, 'majority');
    assert.equal(parse({ MONGO_WRITE_CONCERN: '1' }).MONGO_WRITE_CONCERN, 1);
    assert.equal(parse({ MONGO_WRITE_CONCERN: '2' }).MONGO_WRITE_CONCERN, 2);
    assert.equal(parse({ MONGO_READ_CONCERN: 'local' }).MONGO_READ_CONCERN, 'local');
    assert.equal(parse({ MONGO_READ_CONCERN: 'majority' }).MONGO_READ_CONCERN, 'majority');
  });

  it('refuses bad values with a message naming the rule', () => {
    assert.deepEqual(problemsOf({ MONGO_RETRY_WRITES: 'yes' }), ['MONGO_RETRY_WRITES must be 1, 0, true or false']);
    for (const bad of ['0', '00', '-1', 'all', '1.5', 'Majority', '1,2', '100']) {
      assert.deepEqual(
        problemsOf({ MONGO_WRITE_CONCERN: bad }),
        ['MONGO_WRITE_CONCERN must be majority or a whole number of at least 1 (0, unacknowledged writes, would hide the version checks)'],
        bad,
      );
    }
    for (const bad of ['linearizable', 'available', 'snapshot', 'LOCAL']) {
      assert.deepEqual(problemsOf({ MONGO_READ_CONCERN: bad }), ['MONGO_READ_CONCERN must be local or majority'], bad);
    }
  });

  it('accepts a replica-set MONGO_URL, with or without ports, and checks its password in production', () => {
    for (const url of [
      'mongodb://mongo-1,mongo-2,mongo-3/?replicaSet=rs0',
      'mongodb://mongo-1:27017,mongo-2:27017,mongo-3:27017/user?replicaSet=rs0&authSource=user',
    ]) {
      assert.deepEqual(problemsOf({ MONGO_URL: url }), [], url);
    }
    const replicaSet = `mongodb://user:${strong}@mongo-1:27017,mongo-2:27017,mongo-3:27017/user?replicaSet=rs0&authSource=user`;
    const production = { NODE_ENV: 'production', AMQP_URL: members };
    assert.deepEqual(problemsOf({ ...production, MONGO_URL: replicaSet }), []);
    assert.deepEqual(problemsOf({ ...production, MONGO_URL: 'mongodb://user:guest@mongo-1:27017,mongo-2:27017/user' }), [
      "MONGO_URL's password is a development default published in the repository; production needs a real secret",
    ]);
    assert.deepEqual(problemsOf({ MONGO_URL: 'mongodb://mongo-1:27017,mongo 2:27017/user' }), [
      'MONGO_URL must be a URL starting with mongodb:// or mongodb+srv://',
    ]);
  });
});
