/**
 * What the whole-platform benchmarks set up through the public APIs: published events of one
 * organization, a few at a time so the setup does not flood a 2-core machine.
 */
import { createPublishedEvent, freePort, inParallel, SERVICE_NAMES, type Account, type RunningSystem, type ServiceName } from '@eventonight/testing';

export function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/**
 * BENCH_TRACING=1: every service exports its spans (all sampled unless OTEL_TRACES_SAMPLER_ARG says
 * otherwise) to OTEL_EXPORTER_OTLP_ENDPOINT, Jaeger's OTLP receiver locally, to measure what
 * tracing costs (ADR 0036); unset, tracing is off as in every test.
 */
export const benchTracing = process.env['BENCH_TRACING'] === '1';

export function tracingEnv(): Record<string, string> {
  if (!benchTracing) return {};
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? 'http://127.0.0.1:4318',
    OTEL_TRACES_SAMPLER_ARG: process.env['OTEL_TRACES_SAMPLER_ARG'] ?? '1',
  };
}

/** `env` for startSystem: tracingEnv() for every service, plus `extra` for some. */
export function systemEnv(extra: Partial<Record<ServiceName, Record<string, string>>>): Record<ServiceName, Record<string, string>> {
  return Object.fromEntries(SERVICE_NAMES.map((service) => [service, { ...tracingEnv(), ...extra[service] }])) as Record<ServiceName, Record<string, string>>;
}

const DAY_MS = 86_400_000;
const CITIES = ['Bologna', 'Milano', 'Torino', 'Napoli', 'Firenze'] as const;
const CATEGORIES = ['music', 'theatre', 'art', 'food', 'tech'] as const;

/** A realistic event body (the size of a seed event: two tiers, a venue, tags), distinct per index. */
/**
 * Venues on a 40 × 40 grid around Bologna, ~5.6 km (lat) by ~4 km (lng) apart (~220 × 160 km, a
 * region's catalogue): a radius search (ADR 0040) finds a realistic part of the events, not all.
 */
function spreadLocation(index: number): { lat: number; lng: number } {
  return { lat: 44.49 + ((index % 40) - 20) * 0.05, lng: 11.34 + ((Math.floor(index / 40) % 40) - 20) * 0.05 };
}

export function sampleEventBody(index: number): Record<string, unknown> {
  const startsAt = new Date(Date.now() + (7 + (index % 60)) * DAY_MS + index * 60_000);
  const city = CITIES[index % CITIES.length]!;
  return {
    title: `Benchmark night #${index}`,
    description: `Evening number ${index} of the benchmark series: live music, a small bar and a late closing time.`,
    category: CATEGORIES[index % CATEGORIES.length]!,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
    venue: { name: `Club ${index % 17}`, address: `Via Roma ${1 + (index % 200)}`, city, location: spreadLocation(index) },
    tiers: [
      { name: 'Standard', priceMinor: 1500, currency: 'eur', quantity: 200 },
      { name: 'Front row', priceMinor: 3500, currency: 'eur', quantity: 20 },
    ],
    tags: ['bench', city.toLowerCase()],
  };
}

/** Creates and publishes `count` events as `organizer`; their ids. */
export async function publishEvents(eventUrl: string, organizer: Account, count: number, concurrency = 4): Promise<string[]> {
  return inParallel(count, concurrency, async (index) => (await createPublishedEvent(eventUrl, organizer, sampleEventBody(index))).eventId);
}

/** One process of a service a benchmark measures: the system's own or a replica it added. */
export interface ServiceInstance {
  /** `interaction` for the system's process, `interaction-2`, `-3`… for the replicas. */
  name: string;
  service: ServiceName;
  url: string;
  /** Its ops listener (`/stats`): every replica gets one of its own. */
  opsUrl: string;
}

/**
 * The system's process of each service plus `count − 1` replicas of it (`system.addReplica`,
 * same environment, its own port and ops port), started one at a time. With the Redis adapter
 * (notification) and competing consumers on one queue (both), replicas share the work as in
 * production. Returns them per service, the system's process first.
 */
export async function withReplicas(system: RunningSystem, services: readonly ServiceName[], count: number): Promise<Record<string, ServiceInstance[]>> {
  const instances: Record<string, ServiceInstance[]> = {};
  for (const service of services) {
    const list: ServiceInstance[] = [{ name: service, service, url: system.url(service), opsUrl: system.opsUrl(service) }];
    for (let n = 2; n <= count; n += 1) {
      const opsPort = await freePort();
      const replica = await system.addReplica(service, { OPS_PORT: String(opsPort) });
      list.push({ name: `${service}-${n}`, service, url: replica.url, opsUrl: `http://127.0.0.1:${opsPort}` });
    }
    instances[service] = list;
  }
  return instances;
}
