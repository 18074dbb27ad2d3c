import { z } from 'zod';
import { byteSize, flag, httpUrl, logLevel, mongoReadConcern, mongoWriteConcern, nonEmptyString, port, positiveInt, wholeNumber } from './fields.js';
import { secret, secretUrl, secretUrlList } from './secrets.js';

/**
 * The variables every service reads. A service extends it with its own:
 * `loadConfig(baseServiceConfig.extend({ STRIPE_SECRET_KEY: secret() }))`.
 * The service's name is not configuration: it is passed in code.
 */
export const baseServiceConfigShape = {
  PORT: port({ allowEphemeral: true }).default(3000),
  LOG_LEVEL: logLevel('info'),
  /**
   * In production with the service's own user and password (mongodb://user:pw@host/db?authSource=db).
   * A replica set is named the driver's way, hosts with or without ports:
   * `mongodb://user:pw@mongo-1:27017,mongo-2:27017,mongo-3:27017/db?replicaSet=rs0&authSource=db`.
   */
  MONGO_URL: secretUrl(['mongodb', 'mongodb+srv']),
  MONGO_DB: nonEmptyString(),
  /**
   * Retryable writes (`true`/`false`, default false): FerretDB and a standalone mongod have none;
   * a replica set does, and then a write interrupted by a primary's failover is retried once.
   */
  MONGO_RETRY_WRITES: flag(),
  /** `majority` or a whole number of members, at least 1; unset, the driver's default (`w: 1` on a standalone). */
  MONGO_WRITE_CONCERN: mongoWriteConcern().optional(),
  /** `local` or `majority`; unset, the server's default. */
  MONGO_READ_CONCERN: mongoReadConcern().optional(),
  /**
   * In production with the service's own RabbitMQ user and password. Several cluster members may
   * be listed, separated by commas (`amqp://u:p@rabbitmq-1:5672,amqp://u:p@rabbitmq-2:5672`): the
   * connection takes the first reachable one and fails over to the others (bus/connection.ts).
   */
  AMQP_URL: secretUrlList(['amqp', 'amqps']),
  JWKS_URL: httpUrl(),
  JWT_ISSUER: nonEmptyString(),
  JWT_AUDIENCE: nonEmptyString().default('eventonight-api'),
  HTTP_BODY_LIMIT: byteSize('100kb'),
  SHUTDOWN_GRACE_MS: positiveInt(10_000),
  /**
   * After SIGTERM, how long the process goes on serving while /health answers 503 `draining`,
   * before it stops taking connections: the time a load balancer that learns of replicas by polling
   * (Traefik's Swarm provider and its health check, deploy/swarm/stack.yml) needs to stop sending it
   * requests. 0 (the default): stop at once, as on one host where nothing routes around it.
   */
  SHUTDOWN_DRAIN_MS: wholeNumber(0),
  /**
   * Where the operations listener (quiesce/resume for backups, ADR 0017) listens, on 127.0.0.1
   * only; unset, there is none.
   */
  OPS_PORT: port({ allowEphemeral: true }).optional(),
  /**
   * Where the operations listener binds: an IP address, or a subnet (`172.31.0.0/24`) meaning this
   * container's address in it (production: the internal `ops` network). Default 127.0.0.1.
   */
  OPS_HOST: nonEmptyString().optional(),
  /**
   * The bearer token the operations listener requires (usually OPS_TOKEN_FILE, a Docker secret).
   * Required when OPS_HOST is not loopback (the listener refuses to start without it); in
   * production a placeholder is refused like every secret.
   */
  OPS_TOKEN: secret().optional(),
  /**
   * Records the duration of every database command (driver command monitoring), reported with
   * the process's CPU time at `GET /stats` on the operations listener. Off by default: for
   * benchmarks, it costs a little on every command.
   */
  DB_COMMAND_STATS: flag(),
};

export const baseServiceConfig = z.object(baseServiceConfigShape);

export type BaseServiceConfig = z.output<typeof baseServiceConfig>;
