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
    // `.delay.N`, not the classic `.retry.N` of earlier versions: RabbitMQ refuses to redeclare a
    // queue with another type, so the quorum delay queues got new names (old ones just drain).
    retries: retryDelaysMs.map((delayMs, index) => ({ name: `${service}.delay.${index + 1}`, delayMs })),
  };
}

export async function assertExchange(channel: Channel): Promise<void> {
  await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
}

/**
 * Declares a service's queues and bindings. Idempotent, so it runs on every reconnection.
 * All are quorum queues (replicated, durable). A delay queue's per-queue TTL dead-letters its
 * messages back into the main queue, at least once: RabbitMQ keeps a message in the delay queue
 * until the main queue has confirmed it (which needs `reject-publish` overflow).
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
        'x-queue-type': 'quorum',
        'x-message-ttl': retry.delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': queues.main,
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
      },
    });
  }
  for (const key of bindingKeys) await channel.bindQueue(queues.main, EXCHANGE, key);
}
