import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { parseEventBytes, type DomainEvent, type EventType } from '@eventonight/contracts';
import { infra } from './infra.js';
import { uniqueName } from './database.js';
import { waitFor } from './wait.js';

const EXCHANGE = 'eventonight';

/**
 * A temporary queue bound to the exchange that records every event published with the given
 * keys, so a test can assert what a service really put on the broker.
 */
export class EventTap {
  readonly received: DomainEvent[] = [];
  readonly invalid: string[] = [];

  private constructor(
    private readonly model: ChannelModel,
    private readonly channel: Channel,
    readonly queue: string,
  ) {}

  static async open(bindingKeys: readonly string[], url: string = infra.amqpUrl): Promise<EventTap> {
    const model = await amqp.connect(url);
    const channel = await model.createChannel();
    await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
    const queue = uniqueName('tap');
    await channel.assertQueue(queue, { exclusive: true, autoDelete: true, durable: false });
    for (const key of bindingKeys) await channel.bindQueue(queue, EXCHANGE, key);
    const tap = new EventTap(model, channel, queue);
    await channel.consume(
      queue,
      (message) => {
        if (message === null) return;
        const parsed = parseEventBytes(message.content);
        if (parsed.ok) tap.received.push(parsed.event);
        else tap.invalid.push(parsed.reason);
      },
      { noAck: true },
    );
    return tap;
  }

  ofType<T extends EventType>(type: T): Array<DomainEvent<T>> {
    return this.received.filter((event) => event.type === type) as Array<DomainEvent<T>>;
  }

  /** Waits for the first recorded event of `type` that satisfies `match`. */
  async waitFor<T extends EventType>(
    type: T,
    match: (event: DomainEvent<T>) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<DomainEvent<T>> {
    return waitFor(() => this.ofType(type).find(match), { timeoutMs, what: `event ${type}` });
  }

  async close(): Promise<void> {
    await this.channel.close().catch(() => undefined);
    await this.model.close().catch(() => undefined);
  }
}
