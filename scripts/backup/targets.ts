import { readFileSync } from 'node:fs';

/**
 * What a backup or a restore works on (ADR 0017). Everything comes from the environment, so the
 * same code serves the local platform (`scripts/backup.sh`), a test's own system and production
 * (the compose one-shot `backup`, deploy/backup.sh): there secrets are files (`<NAME>_FILE`) and
 * each service has its own mongod.
 */

export interface ServiceTarget {
  name: string;
  /** The service's ops listener (POST /quiesce, POST /resume, GET /quiesce). */
  opsUrl: string;
  /** The service's own database. */
  database: string;
  /** Where that database lives, when not at Targets.mongoUrl (production: one mongod per service). */
  mongoUrl?: string;
  /** The ops listener's bearer token (production: it listens on the `ops` network). */
  opsToken?: string;
}

export interface RabbitTarget {
  managementUrl: string;
  user: string;
  password: string;
  vhost: string;
}

export interface ObjectStoreTarget {
  endpoint: URL;
  region: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
}

/** Keycloak's local H2 database: stopped, copied (or replaced), started again through infra/ctl.sh. */
export interface H2KeycloakTarget {
  kind: 'h2';
  h2Dir: string;
  ctlScript: string;
}

/**
 * Production: Keycloak's PostgreSQL, dumped by deploy/backup.sh with pg_dump inside the keycloak-db
 * container while the services are quiesced; the tool takes that file into the backup and its
 * manifest. Restoring it (pg_restore) is deploy/restore.sh's step, not the tool's.
 */
export interface PgDumpKeycloakTarget {
  kind: 'pg_dump';
  dumpFile: string;
}

export type KeycloakTarget = H2KeycloakTarget | PgDumpKeycloakTarget;

/**
 * Every address a host name stands for right now (default: node:dns lookup with all: true, which
 * in a Docker Swarm gives one address per replica for `tasks.<service>`). A parameter so that a
 * test can stand for a name with several addresses; env never sets it.
 */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export interface Targets {
  services: ServiceTarget[];
  /** How the host names of the ops URLs become addresses; absent: DNS (quiesce.ts, resolveHost). */
  resolveHost?: ResolveHost;
  /** The database server of every service without a mongoUrl of its own. */
  mongoUrl?: string;
  rabbitmq: RabbitTarget;
  objects: ObjectStoreTarget;
  /** Absent: Keycloak's database is left out (the manifest says so). */
  keycloak: KeycloakTarget | undefined;
  /** Bound on waiting for outboxes and queues to settle. */
  settleTimeoutMs: number;
  /** Recorded in the manifest; by default `git rev-parse HEAD` (a container has no repository). */
  gitCommit?: string;
}

type Env = Record<string, string | undefined>;
export type ReadText = (path: string) => string;

const readSecretFile: ReadText = (path) => readFileSync(path, 'utf8');

/** NAME, or the content of the file NAME_FILE names (its one trailing line break dropped). */
function optional(env: Env, name: string, read: ReadText): string | undefined {
  const direct = env[name];
  const file = env[`${name}_FILE`];
  if (direct !== undefined && direct !== '' && file !== undefined && file !== '') throw new Error(`${name} and ${name}_FILE are both set; keep one`);
  if (file !== undefined && file !== '') {
    let content: string;
    try {
      content = read(file).replace(/\r?\n$/, '');
    } catch (error) {
      throw new Error(`${name}_FILE names a file that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${file}`, { cause: error });
    }
    if (content === '') throw new Error(`${name}_FILE names an empty file: ${file}`);
    return content;
  }
  return direct === undefined || direct === '' ? undefined : direct;
}

function required(env: Env, name: string, read: ReadText = readSecretFile): string {
  const value = optional(env, name, read);
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
}

/**
 * Production: each service's mongod, as its root user. BACKUP_MONGO_URL_TEMPLATE holds `{service}`
 * and `{password}`; the password is read from BACKUP_MONGO_PASSWORD_FILE_TEMPLATE (`{service}` too),
 * so no password is in the environment. Returns undefined when no template is set.
 */
export function serviceMongoUrl(env: Env, service: string, read: ReadText = readSecretFile): string | undefined {
  const template = env['BACKUP_MONGO_URL_TEMPLATE'];
  if (template === undefined || template === '') return undefined;
  if (!template.includes('{service}')) throw new Error('BACKUP_MONGO_URL_TEMPLATE must contain {service}');
  let password = '';
  if (template.includes('{password}')) {
    const fileTemplate = required(env, 'BACKUP_MONGO_PASSWORD_FILE_TEMPLATE', read);
    const file = fileTemplate.replaceAll('{service}', service);
    password = required({ PASSWORD_FILE: file }, 'PASSWORD', read);
  }
  const url = template.replaceAll('{service}', service).replaceAll('{password}', encodeURIComponent(password));
  if (!URL.canParse(url)) throw new Error(`BACKUP_MONGO_URL_TEMPLATE does not make a URL for ${service}`);
  return url;
}

function keycloakFromEnv(env: Env): KeycloakTarget | undefined {
  const h2Dir = env['BACKUP_KEYCLOAK_H2_DIR'];
  const pgDump = env['BACKUP_KEYCLOAK_PG_DUMP'];
  const hasH2 = h2Dir !== undefined && h2Dir !== '';
  const hasPgDump = pgDump !== undefined && pgDump !== '';
  if (hasH2 && hasPgDump) throw new Error('BACKUP_KEYCLOAK_H2_DIR and BACKUP_KEYCLOAK_PG_DUMP are both set; keep one');
  if (hasH2) return { kind: 'h2', h2Dir, ctlScript: required(env, 'BACKUP_KEYCLOAK_CTL') };
  if (hasPgDump) return { kind: 'pg_dump', dumpFile: pgDump };
  return undefined;
}

/**
 * BACKUP_SERVICES is `name=opsUrl=database` entries separated by spaces, e.g.
 * `user=http://127.0.0.1:4001=eventonight_user`. The tool quiesces, checks and resumes every
 * address the opsUrl's host name resolves to (quiesce.ts): in a Docker Swarm write
 * `user=http://tasks.user-ops:4001=user` (tasks.<alias on the ops network>), so that every replica
 * of the service is reached (docs/runbook.md).
 */
export function parseServices(spec: string): ServiceTarget[] {
  const services = spec
    .split(/\s+/)
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [name, opsUrl, database, ...rest] = entry.split('=');
      if (name === undefined || opsUrl === undefined || database === undefined || rest.length > 0 || name === '' || database === '') {
        throw new Error(`BACKUP_SERVICES entry "${entry}" is not name=opsUrl=database`);
      }
      if (!URL.canParse(opsUrl)) throw new Error(`BACKUP_SERVICES entry "${entry}": "${opsUrl}" is not a URL`);
      return { name, opsUrl: new URL(opsUrl).toString().replace(/\/$/, ''), database };
    });
  if (services.length === 0) throw new Error('BACKUP_SERVICES names no service');
  return services;
}

/**
 * The targets named by `env`. Secrets (RABBITMQ_MANAGEMENT_PASSWORD, S3_SECRET_KEY,
 * BACKUP_OPS_TOKEN) may be given as `<NAME>_FILE`; `read` reads those files.
 */
export function targetsFromEnv(env: Env = process.env, read: ReadText = readSecretFile): Targets {
  const opsToken = optional(env, 'BACKUP_OPS_TOKEN', read);
  const services = parseServices(required(env, 'BACKUP_SERVICES', read)).map((service) => {
    const mongoUrl = serviceMongoUrl(env, service.name, read);
    return { ...service, ...(mongoUrl === undefined ? {} : { mongoUrl }), ...(opsToken === undefined ? {} : { opsToken }) };
  });
  const mongoUrl = optional(env, 'MONGODB_URL', read);
  if (mongoUrl === undefined && services.some((service) => service.mongoUrl === undefined)) {
    throw new Error('MONGODB_URL is not set (nor BACKUP_MONGO_URL_TEMPLATE)');
  }
  const settleTimeoutMs = Number(env['BACKUP_SETTLE_TIMEOUT_MS'] ?? 120_000);
  if (!Number.isFinite(settleTimeoutMs) || settleTimeoutMs <= 0) throw new Error('BACKUP_SETTLE_TIMEOUT_MS must be a positive number of milliseconds');
  const gitCommit = optional(env, 'BACKUP_GIT_COMMIT', read);
  return {
    services,
    ...(mongoUrl === undefined ? {} : { mongoUrl }),
    rabbitmq: {
      managementUrl: required(env, 'RABBITMQ_MANAGEMENT_URL', read).replace(/\/$/, ''),
      user: optional(env, 'RABBITMQ_MANAGEMENT_USER', read) ?? 'guest',
      password: optional(env, 'RABBITMQ_MANAGEMENT_PASSWORD', read) ?? 'guest',
      vhost: env['BACKUP_RABBITMQ_VHOST'] ?? '/',
    },
    objects: {
      endpoint: new URL(required(env, 'S3_ENDPOINT', read)),
      region: env['S3_REGION'] ?? 'us-east-1',
      accessKey: required(env, 'S3_ACCESS_KEY', read),
      secretKey: required(env, 'S3_SECRET_KEY', read),
      bucket: required(env, 'S3_BUCKET', read),
    },
    keycloak: keycloakFromEnv(env),
    settleTimeoutMs,
    ...(gitCommit === undefined ? {} : { gitCommit }),
  };
}

/** The database server of `service`. */
export function mongoUrlOf(targets: Targets, service: ServiceTarget): string {
  const url = service.mongoUrl ?? targets.mongoUrl;
  if (url === undefined) throw new Error(`no MongoDB URL for the ${service.name} service`);
  return url;
}
