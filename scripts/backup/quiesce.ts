import type { RabbitTarget, ServiceTarget } from './targets.js';

/** What a service's ops listener answers (packages/platform ops-server). */
export interface QuiesceStatus {
  quiesced: boolean;
  outboxPending: number;
  jobsRunning: boolean;
}

async function ops(service: ServiceTarget, method: 'GET' | 'POST', path: string): Promise<QuiesceStatus> {
  const headers: Record<string, string> = service.opsToken === undefined ? {} : { authorization: `Bearer ${service.opsToken}` };
  const response = await fetch(`${service.opsUrl}${path}`, { method, headers, signal: AbortSignal.timeout(30_000) }).catch((error: unknown) => {
    throw new Error(`${service.name}: ops listener ${service.opsUrl} unreachable (${error instanceof Error ? error.message : String(error)})`);
  });
  if (!response.ok) throw new Error(`${service.name}: ${method} ${path} → HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as QuiesceStatus;
}

export const quiesce = (service: ServiceTarget): Promise<QuiesceStatus> => ops(service, 'POST', '/quiesce');
export const resume = (service: ServiceTarget): Promise<QuiesceStatus> => ops(service, 'POST', '/resume');
export const status = (service: ServiceTarget): Promise<QuiesceStatus> => ops(service, 'GET', '/quiesce');

/** Resumes every service, even when some fail; returns the failures (to report, never to hide). */
export async function resumeAll(services: readonly ServiceTarget[]): Promise<string[]> {
  const failures: string[] = [];
  for (const service of services) {
    await resume(service).catch((error: unknown) => failures.push(error instanceof Error ? error.message : String(error)));
  }
  return failures;
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
 * Waits until every outbox is published and every service queue is empty, continuously for
 * QUIET_MS (a consumer's handling may write an outbox entry that lands in another queue a moment
 * later). Past `timeoutMs` it fails naming what did not settle.
 */
export async function waitUntilSettled(
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
    for (const service of services) {
      const current = await status(service);
      if (!current.quiesced) unsettled.push(`${service.name} is not quiesced`);
      if (current.jobsRunning) unsettled.push(`${service.name} still runs its jobs`);
      if (current.outboxPending > 0) unsettled.push(`${service.name} has ${current.outboxPending} outbox document(s) pending`);
    }
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
