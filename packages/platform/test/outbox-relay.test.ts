import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DomainEvent } from '@eventonight/contracts';
import amqp from 'amqplib';
import {
  createVhost,
  deleteServiceQueues,
  deleteVhost,
  freshDatabase,
  infra,
  infraCtl,
  uniqueName,
  waitFor,
  type TestDatabase,
} from '@eventonight/testing';
import { BusConnection, EventConsumer, EventPublisher } from '../src/bus/index.js';
import { EXCHANGE } from '../src/bus/topology.js';
import { AggregateStore } from '../src/persistence/index.js';
import { NO_TICKET, OutboxRelay, OutboxSignal } from '../src/outbox/index.js';
import { sleep } from '../src/util/backoff.js';
import { silentLogger, userCreated, userUpdated, type TestUser } from './fixtures.js';

/** A consumer on its own durable queue that records every delivery, in arrival order. */
async function recordingConsumer(service: string, url: string = infra.amqpUrl) {
  const connection = new BusConnection({ url, name: service, logger: silentLogger });
  const received: DomainEvent[] = [];
  const record = async (event: DomainEvent) => {
    received.push(event);
  };
  const consumer = new EventConsumer(connection, {
    service,
    logger: silentLogger,
    prefetch: 200,
    handlers: { 'user.created': record, 'user.updated': record },
  });
  await consumer.start();
  await connection.start();
  return {
    received,
    async close() {
      await consumer.stop();
      await connection.close();
    },
  };
}

/**
 * A real broker condition that confirms some publishes and nacks others: a full queue with
 * `x-overflow: reject-publish` bound to one routing key. RabbitMQ nacks every message routed to
 * it and confirms the rest, until the queue is deleted. Lives in a virtual host of the test's
 * own, so nobody else's publishes are refused meanwhile.
 */
async function refuseRoutingKey(url: string, routingKey: string) {
  const connection = await amqp.connect(url);
  const channel = await connection.createConfirmChannel();
  await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
  const queue = 'full-queue';
  await channel.assertQueue(queue, { durable: false, arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish' } });
  channel.sendToQueue(queue, Buffer.from('filler'));
  await channel.waitForConfirms();
  await channel.bindQueue(queue, EXCHANGE, routingKey);
  return {
    /** The queue goes away: what was routed to it is now simply confirmed. */
    async accept() {
      await channel.deleteQueue(queue);
      await connection.close();
    },
  };
}

/** Types and versions of a document's outbox, oldest first. */
async function outboxOf(store: AggregateStore<TestUser>, id: string): Promise<string[]> {
  const document = await store.collection.findOne({ _id: id });
  assert.ok(document !== null, id);
  return (document['outbox'] as DomainEvent[]).map((event) => `${event.type}@${event.aggregateVersion}`);
}

function startRelay(db: TestDatabase['db'], signal: OutboxSignal, name: string, url: string = infra.amqpUrl) {
  const connection = new BusConnection({ url, name, logger: silentLogger });
  const publisher = new EventPublisher(connection, { logger: silentLogger, confirmTimeoutMs: 5_000 });
  const relay = new OutboxRelay({
    db,
    collections: ['users'],
    publisher,
    signal,
    logger: silentLogger,
    pollIntervalMs: 200,
    batchSize: 200,
  });
  return {
    relay,
    async start() {
      await connection.start();
      relay.start();
    },
    async close() {
      await relay.stop();
      await connection.close();
    },
  };
}

/** Saves `count` users, each created then renamed twice: three ordered events per aggregate. */
async function saveUsers(store: AggregateStore<TestUser>, prefix: string, count: number, concurrency = 20): Promise<void> {
  let next = 0;
  async function worker(): Promise<void> {
    while (next < count) {
      const id = `${prefix}-${next++}`;
      const user = { _id: id, displayName: 'v1' };
      await store.create(user, [userCreated(user)]);
      await store.update(id, 1, { displayName: 'v2' }, [userUpdated({ _id: id, displayName: 'v2' })]);
      await store.update(id, 2, { displayName: 'v3' }, [userUpdated({ _id: id, displayName: 'v3' })]);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Per aggregate: the versions in arrival order, counting only first deliveries. */
function firstDeliveryOrder(received: readonly DomainEvent[]): Map<string, number[]> {
  const seen = new Set<string>();
  const order = new Map<string, number[]>();
  for (const event of received) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const versions = order.get(event.aggregateId) ?? [];
    versions.push(event.aggregateVersion);
    order.set(event.aggregateId, versions);
  }
  return order;
}

function assertEveryAggregateInOrder(order: Map<string, number[]>, prefix: string, count: number): void {
  for (let i = 0; i < count; i += 1) {
    assert.deepEqual(order.get(`${prefix}-${i}`), [1, 2, 3], `aggregate ${prefix}-${i} in order, none missing`);
  }
}

describe('outbox relay against real RabbitMQ and FerretDB', { timeout: 300_000 }, () => {
  let database: TestDatabase;
  let store: AggregateStore<TestUser>;
  const signal = new OutboxSignal();
  const service = uniqueName('relaytest');
  // Tests that make the broker refuse publishes do it in a virtual host of their own.
  const vhost = uniqueName('relay_nacks');
  let vhostUrl: string;

  before(async () => {
    vhostUrl = await createVhost(vhost);
    database = await freshDatabase('relay');
    store = new AggregateStore<TestUser>(database.db, 'users', { source: 'user', signal });
    await store.ensureIndexes();
  });
  after(async () => {
    await deleteServiceQueues(service);
    await deleteVhost(vhost);
    await database.dispose();
  });

  it('publishes each saved event once the broker confirms it, and empties the outbox', async () => {
    const refusing = await refuseRoutingKey(vhostUrl, 'user.updated');
    const consumer = await recordingConsumer(service, vhostUrl);
    const relay = startRelay(database.db, signal, 'relay-a', vhostUrl);
    await relay.start();
    try {
      await saveUsers(store, 'basic', 20);
      // The broker confirms every user.created and nacks every user.updated: only the
      // confirmed entries leave, the refused ones wait (and are retried) in their outbox.
      const waiting = async () => {
        for (let i = 0; i < 20; i += 1) {
          if ((await outboxOf(store, `basic-${i}`)).join() !== 'user.updated@2,user.updated@3') return undefined;
        }
        return true;
      };
      await waitFor(waiting, { what: 'created events confirmed, updated events kept' });
      await sleep(1_000); // several relay rounds, every one of them nacked again
      assert.equal(await waiting(), true, 'nothing refused leaves the outbox');
      assert.equal(await relay.relay.pendingCount(), 20);

      await refusing.accept();
      await waitFor(async () => ((await relay.relay.pendingCount()) === 0 ? true : undefined), { what: 'empty outbox' });
      await waitFor(
        () => (new Set(consumer.received.filter((e) => e.aggregateId.startsWith('basic-')).map((e) => e.id)).size >= 60 ? true : undefined),
        { what: '60 distinct events' },
      );
      assertEveryAggregateInOrder(firstDeliveryOrder(consumer.received), 'basic', 20);
      const left = await store.collection.countDocuments({ 'outbox.0': { $exists: true } });
      assert.equal(left, 0, 'no document keeps an outbox entry');
    } finally {
      await relay.close();
      await consumer.close();
    }
  });

  it('when the broker nacks some publishes of a batch, only the confirmed prefix of each outbox leaves it', async () => {
    const refusing = await refuseRoutingKey(vhostUrl, 'user.updated');
    const consumer = await recordingConsumer(service, vhostUrl);
    try {
      // Saved before the relay starts, so its first round claims all four in one batch.
      const created = (id: string) => store.create({ _id: id, displayName: 'v1' }, [userCreated({ _id: id, displayName: 'v1' })]);
      await created('mix-confirmed');
      await created('mix-tail');
      await store.update('mix-tail', 1, { displayName: 'v2' }, [userUpdated({ _id: 'mix-tail', displayName: 'v2' })]);
      await store.create({ _id: 'mix-refused', displayName: 'v1' }, [userUpdated({ _id: 'mix-refused', displayName: 'v1' })]);
      await created('mix-middle');
      await store.update('mix-middle', 1, { displayName: 'v2' }, [userUpdated({ _id: 'mix-middle', displayName: 'v2' })]);
      await store.update('mix-middle', 2, { displayName: 'v3' }, [userUpdated({ _id: 'mix-middle', displayName: 'v3' })]);

      const relay = startRelay(database.db, signal, 'relay-mixed', vhostUrl);
      await relay.start();
      try {
        await waitFor(async () => ((await store.collection.findOne({ _id: 'mix-confirmed' }))?.['outboxPending'] === false ? true : undefined), {
          what: 'the fully confirmed outbox emptied',
        });
        assert.deepEqual(await outboxOf(store, 'mix-confirmed'), []);
        assert.deepEqual(await outboxOf(store, 'mix-tail'), ['user.updated@2'], 'confirmed head removed, nacked tail kept');
        assert.deepEqual(await outboxOf(store, 'mix-refused'), ['user.updated@1'], 'a nacked head keeps the whole outbox');
        assert.deepEqual(await outboxOf(store, 'mix-middle'), ['user.updated@2', 'user.updated@3']);
        assert.equal(await relay.relay.pendingCount(), 3);

        await refusing.accept();
        await waitFor(async () => ((await relay.relay.pendingCount()) === 0 ? true : undefined), { what: 'the rest confirmed' });
        const order = firstDeliveryOrder(consumer.received);
        assert.deepEqual(order.get('mix-tail'), [1, 2]);
        assert.deepEqual(order.get('mix-middle'), [1, 2, 3]);
        assert.deepEqual(order.get('mix-refused'), [1]);
      } finally {
        await relay.close();
      }
    } finally {
      await consumer.close();
    }
  });

  it('takes over an outbox whose relay died before publishing it, once its ticket is stale', async () => {
    const consumer = await recordingConsumer(service);
    const user = { _id: 'orphan-1', displayName: 'v1' };
    await store.create(user, [userCreated(user)]);
    // Written by a process that crashed before its relay's round: its ticket, two minutes old,
    // is sealed nowhere.
    const deadTicket = `${(Date.now() - 120_000).toString(36)}-dead-process`;
    await store.collection.updateOne({ _id: 'orphan-1' }, { $set: { outboxTicket: deadTicket } });
    const relay = startRelay(database.db, new OutboxSignal(), 'relay-takeover');
    await relay.start();
    try {
      const event = await waitFor(() => consumer.received.find((e) => e.aggregateId === 'orphan-1'), {
        what: 'the orphaned event',
      });
      assert.equal(event.type, 'user.created');
      await waitFor(async () => ((await store.collection.findOne({ _id: 'orphan-1' }))?.outboxPending === false ? true : undefined));
    } finally {
      await relay.close();
      await consumer.close();
    }
  });

  it('publishes an outbox written where no relay runs, and leaves a fresh ticket of another process alone', async () => {
    const consumer = await recordingConsumer(service);
    // A store whose process runs no relay stamps no ticket.
    const lonely = new AggregateStore<TestUser>(database.db, 'users', { source: 'user' });
    await lonely.create({ _id: 'stale-1', displayName: 'v1' }, [userCreated({ _id: 'stale-1', displayName: 'v1' })]);
    // A live ticket of another process (just opened) is left to that process.
    await store.create({ _id: 'stale-3', displayName: 'v1' }, [userCreated({ _id: 'stale-3', displayName: 'v1' })]);
    const liveTicket = `${Date.now().toString(36)}-live-process`;
    await store.collection.updateOne({ _id: 'stale-3' }, { $set: { outboxTicket: liveTicket } });
    // The relay below only sees those documents through its sweep: its own tickets are empty.
    const relay = startRelay(database.db, new OutboxSignal(), 'relay-sweep');
    await relay.start();
    try {
      await waitFor(() => (consumer.received.some((e) => e.aggregateId === 'stale-1') ? true : undefined), { what: 'the unticketed outbox published' });
      await waitFor(async () => ((await store.collection.findOne({ _id: 'stale-1' }))?.outboxPending === false ? true : undefined));
      const live = await store.collection.findOne({ _id: 'stale-3' });
      assert.equal(live?.outboxTicket, liveTicket, 'a fresh ticket of another process is not taken');
      assert.equal(live?.outboxPending, true);
      assert.equal(consumer.received.some((e) => e.aggregateId === 'stale-3'), false);
    } finally {
      await relay.close();
      await consumer.close();
      await store.collection.updateOne({ _id: 'stale-3' }, { $set: { outbox: [], outboxPending: false, outboxTicket: NO_TICKET } });
    }
  });

  it('loses nothing when RabbitMQ stops while 1,000 aggregates are saved', async () => {
    const consumer = await recordingConsumer(service);
    const relay = startRelay(database.db, signal, 'relay-outage');
    await relay.start();
    try {
      const saving = saveUsers(store, 'outage', 1_000);
      await waitFor(() => (consumer.received.length > 100 ? true : undefined), { what: 'first deliveries' });
      await infraCtl('stop', 'rabbitmq');
      await saving; // the database keeps taking writes while the broker is away
      assert.ok((await relay.relay.pendingCount()) > 0, 'events wait in the outbox during the outage');
      await infraCtl('start', 'rabbitmq');
      const expected = 3_000;
      await waitFor(
        () => (new Set(consumer.received.filter((e) => e.aggregateId.startsWith('outage-')).map((e) => e.id)).size >= expected ? true : undefined),
        { timeoutMs: 120_000, what: '3,000 distinct events after the outage' },
      );
      assertEveryAggregateInOrder(firstDeliveryOrder(consumer.received), 'outage', 1_000);
      assert.equal(await waitFor(async () => ((await relay.relay.pendingCount()) === 0 ? 0 : undefined)), 0);
    } finally {
      await relay.close();
      await consumer.close();
    }
  });

  it('two relays over one database lose nothing and never reorder an aggregate', async () => {
    const consumer = await recordingConsumer(service);
    const first = startRelay(database.db, signal, 'relay-1');
    const second = startRelay(database.db, signal, 'relay-2');
    await Promise.all([first.start(), second.start()]);
    try {
      await saveUsers(store, 'pair', 300);
      await waitFor(
        () => (new Set(consumer.received.filter((e) => e.aggregateId.startsWith('pair-')).map((e) => e.id)).size >= 900 ? true : undefined),
        { timeoutMs: 60_000, what: '900 distinct events' },
      );
      const pairEvents = consumer.received.filter((e) => e.aggregateId.startsWith('pair-'));
      const order = new Map<string, number[]>();
      for (const event of pairEvents) order.set(event.aggregateId, [...(order.get(event.aggregateId) ?? []), event.aggregateVersion]);
      // Strict: with leases, not even a duplicate appears, so arrival order itself is 1, 2, 3.
      assertEveryAggregateInOrder(order, 'pair', 300);
      await waitFor(async () => ((await first.relay.pendingCount()) === 0 ? true : undefined), { what: 'empty outbox' });
    } finally {
      await Promise.all([first.close(), second.close()]);
      await consumer.close();
    }
  });
});
