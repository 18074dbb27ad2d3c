/**
 * Sockets per notification instance and push latency: one notification service in a process
 * of its own (its built entry point), BENCH_CLIENTS Socket.IO clients in child processes
 * (BENCH_CLIENTS_PER_WORKER each), then BENCH_RATE `interaction.like.added` events per second
 * published to RabbitMQ for BENCH_SECONDS, spread over the clients. Each push's latency runs
 * from the publish (parent) to the owner's socket receiving it (worker), on one wall clock.
 * Real RabbitMQ, MongoDB (and Redis with BENCH_REDIS=1); a local test issuer signs the tokens.
 * Prints one JSON line on stdout, progress on stderr.
 *
 *   npm run bench:notify                                  # 50 clients, 100 events/s, 10 s
 *   BENCH_CLIENTS=20000 BENCH_RATE=200 BENCH_SECONDS=20 npm run bench:notify
 */
import { deleteServiceQueues, freshDatabase, infra, startTestIssuer, uniqueName, Upstream } from '@eventonight/testing';
import { resetServiceStats, serviceCost } from '../../../bench/service-stats.js';
import { percentile, report } from '../../../bench/stats.js';
import { intFromEnv, openFileCount, openFilesLimit, progress, residentMiB, SocketWorkers, startServiceProcess } from './processes.js';
import { wallClockMs, type BenchUser } from './worker-protocol.js';

const clients = intFromEnv('BENCH_CLIENTS', 50);
const rate = intFromEnv('BENCH_RATE', 100);
const seconds = intFromEnv('BENCH_SECONDS', 10);
const drainMs = intFromEnv('BENCH_DRAIN_MS', 10_000);
const perWorker = intFromEnv('BENCH_CLIENTS_PER_WORKER', 5_000);
const connectConcurrency = intFromEnv('BENCH_CONNECT_CONCURRENCY', 50);
const withRedis = process.env['BENCH_REDIS'] === '1';
// Sockets are not all the service holds: its MongoDB pool, AMQP, the listener, stdio, epoll.
// Without a cap, a service at its limit cannot open a database connection (EMFILE).
const SERVICE_FD_RESERVE = 200;

const fdLimit = openFilesLimit();
// As production should run it: SOCKET_MAX_CONNECTIONS below the open-files limit.
const socketCap = intFromEnv('BENCH_SOCKET_MAX_CONNECTIONS', Number.isFinite(fdLimit) ? Math.max(1, fdLimit - SERVICE_FD_RESERVE) : 1_000_000);
progress(`open-files limit of this process (inherited by the service): ${fdLimit}; SOCKET_MAX_CONNECTIONS ${socketCap}`);
if (clients > socketCap) progress(`warning: ${clients} clients exceed the service's cap of ${socketCap} sockets; the rest are refused`);

const name = uniqueName('notification_bench');
const database = await freshDatabase('notification_bench');
const issuer = await startTestIssuer();
const service = await startServiceProcess({
  database: database.name,
  issuer,
  name,
  extra: { SOCKET_MAX_CONNECTIONS: String(socketCap), ...(withRedis ? { REDIS_URL: infra.redisUrl } : {}) },
});
const upstream = await Upstream.open();
let workers: SocketWorkers | undefined;

const publishedAt = new Map<string, { at: number; ownerId: string }>();
const deliveredAt = new Map<string, number>();
let duplicates = 0;
let misdelivered = 0;

try {
  const memory = { readyMiB: residentMiB(service.pid), connectedMiB: null as number | null, endMiB: null as number | null };
  const minted = performance.now();
  // An hour of validity: the server disconnects a socket when its token expires.
  const users: BenchUser[] = await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const id = `bench-${i}-${name}`;
      return { id, token: await issuer.mint({ sub: id, roles: ['member'], expiresInSec: 3_600 }) };
    }),
  );
  progress(`${clients} tokens minted in ${Math.round(performance.now() - minted)} ms; connecting`);

  const connection = await SocketWorkers.connect({
    url: service.url,
    users,
    perWorker,
    concurrency: connectConcurrency,
    timeoutMs: 20_000,
    onReceipt: ([userId, , eventId, receivedAt]) => {
      const sent = publishedAt.get(eventId);
      if (sent === undefined || sent.ownerId !== userId) misdelivered += 1;
      else if (deliveredAt.has(eventId)) duplicates += 1;
      else deliveredAt.set(eventId, receivedAt - sent.at);
    },
  });
  workers = connection.workers;
  memory.connectedMiB = residentMiB(service.pid);
  const serviceOpenFiles = openFileCount(service.pid);
  progress(
    `${connection.connected} sockets held (${connection.failed} failed${connection.firstError === null ? '' : `, first: ${connection.firstError}`}) ` +
      `in ${connection.seconds} s; service RSS ${memory.connectedMiB} MiB, ${serviceOpenFiles} open files`,
  );

  // Ticks every 10 ms, publishing whatever is due, so the rate holds even when a tick runs late.
  // Events go round-robin over the users; a user whose socket failed simply gets no push.
  const expected = rate * seconds;
  await resetServiceStats(service.opsUrl);
  const started = performance.now();
  let sent = 0;
  while (sent < expected) {
    const due = Math.min(expected, Math.floor(((performance.now() - started) / 1_000) * rate));
    for (; sent < due; sent += 1) {
      const owner = users[sent % users.length]!;
      const eventId = `bench-${sent}`;
      const event = upstream.event('interaction.like.added', { eventId, userId: `fan-${sent}`, eventOwnerId: owner.id });
      publishedAt.set(eventId, { at: wallClockMs(), ownerId: owner.id });
      upstream.publish(event);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  progress(`${expected} events published in ${Math.round(performance.now() - started)} ms; draining`);
  // A user whose socket failed never gets its pushes: they are not waited for.
  let reachable = 0;
  for (const { ownerId } of publishedAt.values()) if (!connection.failedUserIds.has(ownerId)) reachable += 1;
  const deadline = performance.now() + drainMs;
  while (deliveredAt.size < reachable && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  // One more batch of receipts (workers flush every 100 ms), so a late duplicate is counted.
  await new Promise((resolve) => setTimeout(resolve, 300));
  memory.endMiB = residentMiB(service.pid);
  // Per push: the service's database waits (each push stores its notification) and its CPU.
  const cost = await serviceCost(service.opsUrl, expected);

  const sorted = [...deliveredAt.values()].sort((a, b) => a - b);
  report('notify', {
    clients,
    socketsHeld: connection.connected,
    socketsFailed: connection.failed,
    socketsLost: workers.lost,
    connectSeconds: connection.seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length === 0 ? null : Math.round(sorted[sorted.length - 1]! * 10) / 10,
    delivered: deliveredAt.size,
    expected,
    expectedReachable: reachable,
    duplicates,
    misdelivered,
    ratePerSec: rate,
    seconds,
    redis: withRedis,
    serviceRssMiB: { ready: memory.readyMiB, connected: memory.connectedMiB, end: memory.endMiB, peak: residentMiB(service.pid, 'VmHWM') },
    serviceOpenFiles,
    cost,
    fdLimit,
    socketCap,
    workers: Math.ceil(clients / perWorker),
  });
} finally {
  await workers?.close();
  await upstream.close();
  await service.stop();
  await deleteServiceQueues(name);
  await issuer.close();
  await database.dispose();
}
