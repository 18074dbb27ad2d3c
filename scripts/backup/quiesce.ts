import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { RabbitTarget, ResolveHost, ServiceTarget } from './targets.js';

/** What a service's ops listener answers (packages/platform ops-server). */
export interface QuiesceStatus {
  quiesced: boolean;
  outboxPending: number;
  jobsRunning: boolean;
}

/**
 * One process behind a service's ops URL: the URL's host name resolves to one address per replica
 * (Docker Swarm's `tasks.<service>`), to one under Compose, and an IP literal is its own address.
 */
export interface Replica {
  service: ServiceTarget;
  address: string;
}

/** Bound on each ops request and on each host-name resolution: the tool never hangs. */
const OPS_TIMEOUT_MS = 30_000;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');

/** node:dns lookup (getaddrinfo: /etc/hosts, then the resolver: Docker's embedded DNS in a container), every address once. */
export const resolveHost: ResolveHost = async (hostname) => [...new Set((await lookup(hostname, { all: true })).map((entry) => entry.address))];

/** The opsUrl's host, without an IPv6 literal's brackets. */
const hostOf = (service: ServiceTarget): string => new URL(service.opsUrl).hostname.replace(/^\[(.*)\]$/, '$1');

/** Whether the opsUrl names its one process by address (local runs, tests): then messages stay as they were. */
const isLiteral = (service: ServiceTarget): boolean => isIP(hostOf(service)) !== 0;

/** Whether the replica is reached as the opsUrl says (an IP literal, or the one-process form below). */
const isOwnHost = (replica: Replica): boolean => replica.address === hostOf(replica.service);

/** `user` for the URL's own host, `user replica 10.0.1.5` for one address of a host name. */
export const replicaName = (replica: Replica): string => (isOwnHost(replica) ? replica.service.name : `${replica.service.name} replica ${replica.address}`);

/** The replica's own ops URL (its address in place of the host name) followed by `path`. */
export function replicaUrl(replica: Replica, path = ''): string {
  const url = new URL(replica.service.opsUrl);
  url.hostname = isIP(replica.address) === 6 ? `[${replica.address}]` : replica.address;
  return `${url.toString().replace(/\/$/, '')}${path}`;
}

export const replicaKey = (replica: Replica): string => `${replica.service.name} ${replica.address}`;

/** Every replica of `service` now. Throws one line naming the service and the host when it cannot resolve or resolves to nothing. */
export async function replicasOf(service: ServiceTarget, resolve: ResolveHost = resolveHost): Promise<Replica[]> {
  const host = hostOf(service);
  if (isIP(host) !== 0) return [{ service, address: host }];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${OPS_TIMEOUT_MS / 1000} s`)), OPS_TIMEOUT_MS);
  });
  let addresses: string[];
  try {
    addresses = await Promise.race([resolve(host), timeout]);
  } catch (error) {
    throw new Error(`${service.name}: cannot resolve ${host} of its ops URL ${service.opsUrl} (${messageOf(error)})`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  const unique = [...new Set(addresses)].sort();
  if (unique.length === 0) throw new Error(`${service.name}: ${host} of its ops URL ${service.opsUrl} resolves to no address`);
  return unique.map((address) => ({ service, address }));
}

/**
 * One ops request to one replica: the connection goes to its address, the Host header stays the
 * opsUrl's host (`tasks.user:4001`), as if that name had resolved to this address alone.
 */
function ops(replica: Replica, method: 'GET' | 'POST', path: string): Promise<QuiesceStatus> {
  const { service } = replica;
  const url = new URL(`${service.opsUrl}${path}`);
  const headers: Record<string, string> = { host: url.host, ...(service.opsToken === undefined ? {} : { authorization: `Bearer ${service.opsToken}` }) };
  const https = url.protocol === 'https:';
  const options: RequestOptions = {
    method,
    host: replica.address,
    port: url.port === '' ? (https ? 443 : 80) : Number(url.port),
    path: `${url.pathname}${url.search}`,
    headers,
    signal: AbortSignal.timeout(OPS_TIMEOUT_MS),
    ...(https && !isLiteral(service) ? { servername: hostOf(service) } : {}),
  };
  const name = replicaName(replica);
  const unreachable = (error: unknown): Error => new Error(`${name}: ops listener ${service.opsUrl}${isOwnHost(replica) ? '' : ` at ${replica.address}`} unreachable (${messageOf(error)})`);
  return new Promise<QuiesceStatus>((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)(options, (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => reject(unreachable(error)));
      response.on('aborted', () => reject(unreachable(new Error('the answer was cut off'))));
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const status = response.statusCode ?? 0;
        if (status < 200 || status > 299) {
          reject(new Error(`${name}: ${method} ${path} → HTTP ${status}: ${body.replace(/\s*\n\s*/g, ' ')}`));
          return;
        }
        try {
          resolve(JSON.parse(body) as QuiesceStatus);
        } catch {
          reject(new Error(`${name}: ${method} ${path} → HTTP ${status} but not JSON: ${body.slice(0, 200).replace(/\s*\n\s*/g, ' ')}`));
        }
      });
    });
    request.on('error', (error) => reject(unreachable(error)));
    request.end();
  });
}

export const quiesceReplica = (replica: Replica): Promise<QuiesceStatus> => ops(replica, 'POST', '/quiesce');
export const resumeReplica = (replica: Replica): Promise<QuiesceStatus> => ops(replica, 'POST', '/resume');
export const statusOfReplica = (replica: Replica): Promise<QuiesceStatus> => ops(replica, 'GET', '/quiesce');

/** The service's opsUrl as one process, its host name (if any) resolved by the connection: one replica's view, for tests. */
const asOne = (service: ServiceTarget): Replica => ({ service, address: hostOf(service) });
export const quiesce = (service: ServiceTarget): Promise<QuiesceStatus> => quiesceReplica(asOne(service));
export const resume = (service: ServiceTarget): Promise<QuiesceStatus> => resumeReplica(asOne(service));
export const status = (service: ServiceTarget): Promise<QuiesceStatus> => statusOfReplica(asOne(service));

/** Every replica of every service now; the services whose host name does not resolve are failures (one line each). */
export async function currentReplicas(services: readonly ServiceTarget[], resolve: ResolveHost = resolveHost): Promise<{ replicas: Replica[]; failures: string[] }> {
  const outcomes = await Promise.allSettled(services.map((service) => replicasOf(service, resolve)));
  return {
    replicas: outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : [])),
    failures: outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [messageOf(outcome.reason)] : [])),
  };
}

/** `user (2 replicas), event`: what a log line says was quiesced. */
export function describeReplicas(replicas: readonly Replica[]): string {
  const counts = new Map<string, number>();
  for (const replica of replicas) counts.set(replica.service.name, (counts.get(replica.service.name) ?? 0) + 1);
  return [...counts].map(([name, count]) => (count === 1 ? name : `${name} (${count} replicas)`)).join(', ');
}

/**
 * One quiesce of the services, over every replica it reached: what it quiesced (to resume all of
 * it, even a replica gone from DNS since) and what is new in DNS since.
 */
export class Pause {
  private readonly reached = new Map<string, Replica>();

  constructor(
    private readonly services: readonly ServiceTarget[],
    private readonly resolve: ResolveHost = resolveHost,
  ) {}

  /** Every replica now; throws (one line per service) when a host name does not resolve. */
  async current(): Promise<Replica[]> {
    const { replicas, failures } = await currentReplicas(this.services, this.resolve);
    if (failures.length > 0) throw new Error(failures.join('; '));
    return replicas;
  }

  /** The replicas in `replicas` this pause has not asked to quiesce. */
  unreached(replicas: readonly Replica[]): Replica[] {
    return replicas.filter((replica) => !this.reached.has(replicaKey(replica)));
  }

  /** Every replica this pause asked to quiesce. */
  get quiesced(): Replica[] {
    return [...this.reached.values()];
  }

  /**
   * Quiesces `replicas`, all at once; throws naming every one that failed. Each is remembered
   * before its request, so a replica whose answer was lost (timeout) is resumed as well.
   */
  async quiesce(replicas: readonly Replica[]): Promise<void> {
    for (const replica of replicas) this.reached.set(replicaKey(replica), replica);
    const outcomes = await Promise.allSettled(replicas.map((replica) => quiesceReplica(replica)));
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [messageOf(outcome.reason)] : []));
    if (failures.length > 0) throw new Error(failures.join('; '));
  }

  /**
   * Resumes every replica it quiesced and every replica resolved now (one that appeared meanwhile
   * was never quiesced by this pause, but it may have been by an earlier step, and resuming it is
   * harmless), even when some fail. Returns the failures, one line each, and the URLs to resume by hand.
   */
  async resume(): Promise<{ failures: string[]; byHand: string[] }> {
    const { replicas, failures } = await currentReplicas(this.services, this.resolve);
    const all = new Map(this.reached);
    for (const replica of replicas) all.set(replicaKey(replica), replica);
    const targets = [...all.values()];
    const outcomes = await Promise.allSettled(targets.map((replica) => resumeReplica(replica)));
    const byHand: string[] = [];
    outcomes.forEach((outcome, i) => {
      const replica = targets[i] as Replica;
      if (outcome.status === 'fulfilled') return;
      failures.push(messageOf(outcome.reason));
      byHand.push(replicaUrl(replica, '/resume'));
    });
    // A service whose name did not resolve: its replicas are unknown; its own URL is the best advice.
    for (const service of this.services) {
      if (!targets.some((replica) => replica.service.name === service.name)) byHand.push(`${service.opsUrl}/resume (every replica of ${service.name})`);
    }
    return { failures, byHand };
  }
}

/** The one line a failed resume ends with: what failed, and how to resume by hand. */
export function resumeFailure(failures: readonly string[], byHand: readonly string[]): string {
  const how = byHand.length === 0 ? '' : ` — resume by hand: POST ${byHand.join(', POST ')} (with Authorization: Bearer <ops token> where the listener needs it), or run the tool's resume step again`;
  return `could not resume: ${failures.join('; ')}${how}`;
}

/** Resumes every replica of every service, even when some fail; returns the failures (to report, never to hide). */
export async function resumeAll(services: readonly ServiceTarget[], resolve: ResolveHost = resolveHost): Promise<string[]> {
  return (await new Pause(services, resolve).resume()).failures;
}

interface QueueInfo {
  name: string;
  messages?: number;
}

/**
 * The messages left in each service's queues: its main queue and its delay queues (`<name>.delay.N`),
 * not its dead-letter queue (parked messages stay parked across a backup; they are in no database).
 */
export async function pendingQueueMessages(rabbit: RabbitTarget, services: readonly ServiceTarget[]): Promise<Map<string, number>> {
  const response = await fetch(`${rabbit.managementUrl}/api/queues/${encodeURIComponent(rabbit.vhost)}?columns=name,messages`, {
    headers: { authorization: `Basic ${Buffer.from(`${rabbit.user}:${rabbit.password}`).toString('base64')}` },
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`RabbitMQ management: queues of ${rabbit.vhost} → HTTP ${response.status}: ${await response.text()}`);
  const queues = (await response.json()) as QueueInfo[];
  const pending = new Map<string, number>();
  for (const queue of queues) {
    const owner = services.find((service) => queue.name === service.name || queue.name.startsWith(`${service.name}.delay.`));
    if (owner === undefined || (queue.messages ?? 0) === 0) continue;
    pending.set(queue.name, queue.messages ?? 0);
  }
  return pending;
}

/**
 * RabbitMQ's management API samples queue depths (every 5 s by default), so "empty" is only
 * believed once it has held for longer than one sampling interval.
 */
const QUIET_MS = 6_000;

/**
 * Waits until every replica in `replicas` is quiesced with its jobs stopped and its outbox
 * published, and every service queue is empty, continuously for QUIET_MS (a consumer's handling
 * may write an outbox entry that lands in another queue a moment later). Past `timeoutMs` it
 * fails naming what did not settle.
 */
export async function waitUntilReplicasSettled(
  replicas: readonly Replica[],
  services: readonly ServiceTarget[],
  rabbit: RabbitTarget,
  timeoutMs: number,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let calmSince: number | undefined;
  let unsettled: string[] = [];
  while (Date.now() < until) {
    unsettled = [];
    const statuses = await Promise.all(replicas.map((replica) => statusOfReplica(replica)));
    replicas.forEach((replica, i) => {
      const current = statuses[i] as QuiesceStatus;
      const name = replicaName(replica);
      if (!current.quiesced) unsettled.push(`${name} is not quiesced`);
      if (current.jobsRunning) unsettled.push(`${name} still runs its jobs`);
      if (current.outboxPending > 0) unsettled.push(`${name} has ${current.outboxPending} outbox document(s) pending`);
    });
    for (const [queue, messages] of await pendingQueueMessages(rabbit, services)) {
      unsettled.push(`queue ${queue} holds ${messages} message(s)`);
    }
    if (unsettled.length > 0) calmSince = undefined;
    else calmSince ??= Date.now();
    if (calmSince !== undefined && Date.now() - calmSince >= QUIET_MS) return;
    if (unsettled.length > 0) log(`waiting: ${unsettled.join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`not settled after ${Math.round(timeoutMs / 1000)} s: ${unsettled.join('; ')}`);
}

/** waitUntilReplicasSettled over every replica the services' host names resolve to now. */
export async function waitUntilSettled(
  services: readonly ServiceTarget[],
  rabbit: RabbitTarget,
  timeoutMs: number,
  log: (line: string) => void = () => undefined,
  resolve: ResolveHost = resolveHost,
): Promise<void> {
  await waitUntilReplicasSettled(await new Pause(services, resolve).current(), services, rabbit, timeoutMs, log);
}
