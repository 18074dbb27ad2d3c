import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ScrapedValue } from './scraped-value.js';

/** Request latency buckets (seconds): fine around the 300 ms p95 goal of the public routes. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5];
/** Broker confirms take ~40 ms alone and a batch more; a publish stuck on a blocked broker shows in the top buckets. */
const RELAY_PUBLISH_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const HANDLING_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const STRIPE_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Webhooks wait for the worker's poll (seconds) and, when behind, for minutes: the alert is at 5 min. */
const WEBHOOK_DELAY_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

/** How long a scrape waits for a value read from MongoDB before reporting the last one. */
const SCRAPE_READ_TIMEOUT_MS = 1_000;

export type ConsumerOutcome = 'handled' | 'duplicate' | 'retried' | 'dead_lettered';
export type JobOutcome = 'ok' | 'error' | 'skipped';
export type CacheResult = 'hit' | 'miss';

export interface ServiceMetricsOptions {
  service: string;
  version: string;
  /** Process and event-loop metrics of prom-client. Default true. */
  defaultMetrics?: boolean;
}

/**
 * Every metric a service exposes on its ops listener's `/metrics` (docs/adr/0035), on a
 * registry of its own: tests start several services in one process, and each must count only
 * its own traffic. The names and labels are the contract of the alert rules and dashboards;
 * every label value comes from a bounded set (route templates, event types, job names), never
 * an id.
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'eventonight_http_requests_total',
    help: 'HTTP requests answered, by method, route template ("unmatched" when none matched) and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpRequestDuration = new Histogram({
    name: 'eventonight_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to the end of its response.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers: [this.registry],
  });

  /** Outbox entries not yet confirmed by the broker; read from MongoDB at scrape time. */
  readonly outboxPending = new ScrapedValue(SCRAPE_READ_TIMEOUT_MS);
  /** Age of the oldest unconfirmed outbox entry; read from MongoDB at scrape time. */
  readonly outboxOldestPendingAge = new ScrapedValue(SCRAPE_READ_TIMEOUT_MS);
  readonly relayPublishDuration = new Histogram({
    name: 'eventonight_relay_publish_duration_seconds',
    help: 'Outbox relay: time from publishing a batch until the broker confirmed all of it.',
    buckets: RELAY_PUBLISH_BUCKETS,
    registers: [this.registry],
  });
  readonly relayPublished = new Counter({
    name: 'eventonight_relay_published_messages_total',
    help: 'Outbox entries the broker confirmed and the relay removed from their outbox.',
    registers: [this.registry],
  });

  readonly consumerMessages = new Counter({
    name: 'eventonight_consumer_messages_total',
    help: 'Messages consumed, by event type and outcome (handled, duplicate, retried, dead_lettered).',
    labelNames: ['event_type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly consumerHandlingDuration = new Histogram({
    name: 'eventonight_consumer_handling_duration_seconds',
    help: "Time an event's handler ran, whatever its outcome.",
    labelNames: ['event_type'] as const,
    buckets: HANDLING_BUCKETS,
    registers: [this.registry],
  });

  readonly stripeRequestDuration = new Histogram({
    name: 'eventonight_stripe_request_duration_seconds',
    help: 'Calls to the Stripe API (the client retries included), by operation and outcome (ok, error).',
    labelNames: ['operation', 'outcome'] as const,
    buckets: STRIPE_BUCKETS,
    registers: [this.registry],
  });
  readonly webhookProcessingDelay = new Histogram({
    name: 'eventonight_webhook_processing_delay_seconds',
    help: 'Time from receiving a Stripe webhook until the worker processed it.',
    buckets: WEBHOOK_DELAY_BUCKETS,
    registers: [this.registry],
  });
  /** Age of the oldest stored webhook not yet processed; read at scrape time. */
  readonly webhookOldestUnprocessedAge = new ScrapedValue(SCRAPE_READ_TIMEOUT_MS);

  /** Socket.IO clients connected to this replica; read at scrape time. */
  readonly socketioConnections = new ScrapedValue(SCRAPE_READ_TIMEOUT_MS);
  readonly socketioPushes = new Counter({
    name: 'eventonight_socketio_pushes_total',
    help: 'Notifications emitted to sockets connected to this replica.',
    registers: [this.registry],
  });

  readonly cacheRequests = new Counter({
    name: 'eventonight_cache_requests_total',
    help: 'Reads of a cache, by cache and result (hit, miss).',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });

  readonly jobRuns = new Counter({
    name: 'eventonight_job_runs_total',
    // Not `job`: Prometheus' own target label would rename it to `exported_job`.
    help: 'Periodic job runs, by periodic job and outcome (ok, error, skipped: another replica holds the lease).',
    labelNames: ['periodic_job', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(options: ServiceMetricsOptions) {
    scrapedGauge(this.registry, 'eventonight_outbox_pending_messages', 'Outbox entries not yet confirmed by the broker, over all aggregate collections.', this.outboxPending);
    scrapedGauge(this.registry, 'eventonight_outbox_oldest_pending_age_seconds', 'Age of the oldest outbox entry not yet confirmed by the broker (0 when none).', this.outboxOldestPendingAge);
    scrapedGauge(this.registry, 'eventonight_webhook_oldest_unprocessed_age_seconds', 'Age of the oldest stored Stripe webhook not yet processed (0 when none).', this.webhookOldestUnprocessedAge);
    scrapedGauge(this.registry, 'eventonight_socketio_connections', 'Socket.IO clients connected to this replica.', this.socketioConnections);
    const buildInfo = new Gauge({
      name: 'eventonight_build_info',
      help: 'Always 1; its labels name the service and its version.',
      labelNames: ['service', 'version'] as const,
      registers: [this.registry],
    });
    buildInfo.set({ service: options.service, version: options.version }, 1);
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts one read of `cache`; hand it to a cache as its lookup callback. */
  cacheLookup(cache: string): (result: CacheResult) => void {
    const hit = this.cacheRequests.labels(cache, 'hit');
    const miss = this.cacheRequests.labels(cache, 'miss');
    return (result) => (result === 'hit' ? hit : miss).inc();
  }

  /** The text `/metrics` answers, and its content type. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

function scrapedGauge(registry: Registry, name: string, help: string, value: ScrapedValue): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      this.set(await value.current());
    },
  });
}
