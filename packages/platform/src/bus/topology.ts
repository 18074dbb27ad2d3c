import type { Channel } from 'amqplib';

/** The one topic exchange every domain event goes through (design §2). */
export const EXCHANGE = 'eventonight';

export interface ServiceQueues {
  main: string;
  dlq: string;
  /** Delay queues, one per retry step; a message waits out the TTL, then returns to `main`. */
  retries: ReadonlyArray<{ name: string; delayMs: number }>;
}

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 30_000];

export function serviceQueues(service: string, retryDelaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS): ServiceQueues {
  return {
    main: service,
    dlq: `${service}.dlq`,
    retries: retryDelaysMs.map((delayMs, index) => ({ name: `${service}.retry.${index + 1}`, delayMs })),
  };
}

export async function assertExchange(channel: Channel): Promise<void> {
  await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
}

/**
 * Declares a service's queues and bindings. Idempotent, so it runs on every reconnection.
 * Main queue and DLQ are quorum queues (replicated, durable); the delay queues are classic
 * durable queues whose per-queue TTL dead-letters straight back into the main queue.
 */
export async function assertServiceTopology(
  channel: Channel,
  queues: ServiceQueues,
  bindingKeys: readonly string[],
): Promise<void> {
  await assertExchange(channel);
  await channel.assertQueue(queues.main, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.assertQueue(queues.dlq, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  for (const retry of queues.retries) {
    await channel.assertQueue(retry.name, {
      durable: true,
      arguments: {
        'x-queue-type': 'classic',
        'x-message-ttl': retry.delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': queues.main,
      },
    });
  }
  for (const key of bindingKeys) await channel.bindQueue(queues.main, EXCHANGE, key);
}
