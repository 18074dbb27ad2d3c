/**
 * Sockets across two notification replicas (issue 24): two processes of the built service, each
 * on its own port, joined by the Redis adapter: replica 1 consumes the queue (`dist/main.js`),
 * replica 2 holds sockets only (`consume: false`, socket-only-main.mjs). BENCH_SOCKETS clients
 * (30,000) are split evenly between them, held by child processes (BENCH_CLIENTS_PER_WORKER
 * each), so no process, service or client, needs more files than its limit allows. Then
 * BENCH_RATE `interaction.like.added` events per second are published on RabbitMQ for
 * BENCH_SECONDS, alternately to a user on replica 1 and to one on replica 2 (users sampled among
 * those holding a socket): replica 1 consumes every event and stores its notification, and the
 * push reaches the owner's socket through replica 1 itself or, through Redis, replica 2.
 * Latency runs from the publish (this process) to the owner's socket receiving it (a worker).
 * Every receipt is checked against the event's owner: a push on another user's socket is counted
 * (`misdelivered`). Prints one JSON line on stdout, progress on stderr.
 *
 *   BENCH_SOCKETS=2000 BENCH_RATE=50 BENCH_SECONDS=5 npm run bench:notify:replicas   # small
 *   npm run bench:notify:replicas                                                    # 30,000
 */
import { deleteServiceQueues, freshDatabase, infra, startTestIssuer, uniqueName, Upstream } from '@eventonight/testing';
import { infraProcesses, startCpuWindow, type WatchedProcess } from '../../../bench/process-cpu.js';
import { resetServiceStats, serviceCost } from '../../../bench/service-stats.js';
import { percentile, report, round } from '../../../bench/stats.js';
import { intFromEnv, openFileCount, openFilesLimit, progress, residentMiB, SocketWorkers, startServiceProcess, type ServiceProcess } from './processes.js';
import { wallClockMs, type BenchUser, type Receipt } from './worker-protocol.js';

const sockets = intFromEnv('BENCH_SOCKETS', 30_000);
const rate = intFromEnv('BENCH_RATE', 100);
const seconds = intFromEnv('BENCH_SECONDS', 10);
const drainMs = intFromEnv('BENCH_DRAIN_MS', 10_000);
const connectConcurrency = intFromEnv('BENCH_CONNECT_CONCURRENCY', 50);
// As in bench:notify: the service's own files (MongoDB pool, AMQP, Redis, listener, epoll, stdio).
const SERVICE_FD_RESERVE = 200;
// A worker's own files besides its sockets (IPC, stdio, epoll, the loader).
const WORKER_FD_RESERVE = 100;
const REPLICAS = 2;

const fdLimit = openFilesLimit();
const socketCap = intFromEnv('BENCH_SOCKET_MAX_CONNECTIONS', Number.isFinite(fdLimit) ? Math.max(1, fdLimit - SERVICE_FD_RESERVE) : 1_000_000);
const requestedPerWorker = intFromEnv('BENCH_CLIENTS_PER_WORKER', 5_000);
const perWorker = Number.isFinite(fdLimit) ? Math.min(requestedPerWorker, fdLimit - WORKER_FD_RESERVE) : requestedPerWorker;
if (perWorker < 1) throw new Error(`an open-files limit of ${fdLimit} leaves no room for sockets in a worker`);
// Replica 1 takes the odd one.
const shares = [Math.ceil(sockets / REPLICAS), Math.floor(sockets / REPLICAS)];
progress(`open-files limit per process: ${fdLimit}; SOCKET_MAX_CONNECTIONS ${socketCap} per replica; ${perWorker} clients per worker`);
for (const [index, share] of shares.entries()) {
  if (share > socketCap) progress(`warning: ${share} sockets for replica ${index + 1} exceed its cap of ${socketCap}; the rest are refused`);
}

const name = uniqueName('notification_replicas_bench');
const database = await freshDatabase('notification_replicas_bench');
const issuer = await startTestIssuer();
const extra = { SOCKET_MAX_CONNECTIONS: String(socketCap), REDIS_URL: infra.redisUrl };
const replicas: ServiceProcess[] = [];
const groups: (SocketWorkers | undefined)[] = [];
let upstream: Upstream | undefined;

interface Sent {
  at: number;
  ownerId: string;
  replica: number;
}
const published = new Map<string, Sent>();
/** Per replica (where the owner's socket is): latency of each first receipt. */
const latencies: number[][] = [[], []];
const delivered = new Set<string>();
let duplicates = 0;
let misdelivered = 0;
let unknown = 0;

try {
  // Replica 1 consumes; replica 2 only holds sockets. Both share the service's name (its queue)
  // and Redis, as production's replicas do.
  replicas.push(await startServiceProcess({ database: database.name, issuer, name, extra }));
  replicas.push(await startServiceProcess({ database: database.name, issuer, name, extra, socketOnly: true }));
  upstream = await Upstream.open();
  const readyMiB = replicas.map((replica) => residentMiB(replica.pid));
  progress(`replicas ready: ${replicas.map((replica, index) => `${index + 1} = pid ${replica.pid} at ${replica.url}`).join(', ')}`);

  const minted = performance.now();
  // An hour of validity: the server disconnects a socket when its token expires.
  const users: BenchUser[] = await Promise.all(
    Array.from({ length: sockets }, async (_, i) => {
      const id = `bench-${i}-${name}`;
      return { id, token: await issuer.mint({ sub: id, roles: ['member'], expiresInSec: 3_600 }) };
    }),
  );
  progress(`${sockets} tokens minted in ${Math.round(performance.now() - minted)} ms; connecting`);
  const usersOf = [users.slice(0, shares[0]), users.slice(shares[0])];

  const onReceipt = ([userId, , eventId, receivedAt]: Receipt): void => {
    const sent = published.get(eventId);
    if (sent === undefined) unknown += 1;
    else if (sent.ownerId !== userId) misdelivered += 1;
    else if (delivered.has(eventId)) duplicates += 1;
    else {
      delivered.add(eventId);
      latencies[sent.replica]!.push(receivedAt - sent.at);
    }
  };
  // Distinct loopback addresses for every worker of both groups (ephemeral ports per address).
  const workersOf = usersOf.map((group) => Math.ceil(group.length / perWorker));
  const connections = await Promise.all(
    replicas.map((replica, index) =>
      SocketWorkers.connect({
        url: replica.url,
        users: usersOf[index]!,
        perWorker,
        concurrency: connectConcurrency,
        timeoutMs: 20_000,
        onReceipt,
        firstAddress: 10 + (index === 0 ? 0 : workersOf[0]!),
        label: `replica ${index + 1}`,
      }),
    ),
  );
  for (const connection of connections) groups.push(connection.workers);
  const connectedMiB = replicas.map((replica) => residentMiB(replica.pid));
  const openFiles = replicas.map((replica) => openFileCount(replica.pid));
  for (const [index, connection] of connections.entries()) {
    progress(
      `replica ${index + 1}: ${connection.connected} sockets held (${connection.failed} failed` +
        `${connection.firstError === null ? '' : `, first: ${connection.firstError}`}) in ${connection.seconds} s; ` +
        `RSS ${connectedMiB[index]} MiB, ${openFiles[index]} open files`,
    );
  }

  // The owners: users holding a socket, each replica's in turn.
  const pools = usersOf.map((group, index) => group.filter((user) => !connections[index]!.failedUserIds.has(user.id)));
  const sampled = pools.map((pool, index) => (pool.length > 0 ? pool : usersOf[index]!));
  const expected = rate * seconds;
  const watched: WatchedProcess[] = [
    ...replicas.map((replica, index) => ({ name: `notification-${index + 1}`, pid: replica.pid })),
    ...infraProcesses(infra),
    { name: 'bench', pid: process.pid },
    ...groups.flatMap((group, index) => (group?.pids ?? []).map((pid, n) => ({ name: `clients-${index + 1}.${n + 1}`, pid }))),
  ];
  for (const replica of replicas) await resetServiceStats(replica.opsUrl);
  const cpu = startCpuWindow(watched);
  // Ticks every 10 ms, publishing whatever is due, so the rate holds even when a tick runs late.
  const started = performance.now();
  let sent = 0;
  while (sent < expected) {
    const due = Math.min(expected, Math.floor(((performance.now() - started) / 1_000) * rate));
    for (; sent < due; sent += 1) {
      const replica = sent % REPLICAS;
      const pool = sampled[replica]!;
      // A stride through the pool: the owners are spread over its workers, few repeat.
      const owner = pool[(Math.floor(sent / REPLICAS) * 7_919 + replica) % pool.length]!;
      const eventId = `bench-${sent}`;
      const event = upstream.event('interaction.like.added', { eventId, userId: `fan-${sent}`, eventOwnerId: owner.id });
      published.set(eventId, { at: wallClockMs(), ownerId: owner.id, replica });
      upstream.publish(event);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const sendSeconds = (performance.now() - started) / 1_000;
  progress(`${expected} events published in ${Math.round(sendSeconds * 1_000)} ms; draining`);
  let reachable = 0;
  for (const { ownerId, replica } of published.values()) if (!connections[replica]!.failedUserIds.has(ownerId)) reachable += 1;
  const deadline = performance.now() + drainMs;
  while (delivered.size < reachable && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const cpuWindow = cpu.end();
  // One more batch of receipts (workers flush every 100 ms), so a late duplicate or stray is counted.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const endMiB = replicas.map((replica) => residentMiB(replica.pid));
  const cost = Object.fromEntries(
    await Promise.all(replicas.map(async (replica, index) => [`notification-${index + 1}`, await serviceCost(replica.opsUrl, expected)] as const)),
  );

  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return {
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted.length === 0 ? null : round(sorted[sorted.length - 1]!),
    };
  };
  const sentTo = [0, 0];
  for (const { replica } of published.values()) sentTo[replica] = (sentTo[replica] ?? 0) + 1;
  const perReplica = replicas.map((replica, index) => ({
    role: index === 0 ? 'consuming' : 'socket-only',
    socketsAsked: usersOf[index]!.length,
    socketsHeld: connections[index]!.connected,
    socketsFailed: connections[index]!.failed,
    socketsLost: groups[index]!.lost,
    connectSeconds: connections[index]!.seconds,
    pushesSent: sentTo[index],
    pushesDelivered: latencies[index]!.length,
    ...summary(latencies[index]!),
    rssMiB: { ready: readyMiB[index], connected: connectedMiB[index], end: endMiB[index], peak: residentMiB(replica.pid, 'VmHWM') },
    openFiles: openFiles[index],
    workers: workersOf[index],
  }));
  const all = latencies.flat();
  report('notify-replicas', {
    sockets,
    socketsHeld: connections.reduce((sum, connection) => sum + connection.connected, 0),
    delivered: delivered.size,
    expected,
    expectedReachable: reachable,
    duplicates,
    misdelivered,
    unknownReceipts: unknown,
    ...summary(all),
    ratePerSec: rate,
    achievedRate: round(expected / sendSeconds),
    seconds,
    replicas: perReplica,
    // CPU from the first publish to the end of the drain, per process (/proc/<pid>/stat).
    cpu: cpuWindow,
    cost,
    fdLimit,
    socketCap,
    clientsPerWorker: perWorker,
  });
} finally {
  await Promise.all(groups.map((group) => group?.close()));
  await upstream?.close();
  await Promise.all(replicas.map((replica) => replica.stop()));
  await deleteServiceQueues(name);
  await issuer.close();
  await database.dispose();
}
