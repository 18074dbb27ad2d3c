/**
 * End-to-end push latency: N connected clients, M like events per second published to
 * RabbitMQ for D seconds; each event's latency runs from publish to the owner's socket
 * receiving the push. Prints one JSON line. Real RabbitMQ, MongoDB (and Redis with
 * BENCH_REDIS=1); a local test issuer signs the tokens.
 *
 *   npm run bench:notify                     # 50 clients, 100 events/s, 10 s
 *   BENCH_CLIENTS=200 BENCH_RATE=300 BENCH_SECONDS=20 BENCH_REDIS=1 npm run bench:notify
 */
import type { Socket } from 'socket.io-client';
import { deleteServiceQueues, freshDatabase, infra, startTestIssuer, uniqueName } from '@eventonight/testing';
import { connectClient, newUser, startNotification, Upstream, type Received } from '../test/helpers.js';

function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

const clients = intFromEnv('BENCH_CLIENTS', 50);
const rate = intFromEnv('BENCH_RATE', 100);
const seconds = intFromEnv('BENCH_SECONDS', 10);
const drainMs = intFromEnv('BENCH_DRAIN_MS', 10_000);
const withRedis = process.env['BENCH_REDIS'] === '1';

const name = uniqueName('notification_bench');
const database = await freshDatabase('notification_bench');
const issuer = await startTestIssuer();
const service = await startNotification({
  database: database.name,
  issuer,
  name,
  extra: withRedis ? { REDIS_URL: infra.redisUrl } : {},
});
const upstream = await Upstream.open();
const sockets: Socket[] = [];
const publishedAt = new Map<string, number>();
const latencies: number[] = [];

try {
  const owners = await Promise.all(Array.from({ length: clients }, () => newUser(issuer, 'bench')));
  for (const owner of owners) {
    const socket = await connectClient(service.url, owner.token);
    socket.on('notification', (notification: Received) => {
      const sent = publishedAt.get(String(notification.data['eventId']));
      if (sent !== undefined) latencies.push(performance.now() - sent);
    });
    sockets.push(socket);
  }

  // Ticks every 10 ms, publishing whatever is due, so the rate holds even when a tick runs late.
  const expected = rate * seconds;
  const started = performance.now();
  let sent = 0;
  while (sent < expected) {
    const due = Math.min(expected, Math.floor(((performance.now() - started) / 1_000) * rate));
    for (; sent < due; sent += 1) {
      const owner = owners[sent % owners.length]!;
      const eventId = `bench-${sent}`;
      const event = upstream.event('interaction.like.added', { eventId, userId: `fan-${sent}`, eventOwnerId: owner.id });
      publishedAt.set(eventId, performance.now());
      upstream.publish(event);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const deadline = performance.now() + drainMs;
  while (latencies.length < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: 'notify',
      at: new Date().toISOString(),
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      delivered: latencies.length,
      expected,
      clients,
      ratePerSec: rate,
      seconds,
      redis: withRedis,
    }),
  );
} finally {
  for (const socket of sockets) socket.close();
  await upstream.close();
  await service.close();
  await deleteServiceQueues(name);
  await issuer.close();
  await database.dispose();
}
