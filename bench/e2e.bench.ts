/**
 * bench:e2e — a like reaching the organizer's screen, through the whole platform: the seven
 * services as processes (`startSystem`), real Keycloak tokens, RabbitMQ and FerretDB.
 * Members like the organization's events at a fixed rate (`PUT /events/:id/like` on
 * interaction); the organizer is connected to the notification service over Socket.IO. Each
 * like is a distinct (member, event) pair, so each pushed `event.liked` matches exactly one
 * send, and latency runs from just before the PUT leaves to the push arriving.
 * Env: BENCH_RATE likes/s (20), BENCH_SECONDS (15), BENCH_DRAIN_MS wait for stragglers (30000),
 * BENCH_LOG_LEVEL of the services (warn: per-request info logs would be measured too),
 * BENCH_REPLICAS (1): processes of interaction and of notification each (issue 24); the likes go
 * round-robin to the interaction processes, which share its queue and database, and the notification
 * processes share theirs and Redis (the organizer's socket is on the first: a push consumed by
 * another replica reaches it through the Redis adapter). `cpu` gives every process's CPU seconds
 * over the sending (/proc/<pid>/stat): the services, their replicas, FerretDB, PostgreSQL (with its
 * backends), RabbitMQ, Redis and this process, with the machine's busy share over the same window.
 * Prints progress on stderr and one JSON line on stdout.
 */
import { performance } from 'node:perf_hooks';
import { benchServiceNodeOptions, connectNotificationSocket, deleteAccount, infra, inParallel, registerAccount, SERVICE_NAMES, startSystem, waitFor, type Account, type RunningSystem } from '@eventonight/testing';
import { benchTracing, intFromEnv, publishEvents, systemEnv, withReplicas, type ServiceInstance } from './platform-fixture.js';
import { infraProcesses, pidListeningOn, portOf, startCpuWindow, type WatchedProcess } from './process-cpu.js';
import { resetServiceStats, serviceCost } from './service-stats.js';
import { percentile, report, round } from './stats.js';

const rate = intFromEnv('BENCH_RATE', 20);
const seconds = intFromEnv('BENCH_SECONDS', 15);
const drainMs = intFromEnv('BENCH_DRAIN_MS', 30_000);
const logLevel = process.env['BENCH_LOG_LEVEL'] ?? 'warn';
const replicaCount = intFromEnv('BENCH_REPLICAS', 1);
const expected = rate * seconds;
// A grid of members × events just large enough for `expected` distinct pairs.
const memberCount = Math.ceil(Math.sqrt(expected));
const eventCount = Math.ceil(expected / memberCount);

interface Pushed {
  type: string;
  data: Record<string, unknown>;
}

/** The services on a like's path, whose database waits and CPU time are reported (`DB_COMMAND_STATS`). */
const MEASURED = ['interaction', 'notification'] as const;

const pairKey = (eventId: string, userId: string): string => `${eventId} ${userId}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Interaction learns published events by message; its public stats answer 404 until then. */
async function waitUntilInteractionKnows(system: RunningSystem, eventIds: readonly string[]): Promise<void> {
  const pending = new Set(eventIds);
  await waitFor(
    async () => {
      for (const eventId of [...pending]) {
        const reply = await fetch(`${system.url('interaction')}/events/${eventId}/stats`);
        await reply.arrayBuffer();
        if (reply.status === 200) pending.delete(eventId);
      }
      return pending.size === 0 ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 250, what: `interaction to know ${eventIds.length} events` },
  );
}

/** Every service process and replica (found by its port), the local servers and this process. */
function watchedProcesses(system: RunningSystem, instances: Record<string, ServiceInstance[]>): WatchedProcess[] {
  const services: WatchedProcess[] = [];
  for (const service of SERVICE_NAMES) {
    for (const instance of instances[service] ?? [{ name: service, url: system.url(service) }]) {
      services.push({ name: instance.name, pid: pidListeningOn(portOf(instance.url)) });
    }
  }
  return [...services, ...infraProcesses(infra), { name: 'bench', pid: process.pid }];
}

async function run(system: RunningSystem, accounts: Account[], instances: Record<string, ServiceInstance[]>) {
  const interactions = instances['interaction']!;
  const measured = MEASURED.flatMap((service) => instances[service]!);
  const userUrl = system.url('user');
  console.error(`registering 1 organization and ${memberCount} members, publishing ${eventCount} events…`);
  const organizer = await registerAccount(userUrl, {
    role: 'organization',
    displayName: 'Bench Organizer',
    organization: { name: 'Bench Organizer' },
  });
  accounts.push(organizer);
  const members = await inParallel(memberCount, 4, async (index) => {
    const member = await registerAccount(userUrl, { role: 'member', displayName: `Bench Member ${index}` });
    accounts.push(member);
    return member;
  });
  const eventIds = await publishEvents(system.url('event'), organizer, eventCount);
  await waitUntilInteractionKnows(system, eventIds);

  const sentAt = new Map<string, number>();
  const pushLatencies: number[] = [];
  const received = new Set<string>();
  let duplicates = 0;
  let unmatched = 0;
  const socket = await connectNotificationSocket(instances['notification']![0]!.url, await organizer.token(), 10_000);
  let lastPushAt = 0;
  try {
    socket.on('notification', (pushed: Pushed) => {
      const arrivedAt = performance.now();
      if (pushed.type !== 'event.liked') return;
      const key = pairKey(String(pushed.data['eventId']), String(pushed.data['userId']));
      const started = sentAt.get(key);
      if (started === undefined) unmatched += 1;
      else if (received.has(key)) duplicates += 1;
      else {
        received.add(key);
        pushLatencies.push(arrivedAt - started);
        lastPushAt = arrivedAt;
      }
    });

    // Tokens first, so no password grant runs inside the timed window.
    const tokens = await Promise.all(members.map((member) => member.token()));
    const httpLatencies: number[] = [];
    const statuses: Record<string, number> = {};
    let accepted = 0;
    const inFlight: Promise<void>[] = [];
    const like = async (index: number): Promise<void> => {
      const memberIndex = index % memberCount;
      const eventId = eventIds[Math.floor(index / memberCount)]!;
      const key = pairKey(eventId, members[memberIndex]!.id);
      const started = performance.now();
      sentAt.set(key, started);
      try {
        const reply = await fetch(`${interactions[index % interactions.length]!.url}/events/${eventId}/like`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${tokens[memberIndex]!}` },
        });
        await reply.arrayBuffer();
        httpLatencies.push(performance.now() - started);
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
        if (reply.status === 201) accepted += 1;
      } catch (error) {
        statuses['network'] = (statuses['network'] ?? 0) + 1;
        console.error(`like ${index}: ${String(error)}`);
      }
    };

    console.error(`sending ${expected} likes at ${rate}/s for ${seconds} s…`);
    for (const instance of measured) await resetServiceStats(instance.opsUrl);
    const watched = watchedProcesses(system, instances);
    const missing = watched.filter((entry) => entry.pid === undefined).map((entry) => entry.name);
    if (missing.length > 0) console.error(`no pid found for ${missing.join(', ')}: their CPU is reported as null`);
    const cpuWindow = startCpuWindow(watched);
    // Open loop: a tick every 10 ms sends whatever is due, without waiting for earlier replies,
    // so a slow reply does not lower the offered rate.
    const startedAt = performance.now();
    let sent = 0;
    while (sent < expected) {
      const due = Math.min(expected, Math.floor(((performance.now() - startedAt) / 1_000) * rate));
      for (; sent < due; sent += 1) inFlight.push(like(sent));
      await sleep(10);
    }
    const sendSeconds = (performance.now() - startedAt) / 1_000;
    await Promise.all(inFlight);
    // CPU per process from the first like to the last reply.
    const cpu = cpuWindow.end();

    // Stragglers: every accepted like should produce one push; wait a bounded time for them.
    const deadline = performance.now() + drainMs;
    while (received.size < accepted && performance.now() < deadline) await sleep(50);
    // Per accepted like, from the reset to the end of the drain.
    const cost = Object.fromEntries(await Promise.all(measured.map(async (instance) => [instance.name, await serviceCost(instance.opsUrl, accepted)])));
    const stored = await system
      .db('notification')
      .collection('notifications')
      .countDocuments({ recipientId: organizer.id, type: 'event.liked' });

    pushLatencies.sort((a, b) => a - b);
    httpLatencies.sort((a, b) => a - b);
    return {
      rate,
      seconds,
      achievedRate: round(expected / sendSeconds),
      replicas: replicaCount,
      // Pushes received per second, from the first like sent to the last push received.
      deliveredPerSec: received.size === 0 ? 0 : round(received.size / ((lastPushAt - startedAt) / 1_000)),
      members: memberCount,
      events: eventCount,
      expected,
      accepted,
      delivered: received.size,
      stored,
      duplicates,
      unmatched,
      likeStatuses: statuses,
      p50Ms: percentile(pushLatencies, 50),
      p90Ms: percentile(pushLatencies, 90),
      p99Ms: percentile(pushLatencies, 99),
      maxMs: pushLatencies.length === 0 ? null : round(pushLatencies[pushLatencies.length - 1]!),
      likeHttpP50Ms: percentile(httpLatencies, 50),
      likeHttpP99Ms: percentile(httpLatencies, 99),
      drainMs,
      logLevel,
      tracing: benchTracing,
      cost,
      cpu,
    };
  } finally {
    socket.close();
  }
}

console.error(`starting the platform (seven services${replicaCount > 1 ? `, ${replicaCount} processes of ${MEASURED.join(' and ')}` : ''})…`);
// BENCH_SERVICE_NODE_OPTIONS reaches the measured services (e.g. --cpu-prof), as in the other benchmarks.
const measuredEnv = { DB_COMMAND_STATS: '1', ...benchServiceNodeOptions() };
const system = await startSystem({ logLevel, env: systemEnv(Object.fromEntries(MEASURED.map((service) => [service, measuredEnv]))) });
const accounts: Account[] = [];
try {
  const instances = await withReplicas(system, MEASURED, replicaCount);
  const figures = await run(system, accounts, instances);
  console.error(
    `delivered ${figures.delivered}/${figures.expected} (accepted ${figures.accepted}, stored ${figures.stored}); ` +
      `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms`,
  );
  if (figures.delivered < figures.expected) console.error(`logs: ${system.logDir}`);
  report('e2e', figures);
} finally {
  await Promise.all(accounts.map((account) => deleteAccount(system.url('user'), account)));
  await system.stop();
}
