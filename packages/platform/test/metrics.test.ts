import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { z } from 'zod';
import {
  deleteServiceQueues,
  freshDatabase,
  infra,
  metricValue,
  scrapeMetrics,
  uniqueName,
  waitFor,
  type MetricSample,
  type TestDatabase,
} from '@eventonight/testing';
import { BusConnection, EventPublisher, messagePropertiesOf } from '../src/bus/index.js';
import { defineRoute } from '../src/http/index.js';
import { OutboxRelay, OutboxSignal } from '../src/outbox/index.js';
import { AggregateStore } from '../src/persistence/index.js';
import { ScrapedValue } from '../src/metrics/index.js';
import { periodicJob, startService, type RunningService, type ServiceDefinition } from '../src/service/index.js';
import { defineCreateThing, likeEvent, silentLogger, testServiceConfig, userCreated, type BaseConfig, type TestUser } from './fixtures.js';

/**
 * The metrics of a service started by startService (ADR 0035), read the way Prometheus reads
 * them: GET /metrics on its ops listener, with real HTTP calls, real messages through RabbitMQ
 * and a real outbox in MongoDB moving the counters.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function meteredService(name: string, handled: string[]): ServiceDefinition<BaseConfig> {
  return {
    name,
    aggregateCollections: ['things'],
    async setup(context) {
      const store = context.store<TestUser>('things');
      const things = context.db.collection<{ _id: string; displayName: string }>('things');
      return {
        routes(host) {
          defineCreateThing(host, store);
          defineRoute(
            host,
            { method: 'get', path: '/things/:id', summary: 'Read', auth: 'public', params: z.object({ id: z.string() }), responses: { 200: z.object({ name: z.string() }), 404: null } },
            async ({ params }) => {
              const found = await things.findOne({ _id: params.id });
              return found === null ? { status: 404 } : { status: 200, body: { name: found.displayName } };
            },
          );
        },
        handlers: {
          'interaction.like.added': async (event) => {
            if (event.data.userId.startsWith('poison')) throw new Error('this like cannot be handled');
            handled.push(event.data.userId);
          },
        },
        jobs: [
          periodicJob('tick', 100, async () => {}, context.logger, { lease: context.jobLease('tick', 100) }),
          periodicJob('broken', 100, async () => Promise.reject(new Error('broken job')), context.logger, { lease: context.jobLease('broken', 100) }),
        ],
      };
    },
  };
}

describe('metrics: GET /metrics on the ops listener moves with real traffic', { timeout: 90_000 }, () => {
  const name = uniqueName('metrics');
  const handled: string[] = [];
  let database: TestDatabase;
  let service: RunningService;
  let replica: RunningService;
  let admin: ChannelModel;
  let channel: Channel;

  const scrape = (of: RunningService = service): Promise<MetricSample[]> => scrapeMetrics(of.opsUrl ?? 'no-ops-url');

  before(async () => {
    database = await freshDatabase('metrics');
    const config = testServiceConfig(database.name, { OPS_PORT: '0' });
    service = await startService(meteredService(name, handled), config);
    // A second replica in this process, consuming nothing: its metrics are its own.
    replica = await startService(meteredService(name, handled), config, { consume: false });
    admin = await amqp.connect(infra.amqpUrl);
    channel = await admin.createChannel();
  });

  after(async () => {
    await replica?.close();
    await service?.close();
    await admin?.close();
    await deleteServiceQueues(name, 3);
    await database?.dispose();
  });

  it('serves the Prometheus text format, with build info and the process and event-loop metrics', async () => {
    const response = await fetch(`${service.opsUrl ?? ''}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4; charset=utf-8$/);
    const samples = await scrape();
    assert.equal(metricValue(samples, 'eventonight_build_info', { service: name, version: '0.1.0' }), 1);
    assert.ok(samples.some((s) => s.name === 'process_cpu_user_seconds_total'));
    assert.ok(samples.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds'));
  });

  it('counts requests by method, route template and status, exactly once each, and only in the replica that served them', async () => {
    const before = await scrape();
    const created: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(`${service.url}/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `thing ${i}` }) });
      assert.equal(response.status, 201);
      created.push(((await response.json()) as { id: string }).id);
    }
    for (const id of created.slice(0, 2)) assert.equal((await fetch(`${service.url}/things/${id}`)).status, 200);
    const missingId = randomUUID();
    assert.equal((await fetch(`${service.url}/things/${missingId}`)).status, 404);
    const strayId = randomUUID();
    assert.equal((await fetch(`${service.url}/nowhere/${strayId}`)).status, 404);
    const after = await scrape();

    const delta = (labels: Record<string, string>, metric = 'eventonight_http_requests_total') => metricValue(after, metric, labels) - metricValue(before, metric, labels);
    assert.equal(delta({ method: 'POST', route: '/things', status: '201' }), 3);
    assert.equal(delta({ method: 'GET', route: '/things/{id}', status: '200' }), 2);
    assert.equal(delta({ method: 'GET', route: '/things/{id}', status: '404' }), 1);
    assert.equal(delta({ method: 'GET', route: 'unmatched', status: '404' }), 1, 'a path no route matched is "unmatched"');
    assert.equal(delta({ method: 'POST', route: '/things', status: '201' }, 'eventonight_http_request_duration_seconds_count'), 3);
    assert.equal(delta({ method: 'POST', route: '/things', status: '201', le: '+Inf' }, 'eventonight_http_request_duration_seconds_bucket'), 3);

    const ids = [...created, missingId, strayId];
    for (const sample of after) {
      for (const value of Object.values(sample.labels)) {
        assert.ok(!ids.some((id) => value.includes(id)), `${sample.name} has an id in a label: ${value}`);
        assert.doesNotMatch(value, UUID, `${sample.name} has an id-like label value`);
      }
    }
    const other = await scrape(replica);
    assert.equal(metricValue(other, 'eventonight_http_requests_total', { method: 'POST', route: '/things', status: '201' }), 0, "the other replica's registry saw none of it");
  });

  it('the relay confirms what the requests raised: published counted, outbox back to 0', async () => {
    const samples = await waitFor(async () => {
      const now = await scrape();
      return metricValue(now, 'eventonight_outbox_pending_messages') === 0 && metricValue(now, 'eventonight_relay_published_messages_total') >= 3 ? now : undefined;
    }, { timeoutMs: 15_000, what: 'the outbox to drain' });
    assert.equal(metricValue(samples, 'eventonight_relay_published_messages_total'), 3, 'the three user.created of the three POSTs');
    assert.ok(metricValue(samples, 'eventonight_relay_publish_duration_seconds_count') >= 1);
    assert.equal(metricValue(samples, 'eventonight_outbox_oldest_pending_age_seconds'), 0);
  });

  it('the outbox gauges show entries no relay has confirmed, and fall to 0 once a relay drains them', async () => {
    // A writer whose relay is not running (another replica's, stopped): its ticket is fresh, so
    // the service's relay leaves it alone for 30 s (ADR 0020).
    const signal = new OutboxSignal();
    const writer = new AggregateStore<TestUser>(service.db, 'things', { source: name, signal });
    for (let i = 0; i < 2; i += 1) {
      const user = { _id: randomUUID(), displayName: `stranded ${i}` };
      await writer.create(user, [userCreated(user)]);
    }
    const stranded = await scrape();
    assert.equal(metricValue(stranded, 'eventonight_outbox_pending_messages'), 2);
    assert.ok(metricValue(stranded, 'eventonight_outbox_oldest_pending_age_seconds') > 0);

    // The writer's relay comes back and drains its outbox.
    const bus = new BusConnection({ url: infra.amqpUrl, name: `${name}-writer`, logger: silentLogger });
    const relay = new OutboxRelay({ db: service.db, collections: ['things'], publisher: new EventPublisher(bus, { logger: silentLogger }), signal, logger: silentLogger });
    try {
      await bus.start();
      relay.start();
      const drained = await waitFor(async () => {
        const now = await scrape();
        return metricValue(now, 'eventonight_outbox_pending_messages') === 0 ? now : undefined;
      }, { timeoutMs: 15_000, what: 'the stranded outbox to drain' });
      assert.equal(metricValue(drained, 'eventonight_outbox_oldest_pending_age_seconds'), 0);
    } finally {
      await relay.stop();
      await bus.close();
    }
  });

  it('counts consumed messages by event type and outcome: handled, duplicate, retried, dead_lettered', async () => {
    const before = await scrape();
    const like = likeEvent(`fan-${randomUUID()}`);
    const send = (body: unknown, properties = messagePropertiesOf(like)) => channel.sendToQueue(name, Buffer.from(JSON.stringify(body)), properties);
    send(like);
    await waitFor(() => (handled.includes(like.data.userId) ? true : undefined), { what: 'the like to be handled' });
    send(like); // redelivered: the same event id
    const poisoned = { ...likeEvent('poison-shape'), data: { eventId: 'ev-1' } };
    send(poisoned);
    const failing = likeEvent('poison-handler');
    send(failing, messagePropertiesOf(failing));
    const count = (samples: MetricSample[], eventType: string, outcome: string) => metricValue(samples, 'eventonight_consumer_messages_total', { event_type: eventType, outcome });
    const type = 'interaction.like.added';
    const after = await waitFor(async () => {
      const now = await scrape();
      const done = count(now, type, 'duplicate') > count(before, type, 'duplicate') && count(now, 'invalid', 'dead_lettered') > count(before, 'invalid', 'dead_lettered') && count(now, type, 'retried') > count(before, type, 'retried');
      return done ? now : undefined;
    }, { timeoutMs: 15_000, what: 'the four messages to be counted' });
    assert.equal(count(after, type, 'handled') - count(before, type, 'handled'), 1);
    assert.equal(count(after, type, 'duplicate') - count(before, type, 'duplicate'), 1);
    assert.equal(count(after, 'invalid', 'dead_lettered') - count(before, 'invalid', 'dead_lettered'), 1, 'the poisoned message is dead-lettered under "invalid", not under a type it claims');
    const retried = count(after, type, 'retried') - count(before, type, 'retried');
    assert.ok(retried >= 1, 'the failing handler is retried later (again after each delay)');
    const runs = metricValue(after, 'eventonight_consumer_handling_duration_seconds_count', { event_type: type }) - metricValue(before, 'eventonight_consumer_handling_duration_seconds_count', { event_type: type });
    assert.equal(runs, 2 + retried, 'every run of the handler is timed: the like, its duplicate and each failing attempt');
  });

  it('counts periodic job runs by job and outcome: ok, error, and skipped on the replica without the lease', async () => {
    const runs = (samples: MetricSample[], job: string, outcome: string) => metricValue(samples, 'eventonight_job_runs_total', { periodic_job: job, outcome });
    await waitFor(async () => {
      const [mine, theirs] = [await scrape(), await scrape(replica)];
      const ok = runs(mine, 'tick', 'ok') + runs(theirs, 'tick', 'ok');
      const errors = runs(mine, 'broken', 'error') + runs(theirs, 'broken', 'error');
      const skipped = runs(mine, 'tick', 'skipped') + runs(theirs, 'tick', 'skipped');
      return ok > 0 && errors > 0 && skipped > 0 ? true : undefined;
    }, { timeoutMs: 15_000, what: 'ok, error and skipped runs' });
    const mine = await scrape();
    assert.equal(runs(mine, 'broken', 'ok'), 0, 'a job that throws is never counted ok');
  });
});

describe('metrics: a value read at scrape time never holds the scrape up', () => {
  it('a read that does not answer in time reports the last value, and no second read starts meanwhile', async () => {
    const value = new ScrapedValue(50);
    let reads = 0;
    let answer: (n: number) => void = () => undefined;
    value.readFrom(() => {
      reads += 1;
      if (reads === 1) return 5;
      return new Promise<number>((resolve) => {
        answer = resolve;
      });
    });
    assert.equal(await value.current(), 5);
    assert.equal(await value.current(), 5, 'the database stopped answering: the last value');
    assert.equal(await value.current(), 5);
    assert.equal(reads, 2, 'the hanging read is not started again');
    answer(7);
    await waitFor(async () => ((await value.current()) === 7 ? true : undefined), { what: 'the late answer' });
  });

  it('a failing read reports the last value; no source reports 0', async () => {
    const value = new ScrapedValue(1_000);
    assert.equal(await value.current(), 0);
    let fail = false;
    value.readFrom(() => (fail ? Promise.reject(new Error('MongoDB is down')) : 3));
    assert.equal(await value.current(), 3);
    fail = true;
    assert.equal(await value.current(), 3);
  });
});
