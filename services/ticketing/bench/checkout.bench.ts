/**
 * `npm run bench:checkout`: BENCH_BUYERS concurrent checkouts (default 300) against one tier of
 * BENCH_SEATS seats (default 100), on a real ticketing service (in-process, real FerretDB,
 * RabbitMQ and stripe-mock). Prints one JSON line: holds/s, latency percentiles, and the count
 * check (sold + held ≤ capacity, holds = min(buyers, seats)), and where the service's time went
 * (`cost`: database waits per command, CPU per checkout; in-process, so the CPU figure includes
 * the benchmark's own HTTP clients).
 */
import { freshDatabase, startTestIssuer } from '@eventonight/testing';
import { resetServiceStats, serviceCost } from '../../../bench/service-stats.js';
import { checkoutCall, countsOf, newUser, publishEvent, startTicketing } from '../test/helpers.js';

const buyers = Number(process.env['BENCH_BUYERS'] ?? 300);
const seats = Number(process.env['BENCH_SEATS'] ?? 100);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const database = await freshDatabase('ticketing_bench');
const issuer = await startTestIssuer();
const ticketing = await startTicketing({ database: database.name, issuer, extra: { OPS_PORT: '0', DB_COMMAND_STATS: '1' } });
const opsUrl = ticketing.service.opsUrl;
if (opsUrl === undefined) throw new Error('the ops listener did not start');
try {
  const url = ticketing.service.url;
  const event = await publishEvent(url, issuer, seats);
  const users = await Promise.all(Array.from({ length: buyers }, () => newUser(issuer, 'member')));
  await resetServiceStats(opsUrl);
  const startedAt = performance.now();
  const results = await Promise.all(
    users.map(async (user) => {
      const t0 = performance.now();
      const reply = await checkoutCall(url, user.token, event, 1);
      return { status: reply.status, ms: performance.now() - t0 };
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  const cost = await serviceCost(opsUrl, buyers);
  const holds = results.filter((r) => r.status === 201).length;
  const soldOut = results.filter((r) => r.status === 409).length;
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const counts = await countsOf(ticketing.deps, event.eventId, event.tierId);
  console.log(
    JSON.stringify({
      bench: 'checkout',
      buyers,
      seats,
      holds,
      soldOut,
      other: buyers - holds - soldOut,
      seconds: Number(seconds.toFixed(2)),
      holdsPerSec: Number((holds / seconds).toFixed(1)),
      requestsPerSec: Number((buyers / seconds).toFixed(1)),
      p50Ms: Math.round(percentile(latencies, 50)),
      p99Ms: Math.round(percentile(latencies, 99)),
      sold: counts.sold,
      held: counts.held,
      capacity: counts.capacity,
      countsOk: counts.sold + counts.held <= counts.capacity && holds === Math.min(buyers, seats) && counts.held === holds,
      cost,
    }),
  );
} finally {
  await ticketing.close();
  await issuer.close();
  await database.dispose();
}
