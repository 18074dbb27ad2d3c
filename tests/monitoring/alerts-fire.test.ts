/**
 * Alerts fire for real (docs/adr/0037): the local Prometheus scrapes RabbitMQ's Prometheus plugin
 * and its targets every second, evaluates production's rules (with short `for:` waits, locally
 * only), and Alertmanager delivers to a webhook receiver this test runs. A queue that loses its
 * consumer raises QueueWithoutConsumer, which resolves when a consumer is back; a scrape target
 * that stops answering raises ServiceDown, which resolves when it answers again.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { waitFor } from '@eventonight/testing';
import { fileURLToPath } from 'node:url';
import { saveAlertsPicture } from './support/alerts-picture.js';
import { queryVector, startMonitoringServers, targetsDir, WebhookReceiver } from './support/monitoring.js';

/** The alerts page while the probe's alert fires, for the runbook (docs/monitoring/). */
const ALERTS_PICTURE = fileURLToPath(new URL('../../docs/monitoring/prometheus-alerts.png', import.meta.url));

/** The platform's vhost "/", the one the local Prometheus reads queues from; not the tests' vhost. */
const amqpUrl = process.env['RABBITMQ_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const EXCHANGE = 'eventonight';
const WAIT = { timeoutMs: 60_000, intervalMs: 250 };

describe('alerts fire and resolve through Prometheus and Alertmanager', () => {
  let receiver: WebhookReceiver;

  before(async () => {
    await startMonitoringServers('prometheus', 'alertmanager');
    receiver = await WebhookReceiver.listen();
  });

  after(async () => {
    await receiver.close();
  });

  describe('a queue whose consumer stops', () => {
    const queue = `monitoring-probe.${randomUUID()}`;
    let connection: ChannelModel;
    let channel: Channel;

    before(async () => {
      connection = await amqp.connect(amqpUrl);
      channel = await connection.createChannel();
      await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
      // A quorum queue like the services' (not auto-delete: it must outlive its consumer).
      await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
      await channel.bindQueue(queue, EXCHANGE, queue);
    });

    after(async () => {
      await channel.deleteQueue(queue);
      await connection.close();
    });

    test('raises QueueWithoutConsumer, delivered to the webhook, and resolves when a consumer is back', async () => {
      const first = await channel.consume(queue, (message) => message && channel.ack(message));
      await waitFor(async () => ((await queryVector(`rabbitmq_detailed_queue_consumers{queue="${queue}"} == 1`)).length ? true : undefined), {
        ...WAIT,
        what: 'Prometheus to see the consumer',
      });

      await channel.cancel(first.consumerTag);
      const firing = await waitFor(() => receiver.find('firing', { alertname: 'QueueWithoutConsumer', queue }), {
        ...WAIT,
        what: 'the firing QueueWithoutConsumer notification',
      });
      assert.equal(firing.labels['severity'], 'critical');
      assert.equal(firing.labels['vhost'], '/');
      assert.match(firing.annotations['summary'] ?? '', new RegExp(queue.replaceAll('.', '\\.')));
      assert.equal(firing.annotations['runbook_url'], 'docs/runbook.md#queuewithoutconsumer');
      await saveAlertsPicture('QueueWithoutConsumer', `queue="${queue}"`, ALERTS_PICTURE);

      await channel.consume(queue, (message) => message && channel.ack(message));
      await waitFor(() => receiver.find('resolved', { alertname: 'QueueWithoutConsumer', queue }), {
        ...WAIT,
        what: 'the resolved QueueWithoutConsumer notification',
      });
    });
  });

  describe('a scrape target that stops answering', () => {
    const job = `monitoring-probe-${randomUUID()}`;
    const targetFile = join(targetsDir, `${job}.json`);
    let server: Server;
    let port: number;

    const serveMetrics = async (listenPort: number): Promise<Server> => {
      const metrics = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end('eventonight_probe 1\n');
      });
      await new Promise<void>((done) => metrics.listen(listenPort, '127.0.0.1', done));
      return metrics;
    };
    const stop = async (metrics: Server): Promise<void> => {
      metrics.closeAllConnections();
      await new Promise<void>((done) => metrics.close(() => done()));
    };

    before(async () => {
      server = await serveMetrics(0);
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      port = address.port;
      mkdirSync(targetsDir, { recursive: true });
      writeFileSync(targetFile, JSON.stringify([{ targets: [`127.0.0.1:${port}`], labels: { job } }]));
    });

    after(async () => {
      rmSync(targetFile, { force: true });
      if (server.listening) await stop(server);
    });

    test('raises ServiceDown for it, delivered to the webhook, and resolves when it answers again', async () => {
      await waitFor(async () => ((await queryVector(`up{job="${job}"} == 1`)).length ? true : undefined), {
        ...WAIT,
        what: 'Prometheus to scrape the new target',
      });

      await stop(server);
      const firing = await waitFor(() => receiver.find('firing', { alertname: 'ServiceDown', job }), {
        ...WAIT,
        what: 'the firing ServiceDown notification',
      });
      assert.equal(firing.labels['instance'], `127.0.0.1:${port}`);
      assert.equal(firing.labels['severity'], 'critical');

      server = await serveMetrics(port);
      await waitFor(() => receiver.find('resolved', { alertname: 'ServiceDown', job }), {
        ...WAIT,
        what: 'the resolved ServiceDown notification',
      });
    });
  });
});
