/**
 * What a backup or a restore works on (ADR 0017). Everything comes from the environment, so the
 * same code serves the local platform (`scripts/backup.sh`) and a test's own system.
 */

export interface ServiceTarget {
  name: string;
  /** The service's ops listener (POST /quiesce, POST /resume, GET /quiesce). */
  opsUrl: string;
  /** The service's own database. */
  database: string;
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
export interface KeycloakTarget {
  h2Dir: string;
  ctlScript: string;
}

export interface Targets {
  services: ServiceTarget[];
  mongoUrl: string;
  rabbitmq: RabbitTarget;
  objects: ObjectStoreTarget;
  /** Absent: Keycloak's database is left out (the manifest says so). */
  keycloak: KeycloakTarget | undefined;
  /** Bound on waiting for outboxes and queues to settle. */
  settleTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

/**
 * BACKUP_SERVICES is `name=opsUrl=database` entries separated by spaces, e.g.
 * `user=http://127.0.0.1:4001=eventonight_user`.
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

export function targetsFromEnv(env: Env = process.env): Targets {
  const keycloakDir = env['BACKUP_KEYCLOAK_H2_DIR'];
  return {
    services: parseServices(required(env, 'BACKUP_SERVICES')),
    mongoUrl: required(env, 'MONGODB_URL'),
    rabbitmq: {
      managementUrl: required(env, 'RABBITMQ_MANAGEMENT_URL').replace(/\/$/, ''),
      user: env['RABBITMQ_MANAGEMENT_USER'] ?? 'guest',
      password: env['RABBITMQ_MANAGEMENT_PASSWORD'] ?? 'guest',
      vhost: env['BACKUP_RABBITMQ_VHOST'] ?? '/',
    },
    objects: {
      endpoint: new URL(required(env, 'S3_ENDPOINT')),
      region: env['S3_REGION'] ?? 'us-east-1',
      accessKey: required(env, 'S3_ACCESS_KEY'),
      secretKey: required(env, 'S3_SECRET_KEY'),
      bucket: required(env, 'S3_BUCKET'),
    },
    keycloak:
      keycloakDir === undefined || keycloakDir === ''
        ? undefined
        : { h2Dir: keycloakDir, ctlScript: required(env, 'BACKUP_KEYCLOAK_CTL') },
    settleTimeoutMs: Number(env['BACKUP_SETTLE_TIMEOUT_MS'] ?? 120_000),
  };
}
