/**
 * `npm run bench:checkout`: BENCH_BUYERS concurrent checkouts (default 300) against one tier of
 * BENCH_SEATS seats (default 100), on a real ticketing service run as production runs it: its
 * built `dist/main.js` in a process of its own (build first), against real FerretDB, RabbitMQ
 * (a virtual host of its own) and stripe-mock. The buyers' HTTP clients stay in this process,
 * so the service's figures are its own. Prints one JSON line: holds/s, latency percentiles, the
 * count check (sold + held ≤ capacity, holds = min(buyers, seats), held = holds; read from the
 * ticketing database itself) and where the service's time went (`cost`, from its ops listener:
 * database waits per command, the service process's CPU per checkout).
 */
import { fileURLToPath } from 'node:url';
import { createVhost, deleteVhost, freshDatabase, spawnServiceProcess, startTestIssuer } from '@eventonight/testing';
import { resetServiceStats, serviceCost } from '../../../bench/service-stats.js';
import { percentile } from '../../../bench/stats.js';
import { checkoutCall, countsIn, newUser, publishEvent, ticketingTestEnv } from '../test/helpers.js';

const MAIN_JS = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const buyers = Number(process.env['BENCH_BUYERS'] ?? 300);
const seats = Number(process.env['BENCH_SEATS'] ?? 100);
const warmupBursts = Number(process.env['BENCH_WARMUP_BURSTS'] ?? 2);

interface Burst {
  event: Awaited<ReturnType<typeof publishEvent>>;
  seconds: number;
  clientCpuMs: number;
  results: Array<{ status: number; ms: number }>;
}

/** Holds per second and latency percentiles of one burst. */
function pace({ results, seconds }: Burst): { holds: number; holdsPerSec: number; p50Ms: number; p99Ms: number } {
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const holds = results.filter((r) => r.status === 201).length;
  return {
    holds,
    holdsPerSec: Number((holds / seconds).toFixed(1)),
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
  };
}

const database = await freshDatabase('ticketing_bench');
const issuer = await startTestIssuer();
// Its queue and bindings live in a virtual host of their own, deleted afterwards.
const amqpUrl = await createVhost(database.name);
const ticketing = await spawnServiceProcess({
  mainJs: MAIN_JS,
  label: 'ticketing',
  env: ticketingTestEnv({ database: database.name, issuer }),
  // Sold-out answers (409) are logged as warnings: 200 lines a run, so errors only by default.
  extra: { AMQP_URL: amqpUrl, LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'error' },
}).catch(async (error: unknown) => {
  await deleteVhost(database.name).catch(() => undefined);
  throw error;
});
const { url, opsUrl } = ticketing;

/** One burst: `buyers` new buyers checking out one ticket each, all at once, on a new event. */
async function burst(): Promise<Burst> {
  const event = await publishEvent(url, issuer, seats);
  const users = await Promise.all(Array.from({ length: buyers }, () => newUser(issuer, 'member')));
  const startedAt = performance.now();
  const clientCpuAtStart = process.cpuUsage();
  const results = await Promise.all(
    users.map(async (user) => {
      const t0 = performance.now();
      const reply = await checkoutCall(url, user.token, event, 1);
      return { status: reply.status, ms: performance.now() - t0 };
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  const clientCpu = process.cpuUsage(clientCpuAtStart);
  return { event, seconds, clientCpuMs: (clientCpu.user + clientCpu.system) / 1000, results };
}

try {
  // Unmeasured bursts first, each on an event of its own: a service that has been running
  // (compiled code, open database connections) is what a busy night meets. The first is
  // printed as `cold`, for comparison.
  let cold: Omit<ReturnType<typeof pace>, 'holds'> | null = null;
  for (let round = 0; round < warmupBursts; round += 1) {
    const warm = await burst();
    if (cold !== null) continue;
    const { holds: _holds, ...figures } = pace(warm);
    cold = figures;
  }
  await resetServiceStats(opsUrl);
  const measured = await burst();
  const { event, seconds, clientCpuMs, results } = measured;
  const cost = await serviceCost(opsUrl, buyers);
  const { holds, holdsPerSec, p50Ms, p99Ms } = pace(measured);
  const soldOut = results.filter((r) => r.status === 409).length;
  const counts = await countsIn(database.db, event.eventId, event.tierId);
  console.log(
    JSON.stringify({
      bench: 'checkout',
      buyers,
      seats,
      warmupBursts,
      holds,
      soldOut,
      other: buyers - holds - soldOut,
      seconds: Number(seconds.toFixed(2)),
      holdsPerSec,
      requestsPerSec: Number((buyers / seconds).toFixed(1)),
      p50Ms,
      p99Ms,
      sold: counts.sold,
      held: counts.held,
      capacity: counts.capacity,
      countsOk: counts.sold + counts.held <= counts.capacity && holds === Math.min(buyers, seats) && counts.held === holds,
      cost,
      // This process (the buyers' HTTP clients): its CPU as a share of one core over the burst.
      clientCpuCoreShare: Number((clientCpuMs / (seconds * 1000)).toFixed(3)),
      cold,
    }),
  );
} finally {
  await ticketing.stop();
  await deleteVhost(database.name).catch(() => undefined);
  await issuer.close();
  await database.dispose();
}
