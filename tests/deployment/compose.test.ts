/**
 * The production compose file (docker-compose.yml) checked without a Docker engine:
 * docker-compose itself validates it, then its parsed content is held to the deployment rules
 * (docs/deployment.md) and to each service's own config schema.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const composePath = join(root, 'docker-compose.yml');
const envExamplePath = join(root, '.env.example');

/** Compose service name → its HTTP port (Traefik's routes use exactly these). */
const APP_SERVICES = {
  user: 3001,
  event: 3002,
  interaction: 3003,
  chat: 3004,
  ticketing: 3005,
  notification: 3006,
  media: 3007,
} as const;
type AppService = keyof typeof APP_SERVICES;
const appNames = Object.keys(APP_SERVICES) as AppService[];

/** Containers that run once and exit carry this label; every other one is long-running. */
const ONE_SHOT_LABEL = 'eventonight.one-shot';

interface ComposeService {
  image?: string;
  build?: unknown;
  profiles?: string[];
  restart?: string;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  networks?: string[] | Record<string, unknown>;
  environment?: string[] | Record<string, string | number | boolean | null>;
  labels?: string[] | Record<string, string>;
  volumes?: (string | { type?: string; source?: string })[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, unknown>;
  volumes?: Record<string, unknown>;
}

function readEnvFile(path: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    assert.ok(eq > 0, `.env.example: not KEY=VALUE: ${line}`);
    vars.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return vars;
}

const PLACEHOLDER = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Compose interpolation (`${VAR}`, `${VAR:-default}`, `$VAR`, `$$`) with values from `vars`. */
function interpolate(value: string, vars: Map<string, string>, missing: Set<string>): string {
  return value.replace(PLACEHOLDER, (match, braced?: string, op?: string, fallback?: string, bare?: string) => {
    if (match === '$$') return '$';
    const name = (braced ?? bare) as string;
    const found = vars.get(name);
    if (op?.endsWith('-')) return found === undefined || (op === ':-' && found === '') ? (fallback ?? '') : found;
    if (found === undefined) missing.add(name);
    return found ?? '';
  });
}

/** Every variable the file's values (not its comments) refer to, defaults or not. */
function referencedVariables(node: unknown, names = new Set<string>()): Set<string> {
  if (typeof node === 'string') {
    for (const m of node.matchAll(PLACEHOLDER)) {
      const name = m[1] ?? m[4];
      if (name !== undefined) names.add(name);
    }
  } else if (Array.isArray(node)) {
    for (const item of node) referencedVariables(item, names);
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      referencedVariables(key, names);
      referencedVariables(value, names);
    }
  }
  return names;
}

function asList(value: string[] | Record<string, unknown> | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : Object.keys(value);
}

function asMap(value: string[] | Record<string, unknown> | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  if (value === undefined) return map;
  if (Array.isArray(value)) {
    for (const item of value) {
      const eq = item.indexOf('=');
      if (eq > 0) map[item.slice(0, eq)] = item.slice(eq + 1);
    }
    return map;
  }
  for (const [key, v] of Object.entries(value)) if (v !== null && v !== undefined) map[key] = String(v);
  return map;
}

const compose = parse(readFileSync(composePath, 'utf8')) as ComposeFile;
const envExample = readEnvFile(envExamplePath);
const services = compose.services;

describe('docker-compose.yml', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'eventonight-compose-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('docker-compose config -q accepts it with the variables of .env.example', () => {
    const envFile = join(tmp, '.env');
    writeFileSync(envFile, readFileSync(envExamplePath));
    const result = spawnSync('docker-compose', ['--env-file', envFile, '-f', composePath, 'config', '-q'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (result.error !== undefined) {
      const code = (result.error as NodeJS.ErrnoException).code;
      assert.fail(
        code === 'ENOENT'
          ? 'docker-compose is not installed (infra/setup.sh installs it: apt-get install docker-compose); ' +
              'this test validates docker-compose.yml with it and does not skip'
          : `could not run docker-compose: ${result.error.message}`,
      );
    }
    assert.equal(result.status, 0, `docker-compose config -q failed:\n${result.stderr}${result.stdout}`);
    // Compose warns about (and blanks) variables it cannot resolve: .env.example must set them all.
    assert.doesNotMatch(result.stderr, /variable is not set/i, result.stderr);
  });

  test('.env.example documents exactly the variables the file uses', () => {
    const used = referencedVariables(compose);
    const undocumented = [...used].filter((name) => !envExample.has(name)).sort();
    const unused = [...envExample.keys()].filter((name) => !used.has(name)).sort();
    assert.deepEqual(undocumented, [], `used in docker-compose.yml but not in .env.example: ${undocumented.join(', ')}`);
    assert.deepEqual(unused, [], `in .env.example but unused by docker-compose.yml: ${unused.join(', ')}`);
  });

  test('every long-running service restarts unless stopped and has a health check', () => {
    const longRunning = Object.entries(services).filter(([, s]) => asMap(s.labels)[ONE_SHOT_LABEL] !== 'true');
    assert.ok(longRunning.length >= appNames.length * 2, 'expected the services and their databases at least');
    for (const [name, service] of longRunning) {
      assert.equal(service.restart, 'unless-stopped', `${name}: restart must be unless-stopped`);
      assert.ok(service.healthcheck !== undefined, `${name}: no healthcheck`);
      assert.notEqual(service.healthcheck.disable, true, `${name}: healthcheck disabled`);
      assert.ok(service.healthcheck.test !== undefined && service.healthcheck.test.length > 0, `${name}: empty healthcheck`);
    }
  });

  test('dependencies wait for a condition, not just for the container to start', () => {
    for (const [name, service] of Object.entries(services)) {
      const deps = service.depends_on;
      if (deps === undefined) continue;
      assert.ok(!Array.isArray(deps), `${name}: depends_on must use the long form with a condition`);
      for (const [dep, spec] of Object.entries(deps)) {
        assert.ok(services[dep] !== undefined, `${name}: depends on unknown service ${dep}`);
        assert.ok(
          spec.condition === 'service_healthy' || spec.condition === 'service_completed_successfully',
          `${name}: depends_on ${dep} needs condition service_healthy (or service_completed_successfully)`,
        );
        if (spec.condition === 'service_healthy') {
          assert.ok(services[dep]?.healthcheck !== undefined, `${name}: waits for ${dep} to be healthy, which has no healthcheck`);
        }
      }
    }
  });

  test('data lives in named volumes', () => {
    const declared = new Set(Object.keys(compose.volumes ?? {}));
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
        assert.ok(source !== undefined && source !== '', `${name}: anonymous volume ${JSON.stringify(volume)}`);
        // Bind mounts (./…) are read-only configuration only; data goes to declared volumes.
        if (source.startsWith('.') || source.startsWith('/')) {
          assert.ok(typeof volume === 'string' && volume.endsWith(':ro'), `${name}: bind mount ${source} must be read-only config`);
        } else {
          assert.ok(declared.has(source), `${name}: volume ${source} is not declared under volumes:`);
        }
      }
    }
  });

  for (const app of appNames) {
    test(`${app}: own MongoDB on a private network nobody else joins`, () => {
      const service = services[app];
      const mongo = services[`${app}-mongo`];
      const privateNet = `${app}-network`;
      assert.ok(service !== undefined, `service ${app} missing`);
      assert.ok(mongo !== undefined, `service ${app}-mongo missing`);
      assert.match(mongo.image ?? '', /^mongo:/, `${app}-mongo must run a mongo image`);
      assert.ok(compose.networks?.[privateNet] !== undefined, `network ${privateNet} not declared`);
      assert.deepEqual(asList(mongo.networks), [privateNet], `${app}-mongo must be on ${privateNet} only`);
      assert.ok(asList(service.networks).includes(privateNet), `${app} is not on ${privateNet}`);
      assert.ok(asList(service.networks).includes('eventonight-network'), `${app} is not on eventonight-network`);
      const members = Object.entries(services)
        .filter(([, s]) => asList(s.networks).includes(privateNet))
        .map(([name]) => name)
        .sort();
      assert.deepEqual(members, [app, `${app}-mongo`].sort(), `${privateNet} must join only ${app} and ${app}-mongo`);
      assert.ok(asMap(service.environment)['MONGO_URL']?.includes(`@${app}-mongo:`) ||
        asMap(service.environment)['MONGO_URL']?.startsWith(`mongodb://${app}-mongo:`), `${app}: MONGO_URL must point at ${app}-mongo`);
    });

    test(`${app}: its environment satisfies its config schema`, async () => {
      const service = services[app];
      assert.ok(service !== undefined, `service ${app} missing`);
      const missing = new Set<string>();
      const env: Record<string, string> = {};
      for (const [key, value] of Object.entries(asMap(service.environment))) {
        const resolved = interpolate(value, envExample, missing);
        // As the platform's parseConfig does: an empty value counts as unset.
        if (resolved !== '') env[key] = resolved;
      }
      assert.deepEqual([...missing], [], `${app}: variables without a value in .env.example`);
      assert.equal(env['PORT'], String(APP_SERVICES[app]), `${app}: PORT must be ${APP_SERVICES[app]} (Traefik routes there)`);

      const module = (await import(join(root, 'services', app, 'src', 'config.ts'))) as Record<string, unknown>;
      const schemas = Object.entries(module).filter(
        ([, v]) => typeof v === 'object' && v !== null && typeof (v as { safeParse?: unknown }).safeParse === 'function',
      );
      assert.equal(schemas.length, 1, `${app}: expected one exported config schema, found ${schemas.map(([n]) => n).join(', ')}`);
      const schema = schemas[0]?.[1] as { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };
      const result = schema.safeParse(env);
      const problems = (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
      assert.ok(result.success, `${app}: compose environment rejected by its config schema: ${problems.join('; ')}`);
    });
  }

  test('tokens are checked against the public issuer and keys fetched from inside', () => {
    const missing = new Set<string>();
    const resolve = (value: string | undefined) => interpolate(value ?? '', envExample, missing);
    const publicAuth = `https://auth.${envExample.get('DOMAIN')}`;
    const keycloak = asMap(services['keycloak']?.environment);
    assert.equal(resolve(keycloak['KC_HOSTNAME']), publicAuth, 'Keycloak must issue tokens for the public issuer');
    for (const app of appNames) {
      const env = asMap(services[app]?.environment);
      assert.equal(resolve(env['JWT_ISSUER']), `${publicAuth}/realms/eventonight`, `${app}: JWT_ISSUER`);
      assert.equal(resolve(env['JWKS_URL']), 'http://keycloak:8080/realms/eventonight/protocol/openid-connect/certs', `${app}: JWKS_URL`);
    }
    assert.deepEqual([...missing], []);
  });

  test('only Traefik and cloudflared share the edge network', () => {
    const members = Object.entries(services)
      .filter(([, s]) => asList(s.networks).includes('edge'))
      .map(([name]) => name)
      .sort();
    assert.deepEqual(members, ['cloudflared', 'traefik']);
  });
});
