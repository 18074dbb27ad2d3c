import amqp from 'amqplib';
import { infra } from './infra.js';

/** Deletes the queues a test service declared (main, DLQ, delay queues), so runs leave nothing bound. */
export async function deleteServiceQueues(service: string, retrySteps = 3, url: string = infra.amqpUrl): Promise<void> {
  const model = await amqp.connect(url);
  try {
    const names = [service, `${service}.dlq`, ...Array.from({ length: retrySteps }, (_, i) => `${service}.retry.${i + 1}`)];
    for (const name of names) {
      const channel = await model.createChannel();
      await channel.deleteQueue(name).catch(() => undefined);
      await channel.close().catch(() => undefined);
    }
  } finally {
    await model.close().catch(() => undefined);
  }
}
