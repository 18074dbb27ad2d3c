import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { baseServiceConfig, parseConfig, placeholderProblem, secret } from '../src/config/index.js';
import { validEnv } from './fixtures.js';

/**
 * Every development secret this repository publishes must be refused in production BY NAME
 * ("a development default published in the repository"), not by luck: a value of 16 or more
 * characters passes the length rule, so only the list of known values stops it (issue 25 found
 * that just one of them was checked). The values are read from the files that publish them, so a
 * new development secret added there without being listed makes this test fail.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const KNOWN_DEFAULT = 'is a development default published in the repository';
// An S3 access key is an identifier (its secret key is the secret), so ACCESS_KEY is not matched.
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|CREDENTIAL/;

interface Published {
  value: string;
  where: string;
}

/** `: "${NAME:=value}"` defaults of infra/env.sh whose name says secret, and passwords inside URL defaults. */
function fromInfraEnv(): Published[] {
  const file = 'infra/env.sh';
  const found: Published[] = [];
  for (const match of readFileSync(join(root, file), 'utf8').matchAll(/^: "\$\{([A-Z0-9_]+):=([^}"]*)\}"/gm)) {
    const [, name = '', value = ''] = match;
    if (SECRET_NAME.test(name) && !value.includes('$')) found.push({ value, where: `${file} ${name}` });
    const password = /^[a-z+]+:\/\/[^:/@]*:([^@]+)@/.exec(value)?.[1];
    if (password !== undefined && !password.includes('$')) found.push({ value: password, where: `${file} ${name} (URL password)` });
  }
  return found;
}

/** `${VAR:default}` defaults in the local realm overlay (client secrets, passwords). */
function fromRealmOverlay(): Published[] {
  const file = 'keycloak/realm-local-overlay.json';
  return [...readFileSync(join(root, file), 'utf8').matchAll(/"(secret|password|value)"\s*:\s*"\$\{([A-Z0-9_]+):([^}]+)\}"/g)].map(
    ([, , name = '', value = '']) => ({ value, where: `${file} ${name}` }),
  );
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (entry === 'node_modules' || entry === 'dist' || entry === 'test') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** `devDefault: '…'` of secret fields in any service's, package's or the seed's configuration. */
function fromDevDefaults(): Published[] {
  const directories = ['packages', 'services', 'seed', 'web/server'].map((directory) => join(root, directory));
  return directories.flatMap(sourceFiles).flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/secret\w*\(\{[^}]*devDefault:\s*'([^']+)'/g)].map(([, value = '']) => ({
      value,
      where: `${relative(root, path)} devDefault`,
    })),
  );
}

describe('development values published in the repository', () => {
  const published = [...fromInfraEnv(), ...fromRealmOverlay(), ...fromDevDefaults()];

  it('are found where they are published (the list this test checks is not empty by accident)', () => {
    const values = new Set(published.map((entry) => entry.value));
    for (const expected of ['user-service-secret', 'event-service-secret', 'eventonight-secret', 'whsec_local_development_only', 'guest', 'Demo-night-2024!']) {
      assert.ok(values.has(expected), `${expected} was not read from the files that publish it: ${JSON.stringify([...values])}`);
    }
  });

  for (const { value, where } of published) {
    it(`${where} is refused in production as a published development default`, () => {
      assert.equal(placeholderProblem(value), KNOWN_DEFAULT);
      const result = parseConfig(baseServiceConfig.extend({ SOME_SECRET: secret() }), {
        ...validEnv,
        NODE_ENV: 'production',
        MONGO_URL: 'mongodb://user:b6f1c0e2a9d84f37a1e5c3d7f0b2a4c6@user-mongo:27017/user',
        AMQP_URL: 'amqp://user:b6f1c0e2a9d84f37a1e5c3d7f0b2a4c6@rabbitmq:5672',
        SOME_SECRET: value,
      });
      assert.ok(!result.ok, 'production started with it');
      assert.deepEqual(result.problems, [`SOME_SECRET ${KNOWN_DEFAULT}; production needs a real secret`]);
      assert.ok(!result.message.includes(value), 'the refusal must not echo the value');
    });
  }
});
