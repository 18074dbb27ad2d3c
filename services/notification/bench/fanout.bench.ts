/**
 * The fan-out of `event.published` to an organizer's followers: one notification service in a
 * process of its own (its built entry point), BENCH_FOLLOWERS followers that it learned the way
 * it really does (one `interaction.follow.added` each on RabbitMQ, as interaction's relay sends
 * them), BENCH_CONNECTED of them connected over Socket.IO from child processes. Then one
 * `event.published` for the organizer's event is published to RabbitMQ, as the event service's
 * relay would, and the benchmark measures what got stored (the service's database, read at the
 * end; the service's own 'fan-out done' log line says when) and pushed (the clients' receipts). BENCH_REDELIVER=1 publishes the same message twice,
 * as a redelivery would: stored and pushed must not change.
 * Prints one JSON line on stdout, progress on stderr.
 *
 *   npm run bench:fanout                                   # 10,000 followers, 1,000 connected
 *   BENCH_FOLLOWERS=1000 BENCH_CONNECTED=200 npm run bench:fanout
 */
import { deleteServiceQueues, eventSnapshotData, freshDatabase, infra, startTestIssuer, uniqueName, Upstream, waitFor } from '@eventonight/testing';
import { resetServiceStats, serviceCost } from '../../../bench/service-stats.js';
import { percentile, report, round } from '../../../bench/stats.js';
import { intFromEnv, openFilesLimit, progress, residentMiB, SocketWorkers, startServiceProcess } from './processes.js';
import { wallClockMs, type BenchUser } from './worker-protocol.js';

const followers = intFromEnv('BENCH_FOLLOWERS', 10_000);
const connectedCount = Math.min(followers, intFromEnv('BENCH_CONNECTED', 1_000));
const drainMs = intFromEnv('BENCH_DRAIN_MS', 60_000);
const perWorker = intFromEnv('BENCH_CLIENTS_PER_WORKER', 5_000);
const redeliver = process.env['BENCH_REDELIVER'] === '1';
const withRedis = process.env['BENCH_REDIS'] === '1';
const batchSize = process.env['FANOUT_BATCH_SIZE'];

/** The service's own account of each fan-out of the event: its 'fan-out done' log line. */
interface FanOutRun {
  members: number;
  inserted: number;
  doneAtMs: number;
}
const fanOutRuns: FanOutRun[] = [];

const name = uniqueName('notification_fanout');
const database = await freshDatabase('notification_fanout');
const issuer = await startTestIssuer();
const organizerId = `org-${name}`;
const service = await startServiceProcess({
  database: database.name,
  issuer,
  name,
  // Info: the fan-out's completion is read from its log line rather than by polling the
  // database, whose queries would compete with the fan-out for FerretDB.
  onLogLine: (line) => {
    if (line['msg'] === 'fan-out done' && line['targetId'] === organizerId && line['type'] === 'event.published') {
      fanOutRuns.push({ members: Number(line['members']), inserted: Number(line['inserted']), doneAtMs: Date.parse(String(line['time'])) });
    }
  },
  extra: {
    LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info',
    ...(withRedis ? { REDIS_URL: infra.redisUrl } : {}),
    ...(batchSize === undefined ? {} : { FANOUT_BATCH_SIZE: batchSize }),
  },
});
const upstream = await Upstream.open();
let workers: SocketWorkers | undefined;

const eventId = `event-${name}`;
const followerIds = Array.from({ length: followers }, (_, i) => `follower-${i}-${name}`);
const pushedAt = new Map<string, number>();
let pushDuplicates = 0;
let pushUnmatched = 0;

try {
  // The service learns followers from interaction's follow events only: one per follower, each
  // its own (follower, organizer) aggregate at version 1. Every follow also notifies the
  // organizer ('follower.new'); the seed is done when both the copies and those are stored.
  const seedStarted = performance.now();
  for (const followerId of followerIds) {
    upstream.publish(upstream.event('interaction.follow.added', { followerId, followeeId: organizerId }, `follow-${followerId}`, 1));
  }
  const audience = database.db.collection('followers');
  const notifications = database.db.collection('notifications');
  await waitFor(
    async () => {
      const copies = await audience.countDocuments({ targetId: organizerId, active: true });
      const told = await notifications.countDocuments({ recipientId: organizerId, type: 'follower.new' });
      return copies === followers && told === followers ? true : undefined;
    },
    { timeoutMs: Math.max(120_000, followers * 60), intervalMs: 1_000, what: `${followers} followers learned` },
  );
  const seedSeconds = (performance.now() - seedStarted) / 1_000;
  progress(`${followers} followers learned from follow events in ${round(seedSeconds)} s`);

  const users: BenchUser[] = await Promise.all(
    followerIds.slice(0, connectedCount).map(async (id) => ({ id, token: await issuer.mint({ sub: id, roles: ['member'], expiresInSec: 3_600 }) })),
  );
  const rssBefore = residentMiB(service.pid);
  const connection = await SocketWorkers.connect({
    url: service.url,
    users,
    perWorker,
    concurrency: 50,
    timeoutMs: 20_000,
    onReceipt: ([userId, , receivedEventId, receivedAt]) => {
      if (receivedEventId !== eventId) pushUnmatched += 1;
      else if (pushedAt.has(userId)) pushDuplicates += 1;
      else pushedAt.set(userId, receivedAt);
    },
  });
  workers = connection.workers;
  const rssConnected = residentMiB(service.pid);
  progress(`${connection.connected} of ${connectedCount} followers connected in ${connection.seconds} s`);

  const published = upstream.event('event.published', { ...eventSnapshotData(eventId, organizerId, 'published'), tiers: [] }, eventId, 2);
  await resetServiceStats(service.opsUrl);
  const publishedAt = wallClockMs();
  upstream.publish(published);
  if (redeliver) upstream.publish(published);

  // Done when the service has logged its fan-out (once per delivery) and every connected
  // follower has its push, or at the deadline.
  const deliveries = redeliver ? 2 : 1;
  const deadline = publishedAt + drainMs;
  while (wallClockMs() < deadline && (fanOutRuns.length < deliveries || pushedAt.size < connection.connected)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // A grace period in which a second copy (a redelivery done wrong) would show up.
  await new Promise((resolve) => setTimeout(resolve, 1_000));

  // Per follower: the fan-out's database waits and CPU (read before the count below, which is the benchmark's own).
  const cost = await serviceCost(service.opsUrl, followers);
  const rows = await notifications.find({ sourceEventId: published.id }, { projection: { recipientId: 1 } }).toArray();
  const recipients = new Set(rows.map((row) => String(row['recipientId'])));
  const missing = followerIds.filter((id) => !recipients.has(id)).length;
  const strangers = [...recipients].filter((id) => !id.startsWith('follower-') || !id.endsWith(name)).length;
  const latencies = [...pushedAt.values()].map((at) => at - publishedAt).sort((a, b) => a - b);

  report('fanout', {
    followers,
    connected: connectedCount,
    socketsHeld: connection.connected,
    socketsLost: workers.lost,
    stored: rows.length,
    storedRecipients: recipients.size,
    storedDuplicates: rows.length - recipients.size,
    storedMissing: missing,
    storedStrangers: strangers,
    // From the publish to the service's 'fan-out done' (every member's notification stored).
    storedAllMs: fanOutRuns[0] === undefined ? null : round(fanOutRuns[0].doneAtMs - publishedAt),
    fanOutRuns: fanOutRuns.map((run) => ({ members: run.members, inserted: run.inserted, doneMs: round(run.doneAtMs - publishedAt) })),
    pushed: pushedAt.size,
    pushDuplicates,
    pushUnmatched,
    lastPushMs: latencies.length === 0 ? null : round(latencies[latencies.length - 1]!),
    pushP50Ms: percentile(latencies, 50),
    pushP99Ms: percentile(latencies, 99),
    redelivered: redeliver,
    redis: withRedis,
    fanOutBatchSize: batchSize === undefined ? 'default' : Number(batchSize),
    seedSeconds: round(seedSeconds),
    seedFollowsPerSec: round(followers / seedSeconds),
    serviceRssMiB: { beforeConnect: rssBefore, connected: rssConnected, end: residentMiB(service.pid), peak: residentMiB(service.pid, 'VmHWM') },
    cost,
    fdLimit: openFilesLimit(),
  });
} finally {
  await workers?.close();
  await upstream.close();
  await service.stop();
  await deleteServiceQueues(name);
  await issuer.close();
  await database.dispose();
}
