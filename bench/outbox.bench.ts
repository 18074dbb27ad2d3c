/**
 * bench:outbox — how fast a saved event reaches a consumer through the outbox relay, against
 * the raw speed of amqplib publishing with confirms to the same broker.
 * Env: BENCH_EVENTS (default 5000), BENCH_SAVE_CONCURRENCY (default 50).
 * Prints progress on stderr and one JSON line on stdout.
 */
import { performance } from 'node:perf_hooks';
import amqp from 'amqplib';
import { buildEvent, type DomainEvent } from '@eventonight/contracts';
import {
  AggregateStore,
  BusConnection,
  EventConsumer,
  EventPublisher,
  OutboxRelay,
  OutboxSignal,
  createLogger,
  messagePropertiesOf,
} from '@eventonight/platform';
import { deleteServiceQueues, freshDatabase, infra, uniqueName, waitFor } from '@eventonight/testing';
import { percentile, report, round } from './stats.js';

const events = Number(process.env['BENCH_EVENTS'] ?? 5_000);
const saveConcurrency = Number(process.env['BENCH_SAVE_CONCURRENCY'] ?? 50);
const logger = createLogger({ service: 'bench', level: 'warn' });

interface BenchUser {
  _id: string;
  displayName: string;
}

async function outboxThroughput() {
  const database = await freshDatabase('bench_outbox');
  const service = uniqueName('benchoutbox');
  const signal = new OutboxSignal();
  const store = new AggregateStore<BenchUser>(database.db, 'users', { source: 'bench', signal });
  await store.ensureIndexes();

  const savedAt = new Map<string, number>();
  const latencies: number[] = [];
  let lastAckAt = 0;
  const consumerConnection = new BusConnection({ url: infra.amqpUrl, name: `${service}-consumer`, logger });
  const consumer = new EventConsumer(consumerConnection, {
    service,
    logger,
    prefetch: 500,
    handlers: {
      'user.created': async (event) => {
        const started = savedAt.get(event.aggregateId);
        if (started !== undefined) latencies.push(performance.now() - started);
        lastAckAt = performance.now();
      },
    },
  });
  await consumer.start();
  await consumerConnection.start();

  const relayConnection = new BusConnection({ url: infra.amqpUrl, name: `${service}-relay`, logger });
  const relay = new OutboxRelay({
    db: database.db,
    collections: ['users'],
    publisher: new EventPublisher(relayConnection, { logger }),
    signal,
    logger,
  });
  await relayConnection.start();
  relay.start();

  const startedAt = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: saveConcurrency }, async () => {
      while (next < events) {
        const id = `bench-${next++}`;
        savedAt.set(id, performance.now());
        await store.create({ _id: id, displayName: id }, [
          { type: 'user.created', data: { userId: id, role: 'member', displayName: id, avatarMediaId: null } },
        ]);
      }
    }),
  );
  const savedAllAt = performance.now();
  await waitFor(() => (latencies.length >= events ? true : undefined), { timeoutMs: 600_000, what: 'all events' });
  const seconds = (lastAckAt - startedAt) / 1000;
  latencies.sort((a, b) => a - b);

  await relay.stop();
  await consumer.stop();
  await relayConnection.close();
  await consumerConnection.close();
  await deleteServiceQueues(service);
  await database.dispose();
  return {
    eventsPerSec: round(events / seconds),
    savesPerSec: round(events / ((savedAllAt - startedAt) / 1000)),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/** Baseline: amqplib alone, publish with confirms into a quorum queue, 500 publishes in flight. */
async function rawPublishThroughput() {
  const queue = uniqueName('benchraw');
  const connection = await amqp.connect(infra.amqpUrl);
  const channel = await connection.createConfirmChannel();
  await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  const sample: DomainEvent = buildEvent({
    type: 'user.created',
    source: 'bench',
    aggregateId: 'raw',
    aggregateVersion: 1,
    correlationId: 'bench',
    data: { userId: 'raw', role: 'member', displayName: 'raw', avatarMediaId: null },
  });
  const body = Buffer.from(JSON.stringify(sample));
  const window = 500;
  const startedAt = performance.now();
  for (let sent = 0; sent < events; sent += window) {
    const batch = Math.min(window, events - sent);
    await Promise.all(
      Array.from(
        { length: batch },
        () =>
          new Promise<void>((resolve, reject) => {
            channel.publish('', queue, body, messagePropertiesOf(sample), (error) => (error ? reject(error) : resolve()));
          }),
      ),
    );
  }
  const seconds = (performance.now() - startedAt) / 1000;
  await channel.deleteQueue(queue);
  await connection.close();
  return { publishesPerSec: round(events / seconds) };
}

const raw = await rawPublishThroughput();
console.error(`raw amqplib publish with confirms: ${raw.publishesPerSec}/s`);
const outbox = await outboxThroughput();
console.error(`outbox save→consumer: ${outbox.eventsPerSec}/s, p50 ${outbox.p50Ms} ms, p99 ${outbox.p99Ms} ms`);
report('outbox', {
  events,
  saveConcurrency,
  outboxEventsPerSec: outbox.eventsPerSec,
  outboxSavesPerSec: outbox.savesPerSec,
  saveToAckP50Ms: outbox.p50Ms,
  saveToAckP99Ms: outbox.p99Ms,
  rawPublishConfirmsPerSec: raw.publishesPerSec,
  ratioToRawPublish: round(outbox.eventsPerSec / raw.publishesPerSec, 3),
});
