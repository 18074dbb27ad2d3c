/**
 * The production compose file (docker-compose.yml) checked without a Docker engine:
 * docker-compose itself validates it, then its parsed content is held to the deployment rules
 * (docs/deployment.md): pinned images, secrets only as files that the platform's production rule
 * accepts, a realm without test clients, limits for every container, the object store on the
 * private network. Secrets come from deploy/make-secrets.sh run into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { eventTypes } from '@eventonight/contracts';
import { inSubnet, opsAccessProblem, parseConfig, secretFileProblems, serviceQueues } from '@eventonight/platform';
import { mongoUrlOf, targetsFromEnv } from '../../scripts/backup/targets.js';

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
  command?: string | string[];
  ports?: string[];
  secrets?: (string | { source: string; target?: string })[];
  stop_grace_period?: string;
  logging?: { driver?: string; options?: Record<string, string> };
  deploy?: { resources?: { limits?: { cpus?: string; memory?: string } } };
  build?: unknown;
  profiles?: string[];
  restart?: string;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  networks?: string[] | Record<string, unknown>;
  environment?: string[] | Record<string, string | number | boolean | null>;
  labels?: string[] | Record<string, string>;
  read_only?: boolean;
  user?: string;
  volumes?: (string | { type?: string; source?: string })[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, { internal?: boolean; ipam?: { config?: { subnet?: string }[] } } | null>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { file?: string }>;
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

const compose = parse(readFileSync(composePath, 'utf8'), { merge: true }) as ComposeFile;
/** The operator's mail account in these tests (its password needs URL-encoding: '/' and '@'). */
const SMTP_USER = 'apikey';
const SMTP_PASSWORD = 'Sg/9x@k2Lq8Zt4Wm1Xc7Vb3N';
const envExample = readEnvFile(envExamplePath);
const services = compose.services;


/** An operator's .env: the example with its release and secrets folder filled in. */
function operatorEnv(secretsDir: string): Map<string, string> {
  const env = new Map(envExample);
  env.set('IMAGE_TAG', '1.4.2');
  env.set('SECRETS_DIR', secretsDir);
  return env;
}

function writeEnvFile(path: string, env: Map<string, string>): void {
  writeFileSync(path, [...env].map(([key, value]) => `${key}=${value}`).join('\n') + '\n');
}

function runCompose(envFile: string) {
  const result = spawnSync('docker-compose', ['--env-file', envFile, '-f', composePath, 'config', '-q'], { cwd: root, encoding: 'utf8' });
  if (result.error !== undefined) {
    const code = (result.error as NodeJS.ErrnoException).code;
    assert.fail(
      code === 'ENOENT'
        ? 'docker-compose is not installed (infra/setup.sh installs it: apt-get install docker-compose); ' +
            'this test validates docker-compose.yml with it and does not skip'
        : `could not run docker-compose: ${result.error.message}`,
    );
  }
  return result;
}

/** Where a service's /run/secrets/<target> comes from: target → source secret name. */
function secretMounts(service: ComposeService): Map<string, string> {
  const mounts = new Map<string, string>();
  for (const entry of service.secrets ?? []) {
    if (typeof entry === 'string') mounts.set(entry, entry);
    else mounts.set(entry.target ?? entry.source, entry.source);
  }
  return mounts;
}

/**
 * A service's environment as its process would see it: .env values interpolated, NODE_ENV from
 * the image (Dockerfile: production), and each /run/secrets path mapped to the file in `secretsDir`.
 */
function processEnv(service: ComposeService, env: Map<string, string>, secretsDir: string): Record<string, string> {
  const missing = new Set<string>();
  const mounts = secretMounts(service);
  const result: Record<string, string> = { NODE_ENV: 'production' };
  for (const [key, value] of Object.entries(asMap(service.environment))) {
    let resolved = interpolate(value, env, missing);
    const secret = /^\/run\/secrets\/(.+)$/.exec(resolved);
    if (secret !== null) {
      const source = mounts.get(secret[1] as string);
      assert.ok(source !== undefined, `${key} reads ${resolved}, which the service does not mount`);
      resolved = join(secretsDir, source);
    }
    if (resolved !== '') result[key] = resolved;
  }
  assert.deepEqual([...missing], [], 'variables without a value in the operator .env');
  return result;
}

type Schema = { safeParse(input: unknown): unknown };
async function configSchemaOf(app: AppService): Promise<Schema> {
  const module = (await import(join(root, 'services', app, 'src', 'config.ts'))) as Record<string, unknown>;
  const schemas = Object.entries(module).filter(
    ([, v]) => typeof v === 'object' && v !== null && typeof (v as { safeParse?: unknown }).safeParse === 'function',
  );
  assert.equal(schemas.length, 1, `${app}: expected one exported config schema, found ${schemas.map(([n]) => n).join(', ')}`);
  return schemas[0]?.[1] as Schema;
}

/** Megabytes of a compose memory value (512M, 1536M, 2G). */
function megabytes(value: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)([MG])$/.exec(value ?? '');
  assert.ok(match !== null, `memory limit ${value} is not like 512M or 2G`);
  return Number(match[1]) * (match[2] === 'G' ? 1024 : 1);
}

function seconds(value: string | undefined): number {
  const match = /^(\d+)s$/.exec(value ?? '');
  assert.ok(match !== null, `duration ${value} is not like 30s`);
  return Number(match[1]);
}

describe('docker-compose.yml', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'eventonight-compose-'));
  const secretsDir = join(tmp, 'secrets');
  let env: Map<string, string>;
  after(() => rmSync(tmp, { recursive: true, force: true }));
  before(() => {
    const made = spawnSync('bash', [join(root, 'deploy', 'make-secrets.sh'), secretsDir], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    // The operator's part: the keys Stripe gives (make-secrets.sh leaves them empty).
    writeFileSync(join(secretsDir, 'stripe_secret_key'), 'sk_live_51Qa8ZxLw0Jd3hT9mPq2Rv7Ys\n');
    writeFileSync(join(secretsDir, 'stripe_webhook_secret'), 'whsec_9Fh2kLq8Zt4Wm1Xc7Vb3Nr6P\n');
    // The mail account the mail provider gives (make-secrets.sh leaves it empty too).
    writeFileSync(join(secretsDir, 'smtp_url'), `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@smtp.mailer.net:587\n`);
    // Alertmanager's webhook (docs/adr/0037), also the operator's to write.
    writeFileSync(join(secretsDir, 'alertmanager_webhook'), 'https://hooks.chat.net/services/T0B1C2D3E/B4F5G6H7I/kq8Zr2Lw9Xv3Np7T\n');
    // …and, with the tunnel profile, the token Cloudflare shows for the tunnel.
    writeFileSync(join(secretsDir, 'cloudflare_tunnel_token'), 'eyJhIjoiNGIyMDllNDNhNzYwODY2MjNmZjZlOTEyNDhiNmE4MWIifQ\n');
    env = operatorEnv(secretsDir);
  });

  let composeV2Binary: string | undefined;
  /** tests/deployment/compose-v2 built once: Compose v2's loader (compose-go). */
  function composeV2(): string {
    if (composeV2Binary !== undefined) return composeV2Binary;
    const go = process.env['EN_GO'] ?? '/usr/local/go/bin/go';
    const binary = join(tmp, 'compose-v2');
    const build = spawnSync(go, ['build', '-o', binary, '.'], {
      cwd: join(root, 'tests', 'deployment', 'compose-v2'),
      env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-modcacherw -mod=readonly' },
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (build.error !== undefined) assert.fail(`cannot run Go (${go}), which infra/setup.sh requires: ${build.error.message}`);
    assert.equal(build.status, 0, build.stderr);
    composeV2Binary = binary;
    return binary;
  }

  test('docker-compose config -q refuses an unedited .env.example and names the variable', () => {
    const envFile = join(tmp, 'example.env');
    writeFileSync(envFile, readFileSync(envExamplePath));
    const result = runCompose(envFile);
    assert.notEqual(result.status, 0, 'an unedited .env.example must not be accepted');
    assert.match(result.stderr, /IMAGE_TAG/, result.stderr);
  });

  test("docker-compose config -q accepts an operator's .env", () => {
    const envFile = join(tmp, 'operator.env');
    writeEnvFile(envFile, env);
    const result = runCompose(envFile);
    assert.equal(result.status, 0, `docker-compose config -q failed:\n${result.stderr}${result.stdout}`);
    // Compose warns about (and blanks) variables it cannot resolve.
    assert.doesNotMatch(result.stderr, /variable is not set/i, result.stderr);
  });

  test("Compose v2's own loader (compose-go) accepts it with an operator's .env and refuses the unedited example", () => {
    // Only docker-compose v1 installs here (Debian); tests/deployment/compose-v2 wraps the library
    // `docker compose` v2 loads files with: schema, interpolation, normalisation, consistency.
    const binary = composeV2();
    const envFile = join(tmp, 'operator-v2.env');
    writeEnvFile(envFile, env);
    const ok = spawnSync(binary, [composePath, envFile, root, 'tunnel', 'seed', 'backup'], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.equal(ok.stdout.trim(), `ok ${Object.keys(services).length} ${Object.keys(services).sort().join(' ')}`);
    const refused = spawnSync(binary, [composePath, envExamplePath, root], { encoding: 'utf8' });
    assert.equal(refused.status, 1, refused.stdout);
    assert.match(refused.stdout, /required variable IMAGE_TAG is missing a value/);
  });

  test('.env.example documents exactly the variables the file uses, and holds no secret', () => {
    const used = referencedVariables(compose);
    const undocumented = [...used].filter((name) => !envExample.has(name)).sort();
    const unused = [...envExample.keys()].filter((name) => !used.has(name)).sort();
    assert.deepEqual(undocumented, [], `used in docker-compose.yml but not in .env.example: ${undocumented.join(', ')}`);
    assert.deepEqual(unused, [], `in .env.example but unused by docker-compose.yml: ${unused.join(', ')}`);
    // An S3 access key is the key pair's public half (its name); the secret key is a file.
    const secretLike = [...envExample.keys()].filter((name) => /PASSWORD|SECRET(?!S_DIR)|_KEY$|TOKEN/.test(name) && !name.endsWith('_ACCESS_KEY'));
    assert.deepEqual(secretLike, [], 'secrets belong in SECRETS_DIR files, not in .env');
  });

  test('every third-party image is pinned to an exact, supported version; ours carry the release version', () => {
    const env = new Map([...envExample, ['IMAGE_TAG', '1.4.2']]);
    const localEnv = readFileSync(join(root, 'infra', 'env.sh'), 'utf8');
    const keycloakLocal = /EN_KEYCLOAK_VERSION:=([0-9.]+)/.exec(localEnv)?.[1];
    const traefikLocal = /EN_TRAEFIK_VERSION:=(v[0-9.]+)/.exec(localEnv)?.[1];
    const seaweedfsLocal = /EN_SEAWEEDFS_VERSION:=([0-9.]+)/.exec(localEnv)?.[1];
    // Oldest series still supported on 2026-12-07 (ADR 0015 has the sources).
    const minimum: Record<string, number[]> = {
      mongo: [8, 0],
      rabbitmq: [4, 2],
      'quay.io/keycloak/keycloak': [26, 7],
      postgres: [14, 0],
      redis: [8, 2],
    };
    for (const [name, service] of Object.entries(services)) {
      const raw = service.image ?? '';
      assert.ok(raw !== '', `${name}: no image`);
      if (raw.startsWith('eventonight/')) {
        assert.match(raw, /:\$\{IMAGE_TAG:\?[^}]+\}$/, `${name}: our images are tagged \${IMAGE_TAG:?…} (the release), no default`);
        continue;
      }
      assert.doesNotMatch(raw, /\$\{/, `${name}: a third-party image is pinned in the file, not in .env`);
      // <repository>:<tag>@sha256:<digest>: the digest fixes the build, the tag says the version.
      const [reference = '', digest] = raw.split('@');
      const colon = reference.lastIndexOf(':');
      const [repository, tag] = [reference.slice(0, colon), reference.slice(colon + 1)];
      assert.ok(colon > 0 && tag !== 'latest', `${name}: ${raw} is not pinned`);
      // Pinned by digest wherever public material showed the published one (ADR 0015 says where);
      // RabbitMQ's and Redis's tags had none that could be trusted, so they carry the tag alone.
      // Nor could the monitoring's images' digests be seen from here (ADR 0037).
      const tagOnly = ['rabbitmq', 'redis', 'prom/prometheus', 'prom/alertmanager', 'jaegertracing/jaeger', 'grafana/grafana', 'busybox'];
      if (tagOnly.includes(repository)) assert.equal(digest, undefined, `${name}: ADR 0015 and 0037 name no digest for ${repository}`);
      else assert.match(digest ?? '', /^sha256:[0-9a-f]{64}$/, `${name}: ${raw} is not pinned by digest`);
      // PostgreSQL and SeaweedFS number their releases major.minor: 16.15 and 4.48 are exact;
      // Traefik tags carry a v; MongoDB's Linux tag names its Ubuntu base (8.0.32-noble).
      const majorMinor = repository === 'postgres' || repository === 'chrislusf/seaweedfs';
      const exact = /^v?\d+\.\d+\.\d+(-noble)?$/.test(tag) || (majorMinor && /^\d+\.\d+$/.test(tag)) || /^20\d\d\.\d+\.\d+$/.test(tag);
      assert.ok(exact, `${name}: ${raw} is not an exact version (no major-only or floating tag)`);
      const floor = minimum[repository];
      if (floor !== undefined) {
        const [major = 0, minor = 0] = tag.split('.').map(Number);
        const [minMajor = 0, minMinor = 0] = floor;
        assert.ok(major > minMajor || (major === minMajor && minor >= minMinor), `${name}: ${raw} is older than the supported ${floor.join('.')}`);
      }
      if (repository === 'quay.io/keycloak/keycloak') assert.equal(tag, keycloakLocal, 'production runs the Keycloak version the tests run (infra/env.sh)');
      if (repository === 'traefik') assert.equal(tag, traefikLocal, 'production runs the Traefik version the tests run (infra/env.sh)');
      if (repository === 'chrislusf/seaweedfs') assert.equal(tag, seaweedfsLocal, 'production runs the SeaweedFS release the tests run (infra/env.sh)');
      assert.doesNotMatch(repository, /minio/, `${name}: MinIO's community images are archived and unpatched (ADR 0015)`);
    }
    assert.deepEqual([...new Set(Object.values(services).map((s) => interpolate(s.image ?? '', env, new Set())).filter((i) => i.startsWith('eventonight/')).map((i) => i.split(':')[1]))], ['1.4.2']);
    const stores = Object.entries(services).filter(([, s]) => (s.image ?? '').startsWith('chrislusf/seaweedfs:')).map(([name, s]) => `${name}=${(s.image ?? '').split('@')[0]}`);
    assert.deepEqual(stores, [`seaweedfs=chrislusf/seaweedfs:${seaweedfsLocal}`, `seaweedfs-init=chrislusf/seaweedfs:${seaweedfsLocal}`], 'the object store and its init run the release local runs install');
    assert.equal(new Set(Object.values(services).filter((s) => (s.image ?? '').startsWith('chrislusf/seaweedfs:')).map((s) => s.image)).size, 1, 'the store and its init run one image, digest included');
  });

  test('every long-running service restarts unless stopped and has a health check', () => {
    const longRunning = Object.entries(services).filter(([, s]) => asMap(s.labels)[ONE_SHOT_LABEL] !== 'true');
    assert.ok(longRunning.length >= appNames.length * 2, 'expected the services and their databases at least');
    for (const [name, service] of longRunning) {
      assert.equal(service.restart, 'unless-stopped', `${name}: restart must be unless-stopped`);
      // busybox's httpd serving the backup's metrics file: the container is that one process, and
      // before the first backup there is nothing to ask for (Prometheus watches it, ADR 0037).
      if (name === 'backup-metrics') continue;
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

  test('data lives in named volumes; bind mounts are read-only configuration, but for where backups go', () => {
    const declared = new Set(Object.keys(compose.volumes ?? {}));
    const writable: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const spec = typeof volume === 'string' ? interpolate(volume, env, new Set()) : volume;
        const source = typeof spec === 'string' ? spec.split(':')[0] : spec.source;
        assert.ok(source !== undefined && source !== '', `${name}: anonymous volume ${JSON.stringify(volume)}`);
        if (typeof volume === 'string' && volume.startsWith('${BACKUP_DIR:?')) {
          if ((spec as string).endsWith(':ro')) continue;   // backup-metrics reads BACKUP_DIR/metrics (ADR 0037)
          writable.push(`${name}:${spec as string}`);
          continue;
        }
        if (source.startsWith('.') || source.startsWith('/')) {
          assert.ok(typeof spec === 'string' && spec.endsWith(':ro'), `${name}: bind mount ${source} must be read-only config`);
        } else {
          assert.ok(declared.has(source), `${name}: volume ${source} is not declared under volumes:`);
        }
      }
    }
    assert.deepEqual(writable, ['backup:./backups:/backups'], 'the one writable bind mount is the backup job\'s BACKUP_DIR');
  });

  test('every container has CPU and memory limits within one 8-core, 32 GiB host, and the budget is documented', () => {
    const budget = readFileSync(join(root, 'docs', 'deployment.md'), 'utf8');
    let totalMb = 0;
    for (const [name, service] of Object.entries(services)) {
      const limits = service.deploy?.resources?.limits;
      assert.ok(limits?.cpus !== undefined && limits.memory !== undefined, `${name}: deploy.resources.limits needs cpus and memory`);
      const cpus = Number(limits.cpus);
      assert.ok(cpus > 0 && cpus <= 8, `${name}: cpus ${limits.cpus}`);
      const mb = megabytes(limits.memory);
      totalMb += mb;
      const row = new RegExp(`^\\| \`${name.replace(/-/g, '\\-')}\` \\| ${limits.cpus} \\| ${limits.memory} \\|`, 'm');
      assert.match(budget, row, `docs/deployment.md: the budget table must list ${name} with ${limits.cpus} CPUs and ${limits.memory}`);
    }
    // Everything together (profiles included) leaves room for the OS, Docker, page cache and backups.
    assert.ok(totalMb <= 26 * 1024, `memory limits add up to ${totalMb} MB, more than 26 GiB of the 32 GiB host`);
  });

  test("each mongod's WiredTiger cache is sized to its container's limit", () => {
    for (const app of appNames) {
      const mongo = services[`${app}-mongo`] as ComposeService;
      const command = Array.isArray(mongo.command) ? mongo.command : [];
      const index = command.indexOf('--wiredTigerCacheSizeGB');
      assert.ok(index >= 0, `${app}-mongo: --wiredTigerCacheSizeGB not set (mongod would size it from the host's RAM)`);
      const cacheMb = Number(command[index + 1]) * 1024;
      const limitMb = megabytes(mongo.deploy?.resources?.limits?.memory);
      assert.ok(cacheMb >= 256 && cacheMb <= limitMb / 2, `${app}-mongo: cache ${cacheMb} MB for a ${limitMb} MB container`);
    }
  });

  test('logs are rotated and every service is given longer than its drain to stop', () => {
    for (const [name, service] of Object.entries(services)) {
      assert.equal(service.logging?.driver, 'json-file', `${name}: logging driver`);
      assert.match(service.logging?.options?.['max-size'] ?? '', /^\d+m$/, `${name}: logging max-size`);
      assert.match(service.logging?.options?.['max-file'] ?? '', /^\d+$/, `${name}: logging max-file`);
    }
    for (const app of appNames) {
      const service = services[app] as ComposeService;
      const graceMs = Number(asMap(service.environment)['SHUTDOWN_GRACE_MS']);
      assert.ok(graceMs > 0, `${app}: SHUTDOWN_GRACE_MS set explicitly`);
      // The drain: HTTP grace, then the outbox flush (at most 5 s), then closing connections.
      const drainSeconds = graceMs / 1000 + 5;
      assert.ok(seconds(service.stop_grace_period) > drainSeconds, `${app}: stop_grace_period must exceed ${drainSeconds}s`);
    }
  });

  test('secrets reach containers only as files, and the secrets check runs before any of them', () => {
    const declared = compose.secrets ?? {};
    // Files make-secrets.sh creates (Stripe's empty, for the operator to fill), plus the tunnel's token,
    // which only the operator has and only the tunnel profile needs.
    const generated = [...readdirSync(secretsDir).filter((f) => !f.startsWith('.')), 'cloudflare_tunnel_token'];
    for (const [secret, spec] of Object.entries(declared)) {
      assert.match(spec.file ?? '', /^\$\{SECRETS_DIR:\?[^}]+\}\//, `${secret}: must be a file under SECRETS_DIR`);
      assert.ok(generated.includes(secret), `${secret}: deploy/make-secrets.sh does not create it`);
    }
    // The default SECRETS_DIR sits in the build context: it must never be sent to the builder.
    assert.equal(envExample.get('SECRETS_DIR'), './secrets');
    assert.ok(readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').includes('secrets'), '.dockerignore must exclude secrets');
    assert.ok(readFileSync(join(root, '.gitignore'), 'utf8').split('\n').includes('/secrets/'), '.gitignore must exclude secrets');
    const text = readFileSync(composePath, 'utf8');
    assert.doesNotMatch(text, /--requirepass|_PASSWORD:\s*\$\{|SECRET:\s*\$\{|SECRET_KEY:\s*\$\{|TOKEN:\s*\$\{/, 'no secret is interpolated from .env');
    for (const [name, service] of Object.entries(services)) {
      if (name === 'secrets-check') continue;
      const holdsSecret = (service.secrets ?? []).length > 0;
      if (!holdsSecret) continue;
      // Either it waits for the check itself, or for something that does.
      const waits = (n: string, seen = new Set<string>()): boolean => {
        const deps = services[n]?.depends_on;
        if (deps === undefined || Array.isArray(deps) || seen.has(n)) return false;
        seen.add(n);
        return Object.keys(deps).some((d) => d === 'secrets-check' || waits(d, seen));
      };
      assert.ok(waits(name), `${name} holds secrets but does not wait for secrets-check`);
    }
  });

  test('the secrets check refuses empty and placeholder files by name, and accepts generated ones', () => {
    assert.deepEqual(secretFileProblems(secretsDir), []);
    const weak = join(tmp, 'weak-secrets');
    cpSync(secretsDir, weak, { recursive: true });
    writeFileSync(join(weak, 'stripe_secret_key'), '\n');
    writeFileSync(join(weak, 'keycloak_admin_password'), 'change-me-keycloak-admin-password\n');
    writeFileSync(join(weak, 'chat_amqp_url'), 'amqp://chat:guest@rabbitmq:5672\n');
    assert.deepEqual(secretFileProblems(weak), [
      "chat_amqp_url: the URL's password is a development default published in the repository",
      'keycloak_admin_password looks like a placeholder (contains "change-me")',
      'stripe_secret_key is empty',
    ]);
    // The command the secrets-check container runs, built from the same source.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/platform/src/bin/check-secrets.ts'), weak], { encoding: 'utf8' });
    assert.equal(cli.status, 1, cli.stderr);
    assert.match(cli.stderr, /secret refused: keycloak_admin_password looks like a placeholder/);
    const ok = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/platform/src/bin/check-secrets.ts'), secretsDir], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
  });

  test('make-secrets.sh never overwrites what exists', () => {
    const before = readFileSync(join(secretsDir, 'user_mongo_url'), 'utf8');
    const again = spawnSync('bash', [join(root, 'deploy', 'make-secrets.sh'), secretsDir], { encoding: 'utf8' });
    assert.equal(again.status, 0, again.stderr);
    assert.equal(readFileSync(join(secretsDir, 'user_mongo_url'), 'utf8'), before);
    assert.equal(readFileSync(join(secretsDir, 'stripe_secret_key'), 'utf8'), 'sk_live_51Qa8ZxLw0Jd3hT9mPq2Rv7Ys\n');
  });

  for (const app of appNames) {
    test(`${app}: own MongoDB with authentication on a private network nobody else joins`, () => {
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
      // …and the backup job, which dumps and restores the database as the mongod's root user.
      assert.deepEqual(members, [app, `${app}-mongo`, 'backup'].sort(), `${privateNet} must join only ${app}, ${app}-mongo and the backup job`);
      // Authentication: a root user from a secret, and the service's own user (the init script).
      const mongoEnv = asMap(mongo.environment);
      assert.equal(mongoEnv['MONGO_INITDB_ROOT_PASSWORD_FILE'], '/run/secrets/mongo_root_password');
      assert.equal(secretMounts(mongo).get('mongo_root_password'), `${app}_mongo_root_password`);
      assert.equal(secretMounts(mongo).get('mongo_service_password'), `${app}_mongo_password`);
      assert.equal(mongoEnv['MONGO_SERVICE_DB'], app);
      assert.ok((mongo.volumes ?? []).some((v) => typeof v === 'string' && v.includes('create-service-user.js:/docker-entrypoint-initdb.d/')));
      const url = new URL(readFileSync(join(secretsDir, `${app}_mongo_url`), 'utf8').trim());
      assert.equal(url.host, `${app}-mongo:27017`, `${app}: the service connects to its own mongod`);
      assert.equal(url.username, app, `${app}: as its own user`);
      assert.equal(url.password, readFileSync(join(secretsDir, `${app}_mongo_password`), 'utf8').trim());
      assert.equal(url.searchParams.get('authSource'), app);
    });

    test(`${app}: in production mode its environment and secret files satisfy its config`, async () => {
      const service = services[app] as ComposeService;
      const processed = processEnv(service, env, secretsDir);
      assert.equal(processed['PORT'], String(APP_SERVICES[app]), `${app}: PORT must be ${APP_SERVICES[app]} (Traefik routes there)`);
      const result = parseConfig((await configSchemaOf(app)) as never, processed);
      assert.ok(result.ok, `${app}: compose environment rejected by its config: ${result.ok ? '' : result.message}`);
    });

    test(`${app}: in production mode a placeholder secret file stops it, naming the variable`, async () => {
      const service = services[app] as ComposeService;
      const weak = join(tmp, `weak-${app}`);
      cpSync(secretsDir, weak, { recursive: true });
      writeFileSync(join(weak, `${app}_amqp_url`), `amqp://${app}:change-me@rabbitmq:5672\n`);
      const fileVariables = Object.entries(asMap(service.environment)).filter(([key]) => key.endsWith('_FILE'));
      for (const [key, path] of fileVariables) {
        const source = secretMounts(service).get(path.replace('/run/secrets/', '')) as string;
        if (!key.endsWith('URL_FILE')) writeFileSync(join(weak, source), 'replace-me\n');
      }
      const result = parseConfig((await configSchemaOf(app)) as never, processEnv(service, env, weak));
      assert.ok(!result.ok, `${app}: started with placeholder secrets`);
      assert.ok(result.problems.some((p) => p.startsWith("AMQP_URL's password looks like a placeholder")), result.message);
      for (const [key] of fileVariables) {
        if (key.endsWith('URL_FILE')) continue;
        const variable = key.slice(0, -'_FILE'.length);
        assert.ok(result.problems.some((p) => p.startsWith(`${variable} looks like a placeholder`)), `${variable}: ${result.message}`);
      }
    });

    test(`${app}: its RabbitMQ user may touch only its own queues and publish only its own event types`, () => {
      const definitions = JSON.parse(readFileSync(join(secretsDir, 'rabbitmq_definitions.json'), 'utf8')) as {
        users: { name: string; tags: string[] }[];
        permissions: { user: string; configure: string; write: string; read: string }[];
        topic_permissions: { user: string; exchange: string; write: string }[];
      };
      const url = new URL(readFileSync(join(secretsDir, `${app}_amqp_url`), 'utf8').trim());
      assert.equal(url.username, app, `${app} connects as its own user`);
      assert.deepEqual(definitions.users.find((u) => u.name === app)?.tags, [], `${app}: no management tags`);
      const permission = definitions.permissions.find((p) => p.user === app);
      assert.ok(permission !== undefined, `${app}: no permissions`);
      const [configure, write, read] = [permission.configure, permission.write, permission.read].map((p) => new RegExp(p));
      const own = serviceQueues(app);
      const ownQueues = [own.main, own.dlq, ...own.retries.map((r) => r.name)];
      // Every service consumes since issue 25 (exports and erasure).
      const consumes = asMap(services[app]?.environment)['MONGO_DB'] !== undefined;
      for (const queue of ownQueues) {
        assert.equal(configure?.test(queue), consumes, `${app}: configure ${queue}`);
        assert.equal(read?.test(queue), consumes, `${app}: read ${queue}`);
      }
      for (const other of appNames.filter((a) => a !== app)) {
        const theirs = serviceQueues(other);
        for (const queue of [theirs.main, theirs.dlq, ...theirs.retries.map((r) => r.name)]) {
          assert.ok(!(configure?.test(queue) ?? true) && !(read?.test(queue) ?? true) && !(write?.test(queue) ?? true), `${app} reaches ${other}'s queue ${queue}`);
        }
      }
      assert.ok(write?.test('eventonight') === true && configure?.test('eventonight') === true, `${app}: publishes to the exchange`);
      const topic = definitions.topic_permissions.find((t) => t.user === app && t.exchange === 'eventonight');
      assert.ok(topic !== undefined, `${app}: no topic permission`);
      const routing = new RegExp(topic.write);
      for (const type of eventTypes) assert.equal(routing.test(type), type.startsWith(`${app}.`), `${app}: publishing ${type}`);
    });
  }

  test("Keycloak's start.sh exports the secret files for kc.sh and stops on an empty one or a placeholder mail account", () => {
    const fakeKc = join(tmp, 'kc.sh');
    writeFileSync(
      fakeKc,
      '#!/bin/sh\necho "args=$*"\necho "db=$KC_DB_PASSWORD"\necho "admin=$KC_BOOTSTRAP_ADMIN_PASSWORD"\necho "user=$USER_SERVICE_CLIENT_SECRET"\necho "event=$EVENT_SERVICE_CLIENT_SECRET"\n' +
        'echo "smtp=$EVENTONIGHT_SMTP_USER:$EVENTONIGHT_SMTP_PASSWORD@$EVENTONIGHT_SMTP_HOST:$EVENTONIGHT_SMTP_PORT ssl=$EVENTONIGHT_SMTP_SSL starttls=$EVENTONIGHT_SMTP_STARTTLS from=$EVENTONIGHT_SMTP_FROM"\n',
      { mode: 0o755 },
    );
    const script = join(root, 'deploy', 'keycloak', 'start.sh');
    const from = 'accounts@eventonight.app';
    const run = (dir: string, sender = from) =>
      spawnSync('bash', [script, 'start', '--import-realm'], {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'], EVENTONIGHT_SECRETS_DIR: dir, EVENTONIGHT_KC_SH: fakeKc, EVENTONIGHT_SMTP_FROM: sender },
      });
    const ok = run(secretsDir);
    assert.equal(ok.status, 0, ok.stderr);
    const read = (name: string) => readFileSync(join(secretsDir, name), 'utf8').trim();
    assert.equal(
      ok.stdout,
      `args=start --import-realm\ndb=${read('keycloak_db_password')}\nadmin=${read('keycloak_admin_password')}\n` +
        `user=${read('user_service_client_secret')}\nevent=${read('event_service_client_secret')}\n` +
        `smtp=${SMTP_USER}:${SMTP_PASSWORD}@smtp.mailer.net:587 ssl=false starttls=true from=${from}\n`,
    );
    const refusedWith = (change: (dir: string) => void, message: RegExp, sender = from) => {
      const weak = mkdtempSync(join(tmp, 'weak-keycloak-'));
      cpSync(secretsDir, weak, { recursive: true });
      change(weak);
      const refused = run(weak, sender);
      assert.equal(refused.status, 1, `${message}: ${refused.stdout}`);
      assert.equal(refused.stdout, '', 'Keycloak is not started');
      assert.match(refused.stderr, message);
    };
    refusedWith((dir) => writeFileSync(join(dir, 'event_service_client_secret'), ''), /event_service_client_secret is empty/);
    refusedWith((dir) => writeFileSync(join(dir, 'smtp_url'), '\n'), /smtp_url is empty/);
    refusedWith((dir) => writeFileSync(join(dir, 'smtp_url'), 'smtp.mailer.net:587\n'), /smtp_url is not smtp\[s\]:\/\/user:password@host/);
    refusedWith((dir) => writeFileSync(join(dir, 'smtp_url'), 'smtp://apikey:Zt4Wm1Xc7Vb3NSg9xk2Lq8@smtp.example.com\n'), /mail server's host .* placeholder \(contains "example"\)/);
    refusedWith((dir) => writeFileSync(join(dir, 'smtp_url'), 'smtp://your-user:Zt4Wm1Xc7Vb3NSg9xk2Lq8@smtp.mailer.net\n'), /mail server's user .* placeholder/);
    refusedWith((dir) => writeFileSync(join(dir, 'smtp_url'), 'smtps://apikey:change-me-to-the-real-one@smtp.mailer.net:465\n'), /mail server's password .* placeholder \(contains "change-me"\)/);
    refusedWith((dir) => writeFileSync(join(dir, 'smtp_url'), 'smtp://apikey:password@smtp.mailer.net\n'), /mail server's password .* shorter than 16/);
    // .env.example's own sender is refused until the operator writes theirs.
    refusedWith(() => undefined, /MAIL_FROM_ADDRESS in \.env\) looks like a placeholder/, envExample.get('MAIL_FROM_ADDRESS'));
    refusedWith(() => undefined, /MAIL_FROM_ADDRESS in \.env\) is not an email address/, '');
    // smtps:// is TLS from the first byte, on its own port unless one is named.
    const tls = mkdtempSync(join(tmp, 'tls-keycloak-'));
    cpSync(secretsDir, tls, { recursive: true });
    writeFileSync(join(tls, 'smtp_url'), 'smtps://apikey:Zt4Wm1Xc7Vb3NSg9xk2Lq8@smtp.mailer.net\n');
    assert.match(run(tls).stdout, /smtp=apikey:Zt4Wm1Xc7Vb3NSg9xk2Lq8@smtp\.mailer\.net:465 ssl=true starttls=false/);
  });

  test("mail: one secret for the notification service and Keycloak's reset mail, in the app's look", async () => {
    const keycloak = services['keycloak'] as ComposeService;
    const notification = services['notification'] as ComposeService;
    assert.equal(secretMounts(keycloak).get('smtp_url'), 'smtp_url');
    assert.equal(secretMounts(notification).get('smtp_url'), 'smtp_url');
    const missing = new Set<string>();
    assert.equal(interpolate(asMap(keycloak.environment)['EVENTONIGHT_SMTP_FROM'] ?? '', env, missing), env.get('MAIL_FROM_ADDRESS'));
    // The notification service, as production starts it: the mail server, the sender, links into the app.
    const parsed = parseConfig((await configSchemaOf('notification')) as never, processEnv(notification, env, secretsDir));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
    const config = parsed.config as { SMTP_URL?: string; MAIL_FROM?: string; APP_URL?: string };
    assert.equal(config.SMTP_URL, readFileSync(join(secretsDir, 'smtp_url'), 'utf8').trim());
    assert.equal(config.MAIL_FROM, `EventoNight <${env.get('MAIL_FROM_ADDRESS')}>`);
    assert.equal(config.APP_URL, env.get('WEB_APP_URL'));
    // A placeholder password in the shared secret stops the secrets check, naming the file.
    const weak = mkdtempSync(join(tmp, 'weak-smtp-'));
    cpSync(secretsDir, weak, { recursive: true });
    writeFileSync(join(weak, 'smtp_url'), 'smtp://apikey:replace-with-the-password@smtp.mailer.net:587\n');
    assert.deepEqual(secretFileProblems(weak), ['smtp_url: the URL\'s password looks like a placeholder (contains "replace")']);

    // The realm: forgotten passwords allowed, its mail server entirely from start.sh or compose, no fallback.
    const realm = JSON.parse(readFileSync(join(root, 'keycloak', 'realm-eventonight.json'), 'utf8')) as Record<string, unknown> & { smtpServer: Record<string, string> };
    assert.equal(realm['resetPasswordAllowed'], true);
    const startScript = readFileSync(join(root, 'deploy', 'keycloak', 'start.sh'), 'utf8');
    for (const [field, value] of Object.entries(realm.smtpServer)) {
      const placeholder = /^\$\{([A-Z_]+)\}$/.exec(value);
      if (placeholder === null) continue;
      const variable = placeholder[1] as string;
      const fromCompose = asMap(keycloak.environment)[variable] !== undefined;
      const fromStart = new RegExp(`export [^\\n]*\\b${variable}\\b`).test(startScript);
      assert.ok(fromCompose || fromStart, `smtpServer.${field}: \${${variable}} is set by compose or start.sh`);
    }
    assert.equal(realm.smtpServer['password'], '${EVENTONIGHT_SMTP_PASSWORD}', 'no fallback password');
    assert.equal(realm.smtpServer['auth'], 'true');

    // Its pages and mail in the app's look: the theme the realm names, mounted read-only where Keycloak looks.
    assert.equal(realm['loginTheme'], 'eventonight');
    assert.equal(realm['emailTheme'], 'eventonight');
    assert.ok((keycloak.volumes ?? []).includes('./keycloak/themes/eventonight:/opt/keycloak/themes/eventonight:ro'), 'the theme is mounted read-only');
    for (const type of ['login', 'email']) {
      assert.match(readFileSync(join(root, 'keycloak', 'themes', 'eventonight', type, 'theme.properties'), 'utf8'), /^parent=base$/m, `${type} theme`);
    }
    assert.deepEqual([...missing], []);
  });

  test("seaweedfs: start.sh gives media's key the bucket's objects only, from the secret files, and stops on an empty one", () => {
    const bin = join(tmp, 'fake-weed');
    const config = join(tmp, 's3-identities.json');
    // A stand-in for weed that prints its arguments: start.sh must exec it with the identities file.
    writeFileSync(bin, '#!/bin/sh\necho "weed $*"\n', { mode: 0o755 });
    const run = (dir: string) =>
      spawnSync('sh', [join(root, 'deploy', 'seaweedfs', 'start.sh')], {
        encoding: 'utf8',
        env: {
          PATH: process.env['PATH'],
          EVENTONIGHT_SECRETS_DIR: dir,
          EVENTONIGHT_S3_CONFIG: config,
          EVENTONIGHT_DATA_DIR: join(tmp, 'seaweedfs-data'),
          EVENTONIGHT_WEED: bin,
          S3_ADMIN_ACCESS_KEY: 'eventonight-admin',
          MEDIA_S3_ACCESS_KEY: 'eventonight-media',
          S3_BUCKET: 'media-bucket',
        },
      });
    const ok = run(secretsDir);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, new RegExp(`^weed .* server .*-s3 .*-s3\\.port=9000 -s3\\.config=${config} -s3\\.iam=false`));
    assert.match(ok.stdout, /-ip\.bind=127\.0\.0\.1 .*-master\.telemetry=false .*-s3\.ip\.bind=0\.0\.0\.0/, 'inner parts on loopback, only S3 on the network');
    const read = (name: string) => readFileSync(join(secretsDir, name), 'utf8').trim();
    const identities = (JSON.parse(readFileSync(config, 'utf8')) as { identities: { name: string; credentials: { accessKey: string; secretKey: string }[]; actions: string[] }[] }).identities;
    const media = identities.find((i) => i.name === 'media');
    const admin = identities.find((i) => i.name === 'admin');
    assert.deepEqual(media?.credentials, [{ accessKey: 'eventonight-media', secretKey: read('media_s3_secret_key') }]);
    assert.deepEqual(media?.actions.slice().sort(), ['List:media-bucket', 'Read:media-bucket', 'Tagging:media-bucket', 'Write:media-bucket']);
    assert.deepEqual(admin?.credentials, [{ accessKey: 'eventonight-admin', secretKey: read('s3_admin_secret_key') }]);
    assert.equal(statSync(config).mode & 0o077, 0, 'the identities file is readable by its owner only');
    const weak = join(tmp, 'weak-seaweedfs');
    cpSync(secretsDir, weak, { recursive: true });
    writeFileSync(join(weak, 's3_admin_secret_key'), '');
    const refused = run(weak);
    assert.equal(refused.status, 1);
    assert.equal(refused.stdout, '', 'SeaweedFS is not started');
    assert.match(refused.stderr, /s3_admin_secret_key is empty/);
  });

  test('seaweedfs-init creates the bucket with a signed PUT, the key pair on stdin rather than the command line', () => {
    const bin = join(tmp, 'fake-curl-bin');
    const log = join(tmp, 'curl.log');
    mkdirSync(bin, { recursive: true });
    // A stand-in for curl: records its arguments and what it read on stdin, answers 409 (exists).
    writeFileSync(join(bin, 'curl'), `#!/bin/sh\necho "args $*" >> ${log}\necho "stdin $(cat)" >> ${log}\nprintf 409\n`, { mode: 0o755 });
    const result = spawnSync('sh', [join(root, 'deploy', 'seaweedfs', 'init.sh')], {
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env['PATH']}`, EVENTONIGHT_SECRETS_DIR: secretsDir, S3_ADMIN_ACCESS_KEY: 'eventonight-admin', S3_BUCKET: 'media-bucket' },
    });
    assert.equal(result.status, 0, result.stderr);
    const secret = readFileSync(join(secretsDir, 's3_admin_secret_key'), 'utf8').trim();
    const [args = '', stdin = ''] = readFileSync(log, 'utf8').trim().split('\n');
    assert.match(args, /-X PUT --aws-sigv4 aws:amz:us-east-1:s3 http:\/\/seaweedfs:9000\/media-bucket$/);
    assert.ok(!args.includes(secret), 'the secret is not on the command line');
    assert.equal(stdin, `stdin user = "eventonight-admin:${secret}"`);
  });

  test('the production realm has no test client, no password grant and no fallback secret', () => {
    const realm = JSON.parse(readFileSync(join(root, 'keycloak', 'realm-eventonight.json'), 'utf8')) as {
      clients: { clientId: string; secret?: string; directAccessGrantsEnabled?: boolean; publicClient?: boolean }[];
    };
    const ids = realm.clients.map((c) => c.clientId);
    assert.ok(!ids.includes('eventonight-test'), 'eventonight-test must not be in the production realm');
    // Password guessing is Keycloak's to stop, per account (the edge's per-address limit only
    // covers the form posts): temporary lockouts whose wait grows, never a permanent one.
    const guard = realm as unknown as Record<string, unknown>;
    assert.equal(guard['bruteForceProtected'], true, 'brute-force detection on');
    assert.equal(guard['permanentLockout'], false, 'no permanent lockout: anyone knowing an address could lock its owner out for good');
    assert.equal(guard['maxTemporaryLockouts'], 0, 'temporary lockouts never turn permanent');
    assert.equal(guard['bruteForceStrategy'], 'LINEAR', 'each failure past the factor adds a wait increment');
    const [factor, increment, ceiling] = [guard['failureFactor'], guard['waitIncrementSeconds'], guard['maxFailureWaitSeconds']] as number[];
    assert.ok(factor !== undefined && factor >= 3 && factor <= 10, `failureFactor ${factor}: a few typos are not a lockout`);
    assert.ok(increment !== undefined && ceiling !== undefined && increment > 0 && ceiling >= 10 * increment, `the wait grows from ${increment} s to ${ceiling} s`);
    for (const client of realm.clients) {
      assert.notEqual(client.directAccessGrantsEnabled, true, `${client.clientId}: password grant in production`);
      if (client.secret !== undefined) {
        assert.match(client.secret, /^\$\{[A-Z_]+\}$/, `${client.clientId}: the secret is a placeholder without a fallback`);
        const variable = client.secret.slice(2, -1);
        assert.match(readFileSync(join(root, 'deploy', 'keycloak', 'start.sh'), 'utf8'), new RegExp(`export [^\\n]*\\b${variable}\\b`), `${variable} is set by deploy/keycloak/start.sh`);
      }
    }
    // Local runs import the realm merged with the overlay (infra/ctl.sh), which the tests need.
    const merged = spawnSync(process.execPath, [join(root, 'infra/realm-overlay.mjs'), join(root, 'keycloak/realm-eventonight.json'), join(root, 'keycloak/realm-local-overlay.json')], { encoding: 'utf8' });
    assert.equal(merged.status, 0, merged.stderr);
    const local = JSON.parse(merged.stdout) as typeof realm;
    const testClient = local.clients.find((c) => c.clientId === 'eventonight-test');
    assert.equal(testClient?.directAccessGrantsEnabled, true, 'the local realm keeps the password-grant test client');
    assert.equal(local.clients.find((c) => c.clientId === 'user-service')?.secret, '${USER_SERVICE_CLIENT_SECRET:user-service-secret}');
  });

  test("the object store is reached on the private network; only signed URLs name the public host", () => {
    const media = asMap(services['media']?.environment);
    const endpoint = new URL(media['S3_ENDPOINT'] ?? '');
    const store = services[endpoint.hostname];
    assert.ok(store !== undefined, `S3_ENDPOINT ${endpoint.href} must name a compose service`);
    const shared = asList(store.networks).filter((n) => asList(services['media']?.networks).includes(n));
    assert.ok(shared.length > 0, 'media and the object store share a network');
    assert.equal(store.ports, undefined, 'the object store publishes no host port (browsers come through Traefik)');
    const publicUrl = interpolate(media['S3_PUBLIC_URL'] ?? '', env, new Set());
    assert.match(publicUrl, /^https:\/\//);
    assert.notEqual(new URL(publicUrl).host, endpoint.host);
  });

  test('Keycloak: console only on the host loopback (SSH tunnel), Redis password out of the command line', () => {
    const keycloak = services['keycloak'] as ComposeService;
    for (const port of keycloak.ports ?? []) assert.match(port, /^"?127\.0\.0\.1:/, `keycloak publishes ${port} beyond loopback`);
    const admin = interpolate(asMap(keycloak.environment)['KC_HOSTNAME_ADMIN'] ?? '', env, new Set());
    assert.equal(admin, `http://localhost:${env.get('KEYCLOAK_CONSOLE_PORT')}`);
    const redis = services['redis'] as ComposeService;
    assert.deepEqual(redis.command, ['redis-server', '/run/secrets/redis.conf']);
    assert.match(readFileSync(join(secretsDir, 'redis.conf'), 'utf8'), /^requirepass [0-9a-f]{64}$/m);
    assert.doesNotMatch(JSON.stringify(redis.command), /requirepass/);
    assert.equal(asMap(redis.environment)['REDISCLI_AUTH'], undefined, 'the health check reads the password from the file');
  });

  test('tokens are checked against the public issuer and keys fetched from inside', () => {
    const missing = new Set<string>();
    const resolve = (value: string | undefined) => interpolate(value ?? '', envExample, missing);
    const publicAuth = `https://auth.${envExample.get('DOMAIN')}`;
    const keycloak = asMap(services['keycloak']?.environment);
    assert.equal(resolve(keycloak['KC_HOSTNAME']), publicAuth, 'Keycloak must issue tokens for the public issuer');
    for (const app of appNames) {
      const appEnv = asMap(services[app]?.environment);
      assert.equal(resolve(appEnv['JWT_ISSUER']), `${publicAuth}/realms/eventonight`, `${app}: JWT_ISSUER`);
      assert.equal(resolve(appEnv['JWKS_URL']), 'http://keycloak:8080/realms/eventonight/protocol/openid-connect/certs', `${app}: JWKS_URL`);
    }
    assert.deepEqual([...missing], []);
  });

  test("the object store is on a network of its own, which only Traefik, media, seaweedfs-init and the backup job join", () => {
    // -s3.ip.bind=0.0.0.0 opens the S3 gateway's unauthenticated gRPC port (S3 port + 10000) on
    // every network the store is on: those networks' members are who can reach it.
    assert.deepEqual(asList(services['seaweedfs']?.networks), ['objects'], 'the store is on the objects network only');
    assert.equal(compose.networks?.['objects']?.internal, true, 'objects is internal (no route out)');
    const members = Object.entries(services)
      .filter(([, s]) => asList(s.networks).includes('objects'))
      .map(([name]) => name)
      .sort();
    assert.deepEqual(members, ['backup', 'media', 'seaweedfs', 'seaweedfs-init', 'traefik']);
    for (const [name, service] of Object.entries(services)) {
      if (asList(service.networks).includes('objects')) continue;
      const sharesOne = asList(service.networks).some((n) => asList(services['seaweedfs']?.networks).includes(n));
      assert.equal(sharesOne, false, `${name} shares a network with the object store`);
    }
    const start = readFileSync(join(root, 'deploy', 'seaweedfs', 'start.sh'), 'utf8');
    assert.match(start, /-s3\.ip\.bind=0\.0\.0\.0/, 'what the network guards: the gateway listens on every address of the container');
  });

  test('Keycloak believes X-Forwarded-* only from the network Traefik reaches it on', () => {
    const keycloak = services['keycloak'] as ComposeService;
    const trusted = asMap(keycloak.environment)['KC_PROXY_TRUSTED_ADDRESSES'];
    const subnet = compose.networks?.['eventonight-network']?.ipam?.config?.[0]?.subnet;
    assert.ok(subnet !== undefined, 'eventonight-network has a fixed subnet');
    assert.equal(trusted, subnet, 'KC_PROXY_TRUSTED_ADDRESSES is that subnet');
    assert.equal(asMap(keycloak.environment)['KC_PROXY_HEADERS'], 'xforwarded');
    const shared = asList(services['traefik']?.networks).filter((n) => asList(keycloak.networks).includes(n));
    assert.deepEqual(shared, ['eventonight-network'], 'Traefik reaches Keycloak on that network alone');
    for (const other of ['edge', 'ops']) {
      const theirs = compose.networks?.[other]?.ipam?.config?.[0]?.subnet ?? '';
      assert.ok(!inSubnet(subnet.split('/')[0] as string, theirs) && !inSubnet(theirs.split('/')[0] as string, subnet), `eventonight-network and ${other} must not overlap`);
    }
  });

  test("notification's Socket.IO grants CORS to the web app's origin only", async () => {
    const notification = services['notification'] as ComposeService;
    const missing = new Set<string>();
    const value = interpolate(asMap(notification.environment)['SOCKET_CORS_ORIGINS'] ?? '', envExample, missing);
    assert.deepEqual([...missing], []);
    assert.equal(value, envExample.get('WEB_APP_URL'));
    assert.equal(value, `https://app.${envExample.get('DOMAIN')}`, 'the app is served at app.<DOMAIN>');
    // The service's own parser takes it as production would hand it over.
    const parsed = parseConfig((await configSchemaOf('notification')) as never, processEnv(notification, env, secretsDir));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
    assert.deepEqual((parsed.config as { SOCKET_CORS_ORIGINS?: unknown }).SOCKET_CORS_ORIGINS, [value]);
  });

  test('event and ticketing link to the web app: calendar files, and the feed address on its origin', async () => {
    for (const name of ['event', 'ticketing'] as const) {
      const service = services[name] as ComposeService;
      const missing = new Set<string>();
      const value = interpolate(asMap(service.environment)['APP_URL'] ?? '', envExample, missing);
      assert.deepEqual([...missing], []);
      assert.equal(value, envExample.get('WEB_APP_URL'), `${name}'s APP_URL is the web app`);
      const parsed = parseConfig((await configSchemaOf(name)) as never, processEnv(service, env, secretsDir));
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
      assert.equal((parsed.config as { APP_URL?: unknown }).APP_URL, value);
    }
  });

  test('only Traefik and cloudflared share the edge network', () => {
    const members = Object.entries(services)
      .filter(([, s]) => asList(s.networks).includes('edge'))
      .map(([name]) => name)
      .sort();
    assert.deepEqual(members, ['cloudflared', 'traefik']);
  });

  test('the backup job: profile backup, one-shot, read-only, the Dockerfile target of the backup tool', () => {
    const backup = services['backup'];
    assert.ok(backup !== undefined, 'no backup service');
    assert.deepEqual(backup.profiles, ['backup'], 'only on demand (deploy/backup.sh), never with a plain `up`');
    assert.equal(asMap(backup.labels)[ONE_SHOT_LABEL], 'true');
    assert.equal(backup.restart, 'no');
    assert.equal(backup.read_only, true);
    assert.match(backup.user ?? '', /^\d+:\d+$/, 'not root; deploy/backup.sh passes the deploy user');
    assert.deepEqual(backup.build, { context: '.', dockerfile: 'Dockerfile', target: 'backup' });
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    assert.match(dockerfile, /^FROM \S+ AS backup$/m, 'the Dockerfile has the backup stage');
    assert.match(dockerfile, /npx tsc -p scripts\/backup\/tsconfig\.json/, 'the stage compiles scripts/backup, the tool the tests run');
    assert.match(dockerfile, /^ENTRYPOINT \["node", "\/app\/backup\/cli\.js"\]$/m);
    assert.ok(readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').includes('backups'), 'backups never enter the build context');
    assert.match(envExample.get('BACKUP_DIR') ?? '', /\S/, '.env.example sets BACKUP_DIR');
  });

  test('the ops network: internal, a fixed subnet, joining the services, RabbitMQ, the backup job and the monitoring only', () => {
    const ops = compose.networks?.['ops'];
    assert.equal(ops?.internal, true, 'ops must be internal (no route out)');
    const subnet = ops?.ipam?.config?.[0]?.subnet;
    assert.ok(subnet !== undefined, 'ops has a fixed subnet, which OPS_HOST names');
    const edgeSubnet = compose.networks?.['edge']?.ipam?.config?.[0]?.subnet ?? '';
    assert.ok(!inSubnet(subnet.split('/')[0] as string, edgeSubnet) && !inSubnet(edgeSubnet.split('/')[0] as string, subnet), 'ops and edge must not overlap');
    const members = Object.entries(services)
      .filter(([, s]) => asList(s.networks).includes('ops'))
      .map(([name]) => name)
      .sort();
    // …and the monitoring, which scrapes the ops listeners and RabbitMQ and takes traces (ADR 0037).
    assert.deepEqual(members, [...appNames, 'backup', 'rabbitmq', 'prometheus', 'alertmanager', 'jaeger', 'grafana', 'backup-metrics'].sort());
    assert.deepEqual(asList(services['backup']?.networks).sort(), ['ops', 'objects', ...appNames.map((a) => `${a}-network`)].sort(), 'the backup job is on no other network');
    for (const app of appNames) {
      const service = services[app] as ComposeService;
      const appEnv = asMap(service.environment);
      assert.equal(appEnv['OPS_HOST'], subnet, `${app}: the ops listener binds to its address in the ops network`);
      assert.equal(appEnv['OPS_TOKEN_FILE'], '/run/secrets/ops_token', `${app}: with the ops token`);
      assert.equal(secretMounts(service).get('ops_token'), 'ops_token');
      const networks = service.networks as Record<string, { aliases?: string[] } | null>;
      assert.deepEqual(networks['ops']?.aliases, [`${app}-ops`], `${app}: an alias that resolves to its ops-network address only`);
      const token = readFileSync(join(secretsDir, 'ops_token'), 'utf8').trim();
      assert.equal(opsAccessProblem(subnet.replace(/0\/\d+$/, '7'), token), undefined, 'the generated token is accepted off loopback');
    }
  });

  test("the backup job's environment makes the production targets: each service's ops alias, its mongod as root, RabbitMQ's monitoring user, the admin S3 key", () => {
    const backup = services['backup'] as ComposeService;
    const mounts = secretMounts(backup);
    const missing = new Set<string>();
    const backupEnv = Object.fromEntries(Object.entries(asMap(backup.environment)).map(([key, value]) => [key, interpolate(value, env, missing)]));
    assert.deepEqual([...missing], []);
    // The container's /run/secrets/<name>, read from the files make-secrets.sh made: only mounted ones.
    const read = (path: string): string => {
      const name = /^\/run\/secrets\/(.+)$/.exec(path)?.[1];
      assert.ok(name !== undefined && mounts.has(name), `the backup job reads ${path}, which it does not mount`);
      return readFileSync(join(secretsDir, mounts.get(name) as string), 'utf8');
    };
    const targets = targetsFromEnv(backupEnv, read);
    assert.deepEqual(targets.services.map((s) => s.name), appNames);
    for (const target of targets.services) {
      const app = target.name as AppService;
      const appEnv = asMap(services[app]?.environment);
      assert.equal(target.opsUrl, `http://${app}-ops:${appEnv['OPS_PORT']}`, `${app}: its ops listener`);
      assert.equal(target.database, appEnv['MONGO_DB'], `${app}: its database`);
      assert.equal(target.opsToken, readFileSync(join(secretsDir, 'ops_token'), 'utf8').trim());
      const url = new URL(mongoUrlOf(targets, target));
      assert.equal(url.host, `${app}-mongo:27017`);
      assert.equal(url.username, 'root');
      assert.equal(decodeURIComponent(url.password), readFileSync(join(secretsDir, `${app}_mongo_root_password`), 'utf8').trim());
      assert.equal(url.searchParams.get('authSource'), 'admin');
      assert.ok(asList(backup.networks).includes(`${app}-network`), `${app}: the backup job reaches ${app}-mongo`);
    }
    assert.equal(targets.objects.endpoint.href, 'http://seaweedfs:9000/');
    assert.equal(targets.objects.accessKey, envExample.get('S3_ADMIN_ACCESS_KEY'));
    assert.equal(targets.objects.secretKey, readFileSync(join(secretsDir, 's3_admin_secret_key'), 'utf8').trim());
    // RabbitMQ: the user exists in the definitions with that very password, may monitor, and touches no resource.
    assert.equal(targets.rabbitmq.managementUrl, 'http://rabbitmq:15672');
    const definitions = JSON.parse(readFileSync(join(secretsDir, 'rabbitmq_definitions.json'), 'utf8')) as {
      users: { name: string; password_hash: string; tags: string[] }[];
      permissions: { user: string; vhost: string; configure: string; write: string; read: string }[];
    };
    const user = definitions.users.find((u) => u.name === targets.rabbitmq.user);
    assert.ok(user !== undefined, `no RabbitMQ user ${targets.rabbitmq.user}`);
    assert.deepEqual(user.tags, ['monitoring']);
    const hash = Buffer.from(user.password_hash, 'base64');
    const digest = createHash('sha256').update(Buffer.concat([hash.subarray(0, 4), Buffer.from(targets.rabbitmq.password)])).digest();
    assert.deepEqual(hash.subarray(4), digest, 'the definitions hold the hash of the password the backup job sends');
    assert.deepEqual(definitions.permissions.filter((p) => p.user === user.name), [{ user: user.name, vhost: '/', configure: '^$', write: '^$', read: '^$' }]);
    assert.equal(targets.keycloak, undefined, 'Keycloak\'s pg_dump is named per run by deploy/backup.sh');
  });

  test('RabbitMQ enables the management plugin the backup job reads queue depths from', () => {
    const rabbit = services['rabbitmq'] as ComposeService;
    assert.ok((rabbit.volumes ?? []).includes('./deploy/rabbitmq/enabled_plugins:/etc/rabbitmq/enabled_plugins:ro'));
    const plugins = readFileSync(join(root, 'deploy', 'rabbitmq', 'enabled_plugins'), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('%'))
      .join('');
    assert.match(plugins, /^\[[a-z_,]*\brabbitmq_management\b[a-z_,]*\]\.$/, 'an Erlang list of plugins, ending with a dot');
  });

  test("the restore drill's override (as Compose v2 loads it) clashes with nothing of production's", () => {
    const envFile = join(tmp, 'operator-drill.env');
    writeEnvFile(envFile, env);
    const files = `${composePath},${join(root, 'deploy', 'drill', 'compose.drill.yml')}`;
    const loaded = spawnSync(composeV2(), [files, envFile, root], { encoding: 'utf8', env: { ...process.env, COMPOSE_V2_PRINT: 'json' } });
    assert.equal(loaded.status, 0, loaded.stdout + loaded.stderr);
    const drill = JSON.parse(loaded.stdout) as {
      networks: Record<string, { name?: string; internal?: boolean; ipam?: { config?: { subnet?: string }[] } }>;
      services: Record<string, { environment?: Record<string, string | null>; ports?: { published?: string }[] }>;
    };
    const subnets = (name: string) => (drill.networks[name]?.ipam?.config ?? []).map((c) => c.subnet);
    const production = (name: string) => (compose.networks?.[name]?.ipam?.config ?? []).map((c) => c.subnet);
    assert.equal(drill.networks['eventonight-network']?.name, 'eventonight-drill-network', 'the fixed-name network is the drill\'s own');
    // Every network production gives a fixed subnet (all of them: docker-compose.yml says why).
    const fixed = Object.keys(compose.networks ?? {}).filter((name) => production(name).length > 0);
    assert.ok(fixed.length >= 13, `fixed subnets: ${fixed.join(', ')}`);
    for (const name of fixed) {
      assert.equal(subnets(name).length, 1, `${name}: one subnet, replaced rather than added to`);
      const [mine] = subnets(name) as [string];
      for (const theirs of fixed.flatMap(production)) {
        assert.ok(theirs !== undefined && !inSubnet(mine.split('/')[0] as string, theirs) && !inSubnet(theirs.split('/')[0] as string, mine), `${name}: ${mine} overlaps production's ${theirs}`);
      }
    }
    assert.equal(drill.networks['ops']?.internal, true);
    // The monitoring has production's fixed addresses and would alert for a scratch copy: left out.
    for (const server of ['prometheus', 'alertmanager', 'jaeger', 'grafana', 'backup-metrics']) {
      assert.equal(drill.services[server], undefined, `${server}: not part of the drill`);
    }
    for (const app of appNames) assert.equal(drill.services[app]?.environment?.['OTEL_SDK_DISABLED'], 'true', `${app}: traces nowhere in the drill`);
    for (const app of appNames) assert.equal(drill.services[app]?.environment?.['OPS_HOST'], subnets('ops')[0], `${app}: binds in the drill's ops subnet`);
    assert.equal(drill.services['keycloak']?.environment?.['KC_PROXY_TRUSTED_ADDRESSES'], subnets('eventonight-network')[0], "Keycloak trusts the drill's Traefik, on the drill's network");
    const script = readFileSync(join(root, 'deploy', 'restore-drill.sh'), 'utf8');
    assert.match(
      script,
      /^export HTTP_PORT=\$\{DRILL_HTTP_PORT:-18080\} KEYCLOAK_CONSOLE_PORT=\$\{DRILL_KEYCLOAK_CONSOLE_PORT:-18081\} FILES_HTTP_PORT=\$\{DRILL_FILES_HTTP_PORT:-18088\}$/m,
      'host ports other than production\'s',
    );
    // The drill's files come after the deployment's own (the local engine's override, if any).
    assert.match(script, /^export COMPOSE_FILE=\$\{COMPOSE_FILE:-docker-compose\.yml\}:deploy\/drill\/compose\.drill\.yml$/m);
    assert.match(script, /^readonly drill_project=eventonight-drill$/m);
    assert.match(script, /down -v/);
    // Removing the scratch copy names its project explicitly: never production's volumes.
    for (const line of script.split('\n').filter((l) => /down -v/.test(l))) assert.match(line, /-p "?\$drill_project"? down -v/);
  });
});
