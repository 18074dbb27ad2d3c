import amqp from 'amqplib';
import { infra } from './infra.js';

/** Deletes the queues a test service declared (main, DLQ, delay queues), so runs leave nothing bound. */
export async function deleteServiceQueues(service: string, retrySteps = 3, url: string = infra.amqpUrl): Promise<void> {
  const model = await amqp.connect(url);
  try {
    const names = [service, `${service}.dlq`, ...Array.from({ length: retrySteps }, (_, i) => `${service}.delay.${i + 1}`)];
    for (const name of names) {
      const channel = await model.createChannel();
      await channel.deleteQueue(name).catch(() => undefined);
      await channel.close().catch(() => undefined);
    }
  } finally {
    await model.close().catch(() => undefined);
  }
}

/** Messages ready in `queue` (exact, unlike the management API's sampled figures); 0 if it does not exist. */
export async function readyMessages(queue: string, url: string = infra.amqpUrl): Promise<number> {
  const model = await amqp.connect(url);
  try {
    const channel = await model.createChannel();
    // A failed check closes the channel; the connection is closed below either way.
    channel.on('error', () => undefined);
    const checked = await channel.checkQueue(queue).catch(() => undefined);
    return checked?.messageCount ?? 0;
  } finally {
    await model.close().catch(() => undefined);
  }
}
