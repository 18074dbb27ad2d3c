import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MongoClient, type Db } from 'mongodb';
import { freePort } from './http.js';
import { infra, keycloakIssuer } from './infra.js';
import { createVhost, deleteVhost } from './rabbitmq-admin.js';
import { uniqueName } from './database.js';
import { waitFor } from './wait.js';

/**
 * The whole platform under test: the seven services' built entry points started as separate
 * processes, exactly as production runs them (`node dist/main.js`, configured by env only),
 * against the real servers from infra/ and the real Keycloak. Each system gets a RabbitMQ
 * virtual host and databases of its own, so nothing leaks between test files or benchmarks.
 */

export const SERVICE_NAMES = ['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface SystemOptions {
  /** Variables added to (or replacing) a service's environment. */
  env?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Default `info`: the logs under `logDir` are what a failing test points at. */
  logLevel?: string;
}

export interface RunningSystem {
  readonly runId: string;
  /** The AMQP URL of this system's own virtual host. */
  readonly amqpUrl: string;
  readonly vhost: string;
  /** Where each service's stdout/stderr goes: `<logDir>/<service>.log`. */
  readonly logDir: string;
  url(service: ServiceName): string;
  /** The service's operations listener (quiesce/resume, ADR 0017), on loopback. */
  opsUrl(service: ServiceName): string;
  /** The name of the service's own database. */
  databaseName(service: ServiceName): string;
  /** The service's own database (tests read it to check what was stored). */
  db(service: ServiceName): Db;
  /** Whether the service's process is alive. */
  alive(service: ServiceName): boolean;
  /** Kills the service's process with `signal` and waits for it to exit. */
  kill(service: ServiceName, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a stopped service again on the same port and waits until it is ready. */
  restart(service: ServiceName): Promise<void>;
  /** The last lines the service logged, for failure messages. */
  logTail(service: ServiceName, lines?: number): string;
  /**
   * Starts one more process of `service` (a replica) with the same environment on its own port,
   * plus `env`; it is stopped with the system. Its log is `<logDir>/<service>-replica-<n>.log`.
   */
  addReplica(service: ServiceName, env?: Record<string, string>): Promise<{ url: string; kill(): Promise<void> }>;
  /** Stops every service (SIGTERM), drops the databases, deletes the virtual host. */
  stop(): Promise<void>;
}

interface ServiceProcess {
  port: number;
  opsPort: number;
  env: Record<string, string>;
  child: ChildProcess | undefined;
  exited: Promise<unknown> | undefined;
}

/** Each service's own variables, pointing at the real servers and at its peers. */
function serviceEnv(service: ServiceName, ports: Record<ServiceName, number>): Record<string, string> {
  switch (service) {
    case 'user':
      return {
        KEYCLOAK_URL: infra.keycloakUrl,
        KEYCLOAK_REALM: infra.keycloakRealm,
        KEYCLOAK_CLIENT_ID: 'user-service',
        KEYCLOAK_CLIENT_SECRET: infra.keycloakUserServiceClientSecret,
      };
    case 'event':
      return {
        TICKETING_INTERNAL_URL: `http://127.0.0.1:${ports.ticketing}`,
        KEYCLOAK_TOKEN_URL: `${keycloakIssuer}/protocol/openid-connect/token`,
        EVENT_SERVICE_CLIENT_ID: 'event-service',
        EVENT_SERVICE_CLIENT_SECRET: infra.keycloakEventServiceClientSecret,
        REDIS_URL: infra.redisUrl,
      };
    case 'ticketing':
      return {
        STRIPE_SECRET_KEY: infra.stripeSecretKey,
        STRIPE_API_URL: infra.stripeApiUrl,
        STRIPE_WEBHOOK_SECRET: infra.stripeWebhookSecret,
        CHECKOUT_SUCCESS_URL: 'http://localhost:5173/checkout/success',
        CHECKOUT_CANCEL_URL: 'http://localhost:5173/checkout/cancel',
        WEBHOOK_POLL_INTERVAL_MS: '250',
      };
    case 'notification':
      return { REDIS_URL: infra.redisUrl, SMTP_URL: infra.smtpUrl, MAIL_POLL_INTERVAL_MS: '250' };
    case 'media':
      return {
        S3_ENDPOINT: infra.s3Endpoint,
        S3_REGION: infra.s3Region,
        S3_BUCKET: infra.s3Bucket,
        S3_ACCESS_KEY: infra.s3AccessKey,
        S3_SECRET_KEY: infra.s3SecretKey,
      };
    case 'interaction':
    case 'chat':
      return {};
  }
}

function withoutOpsPort(env: Record<string, string>): Record<string, string> {
  const copy = { ...env };
  delete copy['OPS_PORT'];
  return copy;
}

export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  const runId = uniqueName('e2e');
  const vhost = runId;
  const amqpUrl = await createVhost(vhost);
  const logDir = `${repoRoot}.infra/e2e/${runId}`;
  mkdirSync(logDir, { recursive: true });
  const mongo = new MongoClient(infra.mongoUrl, { serverSelectionTimeoutMS: 5_000, retryWrites: false });
  await mongo.connect();

  const ports = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (name) => [name, await freePort()]))) as Record<ServiceName, number>;
  const opsPorts = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (name) => [name, await freePort()]))) as Record<ServiceName, number>;
  const databaseName = (service: ServiceName): string => `${runId}_${service}`;
  const processes = new Map<ServiceName, ServiceProcess>(
    SERVICE_NAMES.map((service) => [
      service,
      {
        port: ports[service],
        opsPort: opsPorts[service],
        child: undefined,
        exited: undefined,
        env: {
          PATH: process.env['PATH'] ?? '',
          PORT: String(ports[service]),
          OPS_PORT: String(opsPorts[service]),
          LOG_LEVEL: options.logLevel ?? process.env['TEST_LOG_LEVEL'] ?? 'info',
          MONGO_URL: infra.mongoUrl,
          MONGO_DB: databaseName(service),
          AMQP_URL: amqpUrl,
          JWKS_URL: `${keycloakIssuer}/protocol/openid-connect/certs`,
          JWT_ISSUER: keycloakIssuer,
          JWT_AUDIENCE: 'eventonight-api',
          SHUTDOWN_GRACE_MS: '3000',
          ...serviceEnv(service, ports),
          ...options.env?.[service],
        },
      },
    ]),
  );
  const entry = (service: ServiceName): ServiceProcess => {
    const found = processes.get(service);
    if (found === undefined) throw new Error(`unknown service ${service}`);
    return found;
  };
  const url = (service: ServiceName): string => `http://127.0.0.1:${entry(service).port}`;
  const logFile = (service: ServiceName): string => `${logDir}/${service}.log`;
  const logTail = (service: ServiceName, lines = 30): string => {
    try {
      return readFileSync(logFile(service), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  };

  const launch = async (service: ServiceName): Promise<void> => {
    const proc = entry(service);
    const log = openSync(logFile(service), 'a');
    const child = spawn(process.execPath, [`${repoRoot}services/${service}/dist/main.js`], {
      env: proc.env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    proc.child = child;
    proc.exited = once(child, 'exit').catch(() => undefined);
    try {
      await waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`${service} exited with code ${child.exitCode}:\n${logTail(service)}`);
          const reply = await fetch(`${url(service)}/ready`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
          return reply?.status === 200 ? true : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 200, what: `${service} to become ready` },
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  };

  const kill = async (service: ServiceName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const proc = entry(service);
    if (proc.child === undefined || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
    proc.child.kill(signal);
    await proc.exited;
  };

  const replicas: ChildProcess[] = [];
  const addReplica = async (service: ServiceName, env: Record<string, string> = {}): Promise<{ url: string; kill(): Promise<void> }> => {
    const port = await freePort();
    const replicaUrl = `http://127.0.0.1:${port}`;
    const file = `${logDir}/${service}-replica-${replicas.length + 1}.log`;
    const log = openSync(file, 'a');
    const child = spawn(process.execPath, [`${repoRoot}services/${service}/dist/main.js`], {
      // A replica has no ops listener of its own unless `env` gives it one (the port is taken).
      env: { ...withoutOpsPort(entry(service).env), ...env, PORT: String(port) },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    replicas.push(child);
    const exited = once(child, 'exit').catch(() => undefined);
    const killReplica = async (): Promise<void> => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    };
    try {
      await waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`${service} replica exited with code ${child.exitCode}: see ${file}`);
          const reply = await fetch(`${replicaUrl}/ready`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
          return reply?.status === 200 ? true : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 200, what: `a ${service} replica to become ready` },
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    return { url: replicaUrl, kill: killReplica };
  };

  const stop = async (): Promise<void> => {
    await Promise.all(
      replicas.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit').catch(() => undefined);
        child.kill('SIGTERM');
        await exited;
      }),
    );
    await Promise.all(SERVICE_NAMES.map((service) => kill(service, 'SIGTERM')));
    for (const service of SERVICE_NAMES) await mongo.db(databaseName(service)).dropDatabase().catch(() => undefined);
    await mongo.close().catch(() => undefined);
    await deleteVhost(vhost).catch(() => undefined);
  };

  try {
    // Ticketing first: the event service calls it on publish (the dual path).
    await launch('ticketing');
    await Promise.all(SERVICE_NAMES.filter((service) => service !== 'ticketing').map(launch));
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    runId,
    amqpUrl,
    vhost,
    logDir,
    url,
    opsUrl: (service) => `http://127.0.0.1:${entry(service).opsPort}`,
    databaseName,
    db: (service) => mongo.db(databaseName(service)),
    alive: (service) => {
      const child = entry(service).child;
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    kill,
    restart: launch,
    logTail,
    addReplica,
    stop,
  };
}
