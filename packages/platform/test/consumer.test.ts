import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import amqp, { type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import { deleteServiceQueues, infra, uniqueName, waitFor } from '@eventonight/testing';
import {
  BusConnection,
  EXCHANGE,
  EventConsumer,
  HEADER_ATTEMPT,
  HEADER_REASON,
  HEADER_ROUTING_KEY,
  messagePropertiesOf,
} from '../src/bus/index.js';
import { likeEvent, silentLogger } from './fixtures.js';


describe('event consumer: manual ack, retries with growing delay, dead letters', { timeout: 60_000 }, () => {
  const service = uniqueName('consumertest');
  let connection: BusConnection;
  let admin: ChannelModel;
  let channel: Channel;
  const attempts = new Map<string, number[]>();
  const handled: string[] = [];
  let consumer: EventConsumer;

  before(async () => {
    connection = new BusConnection({ url: infra.amqpUrl, name: service, logger: silentLogger });
    consumer = new EventConsumer(connection, {
      service,
      logger: silentLogger,
      retryDelaysMs: [300, 900],
      handlers: {
        'interaction.like.added': async (event, context) => {
          const times = attempts.get(event.data.userId) ?? [];
          times.push(Date.now());
          attempts.set(event.data.userId, times);
          assert.equal(context.attempt, times.length - 1, 'the attempt number travels with the message');
          if (event.data.userId.startsWith('failing')) throw new Error(`cannot handle ${event.data.userId}`);
          if (event.data.userId.startsWith('flaky') && times.length < 2) throw new Error('first attempt fails');
          handled.push(event.data.userId);
        },
      },
    });
    await consumer.start();
    await connection.start();
    admin = await amqp.connect(infra.amqpUrl);
    channel = await admin.createChannel();
  });

  after(async () => {
    await consumer.stop();
    await connection.close();
    await admin.close();
    await deleteServiceQueues(service, 2);
  });

  function publish(body: Buffer, routingKey: string, messageId = uniqueName('msg')): void {
    channel.publish(EXCHANGE, routingKey, body, { persistent: true, messageId, contentType: 'application/json' });
  }

  async function nextDeadLetter(): Promise<GetMessage> {
    return waitFor(async () => {
      const message = await channel.get(`${service}.dlq`, { noAck: true });
      return message === false ? undefined : message;
    }, { timeoutMs: 15_000, what: 'a dead letter' });
  }

  it('handles a valid event once and acknowledges it', async () => {
    const event = likeEvent('ok-1');
    channel.publish(EXCHANGE, event.type, Buffer.from(JSON.stringify(event)), messagePropertiesOf(event));
    await waitFor(() => (handled.includes('ok-1') ? true : undefined));
    const queue = await channel.checkQueue(service);
    assert.equal(queue.messageCount, 0, 'nothing left unacknowledged in the queue');
  });

  it('retries a failing handler with growing delays, then dead-letters it with the reason', async () => {
    const event = likeEvent('failing-1');
    channel.publish(EXCHANGE, event.type, Buffer.from(JSON.stringify(event)), messagePropertiesOf(event));
    const dead = await nextDeadLetter();
    const times = attempts.get('failing-1') ?? [];
    assert.equal(times.length, 3, 'first delivery plus two retries');
    const [t0, t1, t2] = times as [number, number, number];
    assert.ok(t1 - t0 >= 250, `first retry waited ${t1 - t0} ms (expected ≥ 300 ms)`);
    assert.ok(t2 - t1 >= 800, `second retry waited ${t2 - t1} ms (expected ≥ 900 ms)`);
    assert.equal(dead.properties.messageId, event.id);
    assert.match(String(dead.properties.headers?.[HEADER_REASON]), /after 3 attempts: cannot handle failing-1/);
    assert.equal(dead.properties.headers?.[HEADER_ROUTING_KEY], 'interaction.like.added');
    assert.deepEqual(JSON.parse(dead.content.toString()), event, 'the dead letter keeps the original body');
  });

  it('a handler that fails once succeeds on its retry and is not dead-lettered', async () => {
    const event = likeEvent('flaky-1');
    channel.publish(EXCHANGE, event.type, Buffer.from(JSON.stringify(event)), messagePropertiesOf(event));
    await waitFor(() => (handled.includes('flaky-1') ? true : undefined), { timeoutMs: 5_000 });
    assert.equal(attempts.get('flaky-1')?.length, 2);
    assert.equal(await channel.get(`${service}.dlq`), false);
  });

  it('dead-letters invalid messages with the reason and keeps consuming', async () => {
    publish(Buffer.from('{not json'), 'interaction.like.added');
    const notJson = await nextDeadLetter();
    assert.equal(notJson.properties.headers?.[HEADER_REASON], 'body is not valid JSON');

    const wrongShape = { ...likeEvent('bad-shape'), data: { eventId: 'ev-1' } };
    publish(Buffer.from(JSON.stringify(wrongShape)), 'interaction.like.added');
    const badData = await nextDeadLetter();
    assert.match(String(badData.properties.headers?.[HEADER_REASON]), /invalid data of "interaction.like.added": userId/);

    const unknownVersion = { ...likeEvent('bad-version'), version: 99 };
    publish(Buffer.from(JSON.stringify(unknownVersion)), 'interaction.like.added');
    const badVersion = await nextDeadLetter();
    assert.match(String(badVersion.properties.headers?.[HEADER_REASON]), /unsupported version 99/);
    assert.equal(badVersion.properties.headers?.[HEADER_ATTEMPT], undefined);

    const later = likeEvent('ok-after-invalid');
    channel.publish(EXCHANGE, later.type, Buffer.from(JSON.stringify(later)), messagePropertiesOf(later));
    await waitFor(() => (handled.includes('ok-after-invalid') ? true : undefined));
    assert.equal(attempts.has('bad-shape'), false, 'the handler never saw the invalid messages');
  });
});
