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

const HOUR_MS = 3_600_000;

/**
 * The snapshot every `event.*` message carries, for tests that play the event service:
 * a two-hour "Jazz night" in Bologna starting in two days unless told otherwise.
 */
export function eventSnapshotData(
  eventId: string,
  organizerId: string,
  status: EventData<'event.created'>['status'],
  options: { startsAt?: Date; title?: string } = {},
): EventData<'event.created'> {
  const startsAt = options.startsAt ?? new Date(Date.now() + 48 * HOUR_MS);
  return {
    eventId,
    organizerId,
    title: options.title ?? 'Jazz night',
    category: 'music',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR_MS).toISOString(),
    city: 'Bologna',
    coverMediaId: null,
    status,
  };
}
