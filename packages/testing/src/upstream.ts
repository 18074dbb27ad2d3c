import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { buildEvent, type DomainEvent, type EventData, type EventType } from '@eventonight/contracts';
import { uniqueName } from './database.js';
import { infra } from './infra.js';

const EXCHANGE = 'eventonight';

/** Publishes real envelopes on the exchange, as the upstream services' relays would. */
export class Upstream {
  private constructor(
    private readonly model: ChannelModel,
    private readonly channel: Channel,
  ) {}

  static async open(url: string = infra.amqpUrl): Promise<Upstream> {
    const model = await amqp.connect(url);
    return new Upstream(model, await model.createChannel());
  }

  event<T extends EventType>(type: T, data: EventData<T>, aggregateId = uniqueName('agg'), aggregateVersion = 1): DomainEvent<T> {
    return buildEvent({ type, source: 'test', aggregateId, aggregateVersion, correlationId: uniqueName('corr'), data });
  }

  /** Same AMQP properties as the platform's publisher: messageId = event id, persistent JSON. */
  publish(event: DomainEvent): void {
    this.channel.publish(EXCHANGE, event.type, Buffer.from(JSON.stringify(event)), {
      persistent: true,
      contentType: 'application/json',
      messageId: event.id,
      type: event.type,
      correlationId: event.correlationId,
      headers: { 'x-event-version': event.version },
    });
  }

  async close(): Promise<void> {
    await this.channel.close().catch(() => undefined);
    await this.model.close().catch(() => undefined);
  }
}
