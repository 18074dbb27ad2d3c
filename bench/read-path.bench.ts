/**
 * bench:read — the read path under load: an organization's published events listed through the
 * event service, authenticated with a real Keycloak token, against a bare express endpoint
 * answering the same JSON body, in the same run and from the same load generator (autocannon).
 *
 * The platform is started whole (`startSystem`, real Keycloak) because registering the
 * organization needs the user service and publishing reaches ticketing; once the events are
 * published, every service but the event service is stopped, so that on a 2-core machine the
 * load generator, the service and the baseline do not share the CPU with five idle services.
 * The service and the baseline each run in a process of their own; autocannon runs here.
 *
 * `service` is `GET /organizers/me/events?status=published` (first page of 20): the list route
 * that verifies the token (signature, issuer, audience, role). `publicList` is the browse route
 * `GET /events` (first page), which is public: it ignores the token, so it shows the same list
 * without the JWT check. `serviceAloneMs` / `bareAloneMs`: the median of requests sent one at a
 * time before the load, the cost of one request without queueing.
 * `near` is the radius search `GET /discover/near` (10 km, uncached: ADR 0040), `nearRatio` its
 * throughput over bare express's.
 * `gateway` is the same authenticated list through the real Traefik (traefik/ in its production
 * rendering, in a process of its own) at `/api/event/…`, measured in the same run;
 * `gatewayShare` is the part of the gateway's figures that Traefik adds: (gateway − service) /
 * gateway for p50/p99 latency and 1 − gateway/service for throughput (goal: p50 ≤ 10 %). The load
 * generator plays cloudflared (the rendering trusts 127.0.0.1 to set X-Forwarded-For) and gives
 * each request a client IP of its own, so the per-client rate limit, sized for one visitor, does
 * not throttle a load that stands for many.
 * Env: BENCH_EVENTS (200), BENCH_CONNECTIONS (20), BENCH_SECONDS per measured run (10),
 * BENCH_WARMUP_SECONDS per target (2), BENCH_LOG_LEVEL of the services (warn).
 * Prints progress on stderr and one JSON line on stdout.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchServiceNodeOptions, deleteAccount, registerAccount, SERVICE_NAMES, startGateway, startSystem, type Account, type RunningSystem } from '@eventonight/testing';
import { benchTracing, intFromEnv, publishEvents, systemEnv } from './platform-fixture.js';
import { resetServiceStats, serviceCost, type ServiceCost } from './service-stats.js';
import { percentile, report, round } from './stats.js';

const eventCount = intFromEnv('BENCH_EVENTS', 200);
const connections = intFromEnv('BENCH_CONNECTIONS', 20);
const seconds = intFromEnv('BENCH_SECONDS', 10);
const warmupSeconds = intFromEnv('BENCH_WARMUP_SECONDS', 2);
const logLevel = process.env['BENCH_LOG_LEVEL'] ?? 'warn';

const AUTHENTICATED_PATH = '/organizers/me/events?status=published';
const PUBLIC_PATH = '/events';
/** Near me (ADR 0040): 10 km around Bologna's centre, nearest first, a page of 20. */
const NEAR_PATH = '/discover/near?lat=44.49&lng=11.34&radiusKm=10&limit=20';

interface Load {
  rps: number;
  /** Share of answers the event service's catalogue cache gave (its `x-cache` header; ADR 0016). */
  cacheHitRatio: number | null;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: number;
}

/** Each request as from another visitor: cloudflared appends the client's IP to X-Forwarded-For. */
function asManyVisitors(request: autocannon.Request): autocannon.Request {
  const visitor = Math.floor(Math.random() * 2 ** 24);
  request.headers = { ...request.headers, 'x-forwarded-for': `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}` };
  return request;
}

async function load(url: string, headers: Record<string, string>, duration: number, manyVisitors = false): Promise<Load> {
  const cache = { hit: 0, miss: 0 };
  const countCache = (_status: number, _body: string, _context: object, replyHeaders: autocannon.Request['headers']): void => {
    // Node sends the header as set (x-cache); Traefik's Go canonicalises it (X-Cache).
    const answer = Object.entries(replyHeaders ?? {}).find(([name]) => name.toLowerCase() === 'x-cache')?.[1];
    if (answer === 'hit') cache.hit += 1;
    else if (answer === 'miss') cache.miss += 1;
  };
  const result = await autocannon({
    url,
    connections,
    duration,
    headers,
    requests: [{ onResponse: countCache, ...(manyVisitors ? { setupRequest: asManyVisitors } : {}) }],
  });
  const answered = cache.hit + cache.miss;
  return {
    rps: round(result.requests.average),
    cacheHitRatio: answered === 0 ? null : round(cache.hit / answered, 3),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

/** Median of `count` requests sent one after another: the cost of one request without queueing. */
async function sequentialMedianMs(url: string, headers: Record<string, string>, count = 15): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const reply = await fetch(url, { headers });
    await reply.arrayBuffer();
    times.push(performance.now() - started);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

/**
 * Warms the target up (JIT, connection pools), then measures it; with `opsUrl`, also what the
 * event service spent per request in that run (database waits, its own CPU).
 */
async function measure(what: string, url: string, headers: Record<string, string>, manyVisitors = false, opsUrl?: string): Promise<Load & { cost?: ServiceCost }> {
  await load(url, headers, warmupSeconds, manyVisitors);
  if (opsUrl !== undefined) await resetServiceStats(opsUrl);
  const figures = await load(url, headers, seconds, manyVisitors);
  const cost = opsUrl === undefined ? undefined : await serviceCost(opsUrl, figures.requests);
  const cache = figures.cacheHitRatio === null ? '' : `, cache hits ${Math.round(figures.cacheHitRatio * 100)} %`;
  const spent = cost === undefined ? '' : `; service per request: CPU ${cost.cpuMsPerOp} ms, database ${cost.dbMsPerOp} ms (waiting ${Math.round(cost.dbWaitShare * 100)} % of the time)`;
  console.error(`${what}: ${figures.rps} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, non-2xx ${figures.non2xx}, errors ${figures.errors}${cache}${spent}`);
  return cost === undefined ? figures : { ...figures, cost };
}

async function startBareServer(body: unknown): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(fileURLToPath(new URL('./bare-server.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ready = once(child, 'message') as Promise<[{ port: number }]>;
  child.send({ body });
  const [{ port }] = await ready;
  return { url: `http://127.0.0.1:${port}`, child };
}

async function run(system: RunningSystem, accounts: Account[]) {
  console.error(`registering an organization, publishing ${eventCount} events…`);
  const organizer = await registerAccount(system.url('user'), {
    role: 'organization',
    displayName: 'Bench Organizer',
    organization: { name: 'Bench Organizer' },
  });
  accounts.push(organizer);
  // BENCH_PUBLISH_CONCURRENCY (4): more at 2,000 events on a busy machine, to publish within the organizer's first token.
  await publishEvents(system.url('event'), organizer, eventCount, intFromEnv('BENCH_PUBLISH_CONCURRENCY', 4));

  // Only the event service is under test from here on.
  for (const service of SERVICE_NAMES) if (service !== 'event') await system.kill(service, 'SIGTERM');

  const eventUrl = system.url('event');
  const firstPage = await fetch(`${eventUrl}${AUTHENTICATED_PATH}`, { headers: { authorization: `Bearer ${await organizer.token()}` } });
  const pageText = await firstPage.text();
  if (firstPage.status !== 200) throw new Error(`GET ${AUTHENTICATED_PATH} → ${firstPage.status}: ${pageText.slice(0, 300)}`);
  const page = JSON.parse(pageText) as { items: unknown[] };

  const bare = await startBareServer(page);
  // The production rendering (client IP from X-Forwarded-For), with the load generator as cloudflared.
  const gateway = await startGateway({ event: [eventUrl] }, { profile: 'production', trustedForwarder: '127.0.0.1/32' });
  const gatewayUrl = `http://127.0.0.1:${gateway.port}/api/event`;
  try {
    // A fresh token for the measured runs: it lives 5 minutes, far longer than they take.
    const headers = { authorization: `Bearer ${await organizer.token()}` };
    const serviceAloneMs = await sequentialMedianMs(`${eventUrl}${AUTHENTICATED_PATH}`, headers);
    const gatewayAloneMs = await sequentialMedianMs(`${gatewayUrl}${AUTHENTICATED_PATH}`, headers);
    const bareAloneMs = await sequentialMedianMs(`${bare.url}/events`, {});
    console.error(`one request at a time (median): service ${serviceAloneMs} ms, through the gateway ${gatewayAloneMs} ms, bare ${bareAloneMs} ms`);
    const opsUrl = system.opsUrl('event');
    const service = await measure('service (authenticated list)', `${eventUrl}${AUTHENTICATED_PATH}`, headers, false, opsUrl);
    const throughGateway = await measure('through the gateway (authenticated list)', `${gatewayUrl}${AUTHENTICATED_PATH}`, headers, true, opsUrl);
    const publicList = await measure('public list', `${eventUrl}${PUBLIC_PATH}`, headers, false, opsUrl);
    // The cached public list is fast enough for the gateway's own cost to show.
    const publicThroughGateway = await measure('public list through the gateway', `${gatewayUrl}${PUBLIC_PATH}`, {}, true, opsUrl);
    const near = await measure('near me (10 km radius)', `${eventUrl}${NEAR_PATH}`, {}, false, opsUrl);
    const nearReply = (await (await fetch(`${eventUrl}${NEAR_PATH}`)).json()) as { items: unknown[] };
    const bareFigures = await measure('bare express', `${bare.url}/events`, {});
    return {
      connections,
      seconds,
      events: eventCount,
      pageItems: page.items.length,
      bodyBytes: Buffer.byteLength(pageText),
      service,
      publicList,
      bare: { rps: bareFigures.rps, p50Ms: bareFigures.p50Ms, p99Ms: bareFigures.p99Ms, errors: bareFigures.errors, non2xx: bareFigures.non2xx },
      gateway: throughGateway,
      gatewayShare: {
        p50: round((throughGateway.p50Ms - service.p50Ms) / throughGateway.p50Ms, 3),
        p99: round((throughGateway.p99Ms - service.p99Ms) / throughGateway.p99Ms, 3),
        throughput: round(1 - throughGateway.rps / service.rps, 3),
        aloneP50: round((gatewayAloneMs - serviceAloneMs) / gatewayAloneMs, 3),
      },
      gatewayAloneMs,
      publicGateway: publicThroughGateway,
      publicGatewayShare: {
        p50: round((publicThroughGateway.p50Ms - publicList.p50Ms) / publicThroughGateway.p50Ms, 3),
        p99: round((publicThroughGateway.p99Ms - publicList.p99Ms) / publicThroughGateway.p99Ms, 3),
        throughput: round(1 - publicThroughGateway.rps / publicList.rps, 3),
      },
      ratio: round(service.rps / bareFigures.rps, 3),
      publicRatio: round(publicList.rps / bareFigures.rps, 3),
      near,
      nearItems: nearReply.items.length,
      nearRatio: round(near.rps / bareFigures.rps, 3),
      serviceAloneMs,
      bareAloneMs,
      logLevel,
      tracing: benchTracing,
    };
  } finally {
    await gateway.stop();
    bare.child.disconnect();
    await once(bare.child, 'exit');
  }
}

console.error('starting the platform (seven services)…');
// The event service records its database commands, for the figures of where its time goes.
const system = await startSystem({ logLevel, env: systemEnv({ event: { DB_COMMAND_STATS: '1', ...benchServiceNodeOptions() } }) });
const accounts: Account[] = [];
try {
  const figures = await run(system, accounts);
  report('read', figures);
} finally {
  // The user service was stopped for the measurement; deleting the Keycloak account needs it.
  try {
    if (accounts.length > 0) {
      if (!system.alive('user')) await system.restart('user');
      await Promise.all(accounts.map((account) => deleteAccount(system.url('user'), account)));
    }
  } finally {
    await system.stop();
  }
}
