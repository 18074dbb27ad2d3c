/**
 * bench:outbox — how fast a saved event reaches a consumer through the outbox relay, against
 * the raw speed of amqplib publishing with confirms to the same broker.
 * Env: BENCH_EVENTS (default 5000), BENCH_SAVE_CONCURRENCY (default 50), BENCH_BACKLOG
 * (default 0: pending documents saved before the timing starts, which the relay drains too),
 * BENCH_PARALLEL_ROUNDS (default: the relay's, 2).
 * Prints progress on stderr and one JSON line on stdout.
 */
import { performance } from 'node:perf_hooks';
import amqp from 'amqplib';
import { MongoClient } from 'mongodb';
import { buildEvent, type DomainEvent } from '@eventonight/contracts';
import {
  AggregateStore,
  BusConnection,
  ServiceStats,
  EventConsumer,
  EventPublisher,
  OutboxRelay,
  OutboxSignal,
  createLogger,
  messagePropertiesOf,
} from '@eventonight/platform';
import { deleteServiceQueues, freshDatabase, infra, uniqueName, waitFor } from '@eventonight/testing';
import { inProcessCost } from './service-stats.js';
import { percentile, report, round } from './stats.js';

const events = Number(process.env['BENCH_EVENTS'] ?? 5_000);
const saveConcurrency = Number(process.env['BENCH_SAVE_CONCURRENCY'] ?? 50);
const backlog = Number(process.env['BENCH_BACKLOG'] ?? 0);
const parallelRounds = process.env['BENCH_PARALLEL_ROUNDS'] === undefined ? undefined : Number(process.env['BENCH_PARALLEL_ROUNDS']);
const logger = createLogger({ service: 'bench', level: 'warn' });

interface BenchUser {
  _id: string;
  displayName: string;
}

function userCreatedEvent(id: string): DomainEvent {
  return buildEvent({
    type: 'user.created',
    source: 'bench',
    aggregateId: id,
    aggregateVersion: 1,
    correlationId: 'bench',
    data: { userId: id, role: 'member', displayName: id, avatarMediaId: null },
  });
}

/**
 * Saves `count` pending aggregates before the timing, as the store would (one event each,
 * stamped with the process's tickets), a thousand per insert so that 50,000 take seconds.
 */
async function saveBacklog(store: AggregateStore<BenchUser>, signal: OutboxSignal, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1_000) {
    const size = Math.min(1_000, count - start);
    const stamp = signal.tickets.stamp('users');
    const documents = Array.from({ length: size }, (_, i) => {
      const id = `backlog-${start + i}`;
      return {
        _id: id,
        displayName: id,
        version: 1,
        outbox: [userCreatedEvent(id)],
        outboxPending: true,
        outboxTicket: stamp.ticket,
      };
    });
    try {
      await store.collection.insertMany(documents);
    } finally {
      stamp.done(size);
    }
  }
}

async function outboxThroughput() {
  const database = await freshDatabase('bench_outbox');
  // The relay's and the writers' client, monitored like a service's with DB_COMMAND_STATS=1.
  const client = new MongoClient(infra.mongoUrl, { retryWrites: false, monitorCommands: true });
  await client.connect();
  const db = client.db(database.name);
  const stats = new ServiceStats();
  stats.attach(client);
  const service = uniqueName('benchoutbox');
  const signal = new OutboxSignal();
  const store = new AggregateStore<BenchUser>(db, 'users', { source: 'bench', signal });
  await store.ensureIndexes();
  if (backlog > 0) {
    const backlogStartedAt = performance.now();
    await saveBacklog(store, signal, backlog);
    console.error(`backlog: ${backlog} pending documents saved in ${round((performance.now() - backlogStartedAt) / 1000)} s`);
  }

  const savedAt = new Map<string, number>();
  const latencies: number[] = [];
  let backlogDelivered = 0;
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
        else if (event.aggregateId.startsWith('backlog-')) backlogDelivered += 1;
        lastAckAt = performance.now();
      },
    },
  });
  await consumer.start();
  await consumerConnection.start();

  const relayConnection = new BusConnection({ url: infra.amqpUrl, name: `${service}-relay`, logger });
  const relay = new OutboxRelay({
    db,
    collections: ['users'],
    publisher: new EventPublisher(relayConnection, { logger }),
    signal,
    logger,
    ...(parallelRounds === undefined ? {} : { parallelRounds }),
  });
  await relayConnection.start();
  stats.reset();
  const startedAt = performance.now();
  relay.start();

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
  await waitFor(() => (latencies.length >= events && backlogDelivered >= backlog ? true : undefined), { timeoutMs: 900_000, what: 'all events' });
  const seconds = (lastAckAt - startedAt) / 1000;
  const cost = inProcessCost(stats, events + backlog);
  const relayFigures = relay.stats();
  latencies.sort((a, b) => a - b);

  await relay.stop();
  await consumer.stop();
  await relayConnection.close();
  await consumerConnection.close();
  await deleteServiceQueues(service);
  await client.close();
  await database.dispose();
  const perRound = (value: number) => (relayFigures.rounds > 0 ? round(value / relayFigures.rounds) : 0);
  return {
    eventsPerSec: round((events + backlog) / seconds),
    savesPerSec: round(events / ((savedAllAt - startedAt) / 1000)),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    relay: {
      rounds: relayFigures.rounds,
      documentsPerRound: perRound(relayFigures.documents),
      claimMsPerRound: perRound(relayFigures.claimMs),
      maxClaimMs: round(relayFigures.maxClaimMs),
      publishMsPerRound: perRound(relayFigures.publishMs),
      acknowledgeMsPerRound: perRound(relayFigures.acknowledgeMs),
      sweeps: relayFigures.sweeps,
      sweepMs: round(relayFigures.sweepMs),
    },
    cost,
  };
}

/** Baseline: amqplib alone, publish with confirms into a quorum queue, 500 publishes in flight. */
async function rawPublishThroughput() {
  const queue = uniqueName('benchraw');
  const connection = await amqp.connect(infra.amqpUrl);
  const channel = await connection.createConfirmChannel();
  await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  const sample = userCreatedEvent('raw');
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
  backlog,
  parallelRounds: parallelRounds ?? 'default (2)',
  saveConcurrency,
  outboxEventsPerSec: outbox.eventsPerSec,
  outboxSavesPerSec: outbox.savesPerSec,
  saveToAckP50Ms: outbox.p50Ms,
  saveToAckP99Ms: outbox.p99Ms,
  rawPublishConfirmsPerSec: raw.publishesPerSec,
  ratioToRawPublish: round(outbox.eventsPerSec / raw.publishesPerSec, 3),
  relay: outbox.relay,
  ...outbox.cost,
});
