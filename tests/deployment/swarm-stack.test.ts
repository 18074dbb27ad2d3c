/**
 * The Swarm stack (deploy/swarm/stack.yml) checked without an engine: its parsed content held to
 * the rules of docs/scaling.md (every service replicated, rolled one replica at a time and health
 * checked; cluster members pinned one per node; one-shots never restarted; nothing built), and the
 * files around it kept in step with it (the configs deploy.sh hashes, Traefik's entry points, the
 * secrets make-secrets.sh --swarm writes). Running it for real is tests/swarm (npm run test:swarm).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseConfig, baseServiceConfig } from '@eventonight/platform';

const root = resolve(import.meta.dirname, '../..');
const swarmDir = join(root, 'deploy', 'swarm');
const APP_SERVICES = ['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media'] as const;

interface Deploy {
  mode?: string;
  replicas?: number;
  endpoint_mode?: string;
  update_config?: { parallelism?: number; order?: string; failure_action?: string };
  restart_policy?: { condition?: string };
  placement?: { constraints?: string[]; preferences?: Array<{ spread: string }> };
  labels?: Record<string, string>;
}

interface StackService {
  image?: string;
  build?: unknown;
  hostname?: string;
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  secrets?: Array<string | { source: string; uid?: string; mode?: number }>;
  configs?: Array<{ source: string; target: string }>;
  networks?: string[] | Record<string, unknown>;
  deploy?: Deploy;
}

interface Stack {
  services: Record<string, StackService>;
  networks: Record<string, { driver?: string; internal?: boolean; driver_opts?: Record<string, string> }>;
  configs: Record<string, { name: string; file: string }>;
  secrets: Record<string, { file: string }>;
}

// YAML 1.1 as Docker reads it (merge keys, 0400 octal); the stack reuses its anchors more often than
// yaml's default guard allows.
const stack = parse(readFileSync(join(swarmDir, 'stack.yml'), 'utf8'), { version: '1.1', maxAliasCount: -1 }) as Stack;
const service = (name: string): StackService => {
  const found = stack.services[name];
  assert.ok(found !== undefined, `stack service ${name}`);
  return found;
};
const memberOf = (name: string): string | undefined => service(name).deploy?.placement?.constraints?.find((c) => c.startsWith('node.labels.eventonight.member'));

describe('deploy/swarm/stack.yml', () => {
  test('every stateless service: 2 replicas or more, rolled one at a time start-first with rollback, health-checked, no virtual IP', () => {
    for (const name of [...APP_SERVICES, 'web', 'keycloak']) {
      const { deploy, healthcheck, build } = service(name);
      assert.equal(build, undefined, `${name} is not built by the stack`);
      assert.ok((deploy?.replicas ?? 0) >= 2, `${name} replicas`);
      assert.deepEqual(
        { parallelism: deploy?.update_config?.parallelism, order: deploy?.update_config?.order, failure_action: deploy?.update_config?.failure_action },
        { parallelism: 1, order: 'start-first', failure_action: 'rollback' },
        `${name} update_config`,
      );
      assert.ok(healthcheck !== undefined, `${name} healthcheck`);
      assert.equal(deploy?.endpoint_mode, 'dnsrr', `${name}: this kernel has no IPVS for virtual IPs`);
    }
  });

  test('no service is built, every image is pinned to a tag', () => {
    for (const [name, { build, image }] of Object.entries(stack.services)) {
      assert.equal(build, undefined, `${name}`);
      assert.match(image ?? '', /:[^:/]+$|@sha256:/, `${name} image ${image ?? ''}`);
    }
  });

  test("each service's settings parse with the platform's config, replica-set options included", () => {
    for (const name of APP_SERVICES) {
      // ${NAME:-default} as the deployment's shell would give it without .env's value.
      const env = Object.fromEntries(Object.entries(service(name).environment ?? {}).map(([key, value]) => [key, String(value).replace(/\$\{[A-Z_]+(?::-([^}]*))?[^}]*\}/g, (_, fallback: string | undefined) => fallback ?? 'set-by-env')]));
      // The files are Docker secrets at run time; any URL of the right form stands in here.
      const parsed = parseConfig(baseServiceConfig, {
        ...env,
        MONGO_URL: `mongodb://${name}:p@${name}-mongo-1:27017,${name}-mongo-2:27017,${name}-mongo-3:27017/${name}?replicaSet=rs-${name}`,
        AMQP_URL: 'amqp://u:p@rabbitmq-1:5672,amqp://u:p@rabbitmq-2:5672,amqp://u:p@rabbitmq-3:5672',
        JWT_ISSUER: 'https://auth.example/realms/eventonight',
        MONGO_URL_FILE: undefined,
        AMQP_URL_FILE: undefined,
        OPS_TOKEN_FILE: undefined,
      });
      assert.ok(parsed.ok, `${name}: ${parsed.ok ? '' : parsed.message}`);
      assert.equal(parsed.config.MONGO_RETRY_WRITES, true);
      assert.ok(parsed.config.SHUTDOWN_DRAIN_MS > 0, `${name} drains before it stops`);
    }
  });

  test('Traefik and cloudflared run on every manager; Traefik routes to the Swarm provider, notification is sticky', () => {
    for (const name of ['traefik', 'cloudflared']) {
      const { deploy } = service(name);
      assert.equal(deploy?.mode, 'global', `${name} mode`);
      assert.deepEqual(deploy?.placement?.constraints, ['node.role == manager'], `${name} placement`);
    }
    assert.equal(service('traefik').environment?.['TRAEFIK_UPSTREAMS'], 'swarm');
    const labels = service('notification').deploy?.labels ?? {};
    assert.equal(labels['traefik.http.services.notification.loadbalancer.sticky.cookie.name'], 'eventonight_notification');
    for (const name of [...APP_SERVICES, 'web', 'keycloak']) {
      assert.equal(service(name).deploy?.labels?.['traefik.enable'], 'true', `${name} is found by Traefik`);
    }
  });

  test('RabbitMQ: three members, one per node, sharing the Erlang cookie; every MongoDB replica set: three members, one per node', () => {
    assert.deepEqual(['rabbitmq-1', 'rabbitmq-2', 'rabbitmq-3'].map(memberOf), [1, 2, 3].map((n) => `node.labels.eventonight.member == ${n}`));
    for (const n of [1, 2, 3]) {
      assert.equal(service(`rabbitmq-${n}`).hostname, `rabbitmq-${n}`, 'the member name survives re-creation');
      assert.ok(service(`rabbitmq-${n}`).secrets?.includes('rabbitmq_erlang_cookie'));
    }
    for (const name of APP_SERVICES) {
      const members = [1, 2, 3].map((n) => `${name}-mongo-${n}`);
      assert.deepEqual(members.map(memberOf), [1, 2, 3].map((n) => `node.labels.eventonight.member == ${n}`), `${name}'s members`);
      for (const member of members) {
        const command = (service(member) as { command?: string[] }).command ?? [];
        assert.deepEqual(command.slice(0, 4), ['--replSet', `rs-${name}`, '--keyFile', '/run/secrets/mongo_keyfile'], `${member} command`);
        const keyfile = service(member).secrets?.find((s) => typeof s === 'object' && s.source === 'mongo_keyfile');
        assert.ok(typeof keyfile === 'object' && keyfile.uid === '999' && keyfile.mode === 0o400, `${member}: the keyfile belongs to mongodb, mode 0400`);
      }
    }
  });

  test('one-shot jobs are never restarted', () => {
    for (const name of ['seed', 'backup', 'mongo-rs-init']) assert.equal(service(name).deploy?.restart_policy?.condition, 'none', name);
  });

  test('private networks are encrypted overlays; the subnets the settings name are fixed', () => {
    for (const [name, network] of Object.entries(stack.networks)) {
      assert.equal(network.driver, 'overlay', name);
      assert.equal(network.driver_opts?.['encrypted'], 'true', `${name} is encrypted`);
    }
    const subnet = (name: string) => (stack.networks[name] as { ipam?: { config: Array<{ subnet: string }> } }).ipam?.config[0]?.subnet;
    assert.equal(subnet('ops'), '172.30.1.0/24');
    assert.equal(service('user').environment?.['OPS_HOST'], '172.30.1.0/24');
    assert.equal(subnet('eventonight-network'), '172.30.2.0/24');
    assert.equal(service('keycloak').environment?.['KC_PROXY_TRUSTED_ADDRESSES'], '172.30.2.0/24');
  });

  test("deploy.sh names each of the stack's configs by a hash of exactly its file", () => {
    const script = readFileSync(join(swarmDir, 'deploy.sh'), 'utf8');
    const listed = Object.fromEntries([...script.matchAll(/^\s+\[([a-z_]+)\]=(\S+)$/gm)].map((m) => [m[1] ?? '', resolve(swarmDir, m[2] ?? '')]));
    const used = Object.fromEntries(Object.entries(stack.configs).map(([key, config]) => [key, resolve(swarmDir, config.file)]));
    assert.deepEqual(listed, used);
    for (const [key, config] of Object.entries(stack.configs)) assert.ok(config.name.includes(`\${CONFIG_${key}:?`), `${key}: a changed file gets a new config name`);
  });

  test("Keycloak's theme reaches the replicas file by file, each where the one-host mount puts it", () => {
    // A config is one file: every file of keycloak/themes/eventonight must be one, or a page loses its look.
    const themeDir = join(root, 'keycloak', 'themes', 'eventonight');
    const files = readdirSync(themeDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(themeDir.length + 1))
      .sort();
    const mounted = (service('keycloak').configs ?? [])
      .filter((config) => config.target.startsWith('/opt/keycloak/themes/eventonight/'))
      .map((config) => {
        assert.equal(resolve(swarmDir, stack.configs[config.source]?.file ?? ''), join(themeDir, config.target.slice('/opt/keycloak/themes/eventonight/'.length)), `${config.source}: its own file`);
        return config.target.slice('/opt/keycloak/themes/eventonight/'.length);
      })
      .sort();
    assert.deepEqual(mounted, files);
    assert.ok(service('keycloak').secrets?.includes('smtp_url'), 'start.sh reads the mail server');
    assert.ok(service('notification').secrets?.includes('smtp_url'), 'the notification service sends through it');
  });

  test("Traefik's Swarm static file has the one-host file's entry points, plus only the unreachable default one", () => {
    const single = parse(readFileSync(join(root, 'traefik', 'traefik.yml'), 'utf8')) as { entryPoints: Record<string, unknown> };
    const swarm = parse(readFileSync(join(swarmDir, 'traefik.yml'), 'utf8')) as { entryPoints: Record<string, { address: string; asDefault?: boolean }>; providers: Record<string, unknown> };
    const { unrouted, ...shared } = swarm.entryPoints;
    assert.deepEqual(shared, single.entryPoints);
    assert.equal(unrouted?.address.startsWith('127.0.0.1:'), true);
    assert.equal(unrouted?.asDefault, true);
    assert.deepEqual(Object.keys(swarm.providers).sort(), ['file', 'swarm']);
  });

  describe('deploy/make-secrets.sh --swarm', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'swarm-secrets-'));
      const made = spawnSync('bash', [join(root, 'deploy', 'make-secrets.sh'), '--swarm', dir], { encoding: 'utf8' });
      assert.equal(made.status, 0, made.stderr);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('writes every secret the stack names, except the operator-given tunnel token', () => {
      const files = new Set(readdirSync(dir));
      const missing = Object.values(stack.secrets)
        .map((secret) => secret.file.split('/').at(-1) ?? '')
        .filter((file) => !files.has(file) && file !== 'cloudflare_tunnel_token');
      assert.deepEqual(missing, []);
    });

    test('URLs name every member: a replica set per service, the three brokers', () => {
      const url = readFileSync(join(dir, 'ticketing_mongo_url'), 'utf8').trim();
      assert.match(url, /@ticketing-mongo-1:27017,ticketing-mongo-2:27017,ticketing-mongo-3:27017\/ticketing\?authSource=ticketing&replicaSet=rs-ticketing$/);
      const amqp = readFileSync(join(dir, 'ticketing_amqp_url'), 'utf8').trim().split(',');
      assert.deepEqual(amqp.map((entry) => new URL(entry).host), ['rabbitmq-1:5672', 'rabbitmq-2:5672', 'rabbitmq-3:5672']);
      const keyfile = readFileSync(join(dir, 'mongo_keyfile'), 'utf8').trim();
      assert.match(keyfile, /^[A-Za-z0-9+/=]{6,1024}$/, "mongod's keyFile rules");
    });
  });
});
