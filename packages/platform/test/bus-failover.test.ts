import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { deleteServiceQueues, infra, uniqueName, waitFor } from '@eventonight/testing';
import { BusConnection, EventConsumer, EventPublisher, hostOf } from '../src/bus/index.js';
import type { Logger } from '../src/logger/logger.js';
import { likeEvent } from './fixtures.js';

/**
 * AMQP_URL naming several cluster members (issue 24), against the real local RabbitMQ. The other
 * "members" are closed local ports (down) and a TCP relay to the same broker (a second member
 * that is up, under another address).
 */

interface LogLine {
  level: number;
  msg: string;
  host?: string;
  next?: string;
}

/** A logger that keeps every line, to see which members were tried and whether it backed off. */
function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line !== '') lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream) as unknown as Logger, lines };
}

/** A local port nothing listens on (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP relay to the broker on its own port: another address of the same, real RabbitMQ. */
async function relayTo(target: URL): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5672), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The broker's URL with another port. */
function atPort(port: number): string {
  const url = new URL(infra.amqpUrl);
  url.port = String(port);
  return url.toString();
}

const AUTH = `Basic ${Buffer.from('guest:guest').toString('base64')}`;

/** The broker's names of the connections a client opened under `connectionName` (management API). */
async function brokerConnections(connectionName: string): Promise<string[]> {
  const response = await fetch(`${infra.rabbitmqManagementUrl}/api/connections?columns=name,client_properties`, {
    headers: { authorization: AUTH },
  });
  assert.ok(response.ok, `management API: HTTP ${response.status}`);
  const all = (await response.json()) as Array<{ name: string; client_properties?: { connection_name?: string } }>;
  return all.filter((c) => c.client_properties?.connection_name === connectionName).map((c) => c.name);
}

/** Has the broker close the connection (what a member going down looks like to the client). */
async function closeFromBroker(connectionName: string): Promise<void> {
  // The management API lists a new connection a moment after it opened.
  const names = await waitFor(async () => {
    const found = await brokerConnections(connectionName);
    return found.length > 0 ? found : undefined;
  }, { what: `the broker to list ${connectionName}` });
  for (const name of names) {
    const response = await fetch(`${infra.rabbitmqManagementUrl}/api/connections/${encodeURIComponent(name)}`, {
      method: 'DELETE',
      headers: { authorization: AUTH, 'x-reason': 'failover test' },
    });
    assert.ok(response.ok || response.status === 404, `closing ${name}: HTTP ${response.status}`);
  }
}


const real = hostOf(infra.amqpUrl);

describe('BusConnection with several cluster members', { timeout: 60_000 }, () => {
  let relay: { port: number; close(): Promise<void> };
  before(async () => {
    relay = await relayTo(new URL(infra.amqpUrl));
  });
  after(() => relay.close());

  it('skips unreachable members at once and connects to the first reachable one, logging only its host', async () => {
    const [down1, down2] = [await closedPort(), await closedPort()];
    const { logger, lines } = recordingLogger();
    const url = [atPort(down1), atPort(down2), infra.amqpUrl].join(',');
    const connection = new BusConnection({ url, name: uniqueName('failover'), logger });
    try {
      assert.deepEqual(connection.hosts, [`127.0.0.1:${down1}`, `127.0.0.1:${down2}`, real]);
      const startedAt = Date.now();
      await connection.start();
      const tookMs = Date.now() - startedAt;
      assert.equal(connection.connectedHost, real);
      // The first backoff (after a whole failed round) would be 100–200 ms, then 200–400 ms, ...
      assert.ok(tookMs < 1_000, `connected after ${tookMs} ms`);
      const skipped = lines.filter((line) => line.msg === 'rabbitmq not reachable; trying the next member');
      assert.deepEqual(
        skipped.map((line) => [line.host, line.next]),
        [
          [`127.0.0.1:${down1}`, `127.0.0.1:${down2}`],
          [`127.0.0.1:${down2}`, real],
        ],
      );
      assert.equal(lines.filter((line) => line.msg === 'rabbitmq not reachable').length, 0, 'no backoff within a round');
      assert.deepEqual(
        lines.filter((line) => line.msg === 'rabbitmq connected').map((line) => line.host),
        [real],
      );
      assert.doesNotMatch(JSON.stringify(lines), /guest:guest|guest@/, 'credentials never logged');
    } finally {
      await connection.close();
    }
  });

  it('backs off only after every member failed, then keeps trying them in turn', async () => {
    const [down1, down2] = [await closedPort(), await closedPort()];
    const { logger, lines } = recordingLogger();
    const connection = new BusConnection({ url: [atPort(down1), atPort(down2)].join(','), name: uniqueName('failover'), logger });
    const starting = connection.start();
    try {
      await waitFor(() => (lines.filter((line) => line.msg === 'rabbitmq not reachable').length >= 2 ? true : undefined), {
        timeoutMs: 5_000,
      });
      const attempts = lines
        .filter((line) => line.msg.startsWith('rabbitmq not reachable'))
        .slice(0, 4)
        .map((line) => [line.host, line.msg]);
      assert.deepEqual(attempts, [
        [`127.0.0.1:${down1}`, 'rabbitmq not reachable; trying the next member'],
        [`127.0.0.1:${down2}`, 'rabbitmq not reachable'],
        [`127.0.0.1:${down1}`, 'rabbitmq not reachable; trying the next member'],
        [`127.0.0.1:${down2}`, 'rabbitmq not reachable'],
      ]);
      assert.equal(connection.connected, false);
    } finally {
      await connection.close();
      await starting;
    }
  });

  it('a single URL behaves as before: reconnects to it after the broker closed the connection', async () => {
    const name = uniqueName('failover');
    const { logger, lines } = recordingLogger();
    const connection = new BusConnection({ url: infra.amqpUrl, name, logger });
    try {
      await connection.start();
      assert.deepEqual(connection.hosts, [real]);
      await closeFromBroker(name);
      await waitFor(() => (lines.filter((line) => line.msg === 'rabbitmq connected').length === 2 ? true : undefined));
      assert.equal(connection.connectedHost, real);
    } finally {
      await connection.close();
    }
  });

  it('after a lost connection reconnects starting with the next member; consumer and publisher work again', async () => {
    const service = uniqueName('failover');
    const { logger, lines } = recordingLogger();
    const viaRelay = `127.0.0.1:${relay.port}`;
    // The member after the relay is down: a lost connection to the relay must skip it and come back round.
    const down = await closedPort();
    const connection = new BusConnection({ url: [infra.amqpUrl, atPort(relay.port), atPort(down)].join(','), name: service, logger });
    const handled: string[] = [];
    const consumer = new EventConsumer(connection, {
      service,
      logger,
      handlers: {
        'interaction.like.added': async (event) => {
          handled.push(event.data.userId);
        },
      },
    });
    const publisher = new EventPublisher(connection, { logger, confirmTimeoutMs: 5_000 });
    const roundTrip = async (userId: string): Promise<void> => {
      // Right after a reconnection the consumer may still be re-subscribing: publish until confirmed.
      await waitFor(async () => ((await publisher.publish([likeEvent(userId)]))[0] === true ? true : undefined), {
        what: `the broker to confirm ${userId}`,
      });
      await waitFor(() => (handled.includes(userId) ? true : undefined), { what: `${userId} to be consumed` });
    };
    try {
      await consumer.start();
      await connection.start();
      assert.equal(connection.connectedHost, real);
      await roundTrip('before');

      await closeFromBroker(service);
      await waitFor(() => (connection.connectedHost === viaRelay ? true : undefined), { what: 'a connection through the next member' });
      await roundTrip('after-first-loss');

      await closeFromBroker(service);
      await waitFor(() => (connection.connectedHost === real ? true : undefined), { what: 'a connection through the first member again' });
      await roundTrip('after-second-loss');

      const connected = lines.filter((line) => line.msg === 'rabbitmq connected').map((line) => line.host);
      assert.deepEqual(connected, [real, viaRelay, real]);
      const lost = lines.filter((line) => line.msg === 'rabbitmq connection lost; reconnecting').map((line) => line.host);
      assert.deepEqual(lost, [real, viaRelay]);
      // After losing the relay, the down member was tried at once (no backoff) before the first one.
      assert.deepEqual(
        lines.filter((line) => line.msg.startsWith('rabbitmq not reachable')).map((line) => [line.host, line.msg]),
        [[`127.0.0.1:${down}`, 'rabbitmq not reachable; trying the next member']],
      );
    } finally {
      await consumer.stop();
      await connection.close();
      await deleteServiceQueues(service);
    }
  });
});
