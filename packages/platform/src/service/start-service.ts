import type { Server as HttpServer } from 'node:http';
import type { Db } from 'mongodb';
import { createJwtVerifier, type JwtVerifier } from '../auth/index.js';
import type { BaseServiceConfig } from '../config/index.js';
import { createHttpApp, startHttpServer, type RouteHost } from '../http/index.js';
import { createLogger, type Logger } from '../logger/logger.js';
import { BusConnection, EventConsumer, EventPublisher, type EventHandlers } from '../bus/index.js';
import { AggregateStore, ServiceStats, connectMongo, type AggregateState } from '../persistence/index.js';
import { OutboxRelay, OutboxSignal } from '../outbox/index.js';
import { ServiceMetrics } from '../metrics/service-metrics.js';
import { mongoJobLease, type JobLease } from './job-lease.js';
import { startOpsServer, type QuiesceControl, type RunningOpsServer } from './ops-server.js';
import { sleep } from '../util/backoff.js';
import { startTracing, traceMongoCommands } from '../tracing/index.js';

/** What a service's composition root gets to wire its own parts. */
export interface ServiceContext<TConfig extends BaseServiceConfig> {
  config: TConfig;
  logger: Logger;
  db: Db;
  verifier: JwtVerifier;
  /** This service's metrics (its own registry, ADR 0035): count what only the service's code sees. */
  metrics: ServiceMetrics;
  /** An aggregate store on `collection`, wired to the relay. Name it in `aggregateCollections`. */
  store<TState extends AggregateState>(collection: string): AggregateStore<TState>;
  /**
   * A lease so that one replica at a time runs the periodic job `job` (pass it to periodicJob).
   * Its term is three intervals (at least 15 s): how long a dead holder delays the job.
   */
  jobLease(job: string, intervalMs: number): JobLease;
}

/** What a service contributes: its routes, its event handlers, its background jobs. */
export interface ServiceParts {
  routes(host: RouteHost): void;
  handlers?: EventHandlers;
  /** Started after the service is up, stopped first at shutdown. */
  jobs?: ReadonlyArray<{ name: string; start(): void; stop(): Promise<void> }>;
  /**
   * Attaches something else to the listening HTTP server (Socket.IO), before consuming starts;
   * what it returns is closed before the server drains.
   */
  attach?(server: HttpServer): Promise<{ close(): Promise<void> }>;
}

export interface StartServiceOptions {
  /** False starts a replica that serves HTTP but consumes no events. Default true. */
  consume?: boolean;
}

export interface ServiceDefinition<TConfig extends BaseServiceConfig> {
  name: string;
  version?: string;
  /** Collections whose documents carry an outbox (the relay polls them). */
  aggregateCollections: readonly string[];
  setup(context: ServiceContext<TConfig>): Promise<ServiceParts>;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  db: Db;
  logger: Logger;
  metrics: ServiceMetrics;
  /** The operations listener (quiesce/resume, /metrics), when OPS_PORT is set. */
  opsUrl: string | undefined;
  /** Graceful: stop jobs and consuming, drain HTTP, flush the outbox, close connections. */
  close(): Promise<void>;
}

/**
 * The composition every service shares ("service defaults"): logger → MongoDB → AMQP →
 * outbox relay → consumer → HTTP, in that order, and the reverse at shutdown.
 */
export async function startService<TConfig extends BaseServiceConfig>(
  definition: ServiceDefinition<TConfig>,
  config: TConfig,
  options: StartServiceOptions = {},
): Promise<RunningService> {
  // Before anything that makes spans; off (a no-op handle) unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = startTracing(definition.name, definition.version);
  const logger = createLogger({ service: definition.name, level: config.LOG_LEVEL });
  if (tracing.enabled) logger.info('tracing on: spans exported over OTLP');
  const stats = new ServiceStats();
  // One registry per service instance: tests run several services in one process.
  const metrics = new ServiceMetrics({ service: definition.name, version: definition.version ?? '0.1.0' });
  const mongo = await connectMongo({
    url: config.MONGO_URL,
    dbName: config.MONGO_DB,
    appName: definition.name,
    logger,
    monitorCommands: config.DB_COMMAND_STATS || tracing.enabled,
    retryWrites: config.MONGO_RETRY_WRITES,
    writeConcern: config.MONGO_WRITE_CONCERN,
    readConcern: config.MONGO_READ_CONCERN,
  });
  if (config.DB_COMMAND_STATS) stats.attach(mongo.client);
  if (tracing.enabled) traceMongoCommands(mongo.client);
  const bus = new BusConnection({ url: config.AMQP_URL, name: definition.name, logger });
  const signal = new OutboxSignal();
  const verifier = createJwtVerifier({
    jwksUrl: config.JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    onVerifiedTokenLookup: metrics.cacheLookup('verified-tokens'),
  });
  const stores = new Map<string, AggregateStore<AggregateState>>();
  const context: ServiceContext<TConfig> = {
    config,
    logger,
    db: mongo.db,
    verifier,
    metrics,
    store<TState extends AggregateState>(collection: string): AggregateStore<TState> {
      if (!definition.aggregateCollections.includes(collection)) {
        throw new Error(`${collection} is not listed in aggregateCollections of ${definition.name}`);
      }
      const existing = stores.get(collection);
      if (existing !== undefined) return existing as unknown as AggregateStore<TState>;
      const created = new AggregateStore<TState>(mongo.db, collection, { source: definition.name, signal });
      stores.set(collection, created as unknown as AggregateStore<AggregateState>);
      return created;
    },
    jobLease: (job, intervalMs) => {
      const lease = mongoJobLease(mongo.db, job, Math.max(3 * intervalMs, 15_000));
      const runs = { ok: metrics.jobRuns.labels(job, 'ok'), error: metrics.jobRuns.labels(job, 'error'), skipped: metrics.jobRuns.labels(job, 'skipped') };
      return { ...lease, countRun: (outcome) => runs[outcome].inc() };
    },
  };
  const parts = await definition.setup(context);
  for (const store of stores.values()) await store.ensureIndexes();

  const relay = new OutboxRelay({
    db: mongo.db,
    collections: definition.aggregateCollections,
    publisher: new EventPublisher(bus, { logger }),
    signal,
    logger,
    metrics,
  });
  metrics.outboxPending.readFrom(() => relay.pendingCount());
  metrics.outboxOldestPendingAge.readFrom(() => relay.oldestPendingAgeSeconds());
  const handlers = options.consume === false ? undefined : parts.handlers;
  const consumer =
    handlers !== undefined && Object.keys(handlers).length > 0
      ? new EventConsumer(bus, { service: definition.name, handlers, logger, metrics })
      : null;

  const jobs = parts.jobs ?? [];
  // Quiesced (ADR 0017): writes answer 503 and the periodic jobs stand still, while the relay
  // and the consumer go on, so the outbox drains and the queues empty before a backup.
  let quiesced = false;
  let jobsRunning = false;
  let switching: Promise<void> = Promise.resolve();
  const serialized = (change: () => Promise<void>): Promise<void> => {
    switching = switching.then(change, change);
    return switching;
  };
  const startJobs = (): void => {
    for (const job of jobs) job.start();
    jobsRunning = true;
  };
  const stopJobs = async (): Promise<void> => {
    jobsRunning = false;
    for (const job of jobs) await job.stop();
  };
  const quiesceControl: QuiesceControl = {
    quiesce: () =>
      serialized(async () => {
        quiesced = true;
        await stopJobs();
      }),
    resume: () =>
      serialized(async () => {
        if (!jobsRunning) startJobs();
        quiesced = false;
      }),
    status: async () => ({ quiesced, outboxPending: await relay.pendingCount(), jobsRunning }),
  };

  let draining = false;
  const http = createHttpApp({
    service: definition.name,
    isQuiesced: () => quiesced,
    isDraining: () => draining,
    version: definition.version,
    logger,
    verifier,
    metrics,
    bodyLimit: config.HTTP_BODY_LIMIT,
    readiness: [
      { name: 'mongodb', check: () => mongo.ping() },
      {
        name: 'rabbitmq',
        check: async () => {
          if (!bus.connected) throw new Error('not connected');
        },
      },
    ],
  });
  parts.routes(http);
  // HTTP (and whatever attaches to it) comes up before consuming, so handlers that push to
  // clients have somewhere to push; /ready stays 503 until the broker is connected.
  const server = await startHttpServer(http.app, { port: config.PORT, logger, graceMs: config.SHUTDOWN_GRACE_MS });
  const attachment = parts.attach === undefined ? undefined : await parts.attach(server.server);
  await consumer?.start();
  await bus.start();
  relay.start();
  startJobs();
  let ops: RunningOpsServer | undefined;
  if (config.OPS_PORT !== undefined) {
    try {
      ops = await startOpsServer(config.OPS_PORT, quiesceControl, stats, logger, { host: config.OPS_HOST, token: config.OPS_TOKEN }, metrics);
    } catch (error) {
      logger.error({ err: error, port: config.OPS_PORT }, 'ops listener could not start');
      throw error;
    }
  }
  logger.info({ port: server.port }, `${definition.name} service listening`);

  return {
    name: definition.name,
    url: server.url,
    port: server.port,
    db: mongo.db,
    logger,
    metrics,
    opsUrl: ops?.url,
    async close() {
      // Serve on while load balancers notice /health and route around this replica (SHUTDOWN_DRAIN_MS).
      draining = true;
      if (config.SHUTDOWN_DRAIN_MS > 0) {
        logger.info({ drainMs: config.SHUTDOWN_DRAIN_MS }, 'draining: /health answers 503, requests are still served');
        await sleep(config.SHUTDOWN_DRAIN_MS);
      }
      await ops?.close();
      await serialized(stopJobs);
      await consumer?.stop();
      await attachment?.close();
      await server.close();
      await relay.flush(Math.min(config.SHUTDOWN_GRACE_MS, 5_000)).catch(() => false);
      await relay.stop();
      await bus.close();
      await mongo.close();
      // Last: exports the spans of everything above (the SIGTERM sequence ends here).
      await tracing.shutdown();
    },
  };
}
