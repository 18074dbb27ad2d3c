import type { ChannelModel, ConfirmChannel, Options } from 'amqplib';
import type { DomainEvent } from '@eventonight/contracts';
import type { Logger } from '../logger/logger.js';
import type { BusConnection } from './connection.js';
import type { Span } from '../tracing/spans.js';
import { tracingEnabled } from '../tracing/sdk.js';
import { endPublishSpan, eventSentIn, startPublishSpan } from '../tracing/messaging.js';
import { EXCHANGE, assertExchange } from './topology.js';

export interface PublisherOptions {
  logger: Logger;
  /** A publish not confirmed within this time counts as failed (its outbox entry stays). */
  confirmTimeoutMs?: number;
}

/** AMQP properties of an event: messageId = event id, type = event type, persistent JSON. */
export function messagePropertiesOf(event: DomainEvent): Options.Publish {
  return {
    persistent: true,
    contentType: 'application/json',
    contentEncoding: 'utf-8',
    messageId: event.id,
    type: event.type,
    correlationId: event.correlationId,
    appId: event.source,
    timestamp: Math.floor(Date.parse(event.occurredAt) / 1000),
    headers: { 'x-event-version': event.version },
  };
}

/**
 * Publishes events on a confirm channel with many messages in flight, and reports for each
 * event whether the broker confirmed it. A waited-for publish costs a disk sync (~40 ms here),
 * so callers hand over batches rather than one event at a time.
 */
export class EventPublisher {
  private channel: ConfirmChannel | null = null;
  private opening: Promise<ConfirmChannel> | null = null;
  private readonly confirmTimeoutMs: number;

  constructor(
    private readonly connection: BusConnection,
    private readonly options: PublisherOptions,
  ) {
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? 10_000;
    connection.on('disconnected', () => {
      this.channel = null;
      this.opening = null;
    });
  }

  get ready(): boolean {
    return this.connection.connected;
  }

  /** Returns one flag per event, in order: true when the broker confirmed it. Never throws. */
  async publish(events: readonly DomainEvent[]): Promise<boolean[]> {
    if (events.length === 0) return [];
    let channel: ConfirmChannel;
    try {
      channel = await this.openChannel();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'cannot open a publish channel');
      return events.map(() => false);
    }
    const outcomes = events.map(() => false);
    const confirmations: Array<Promise<void>> = [];
    // One producer span per event while tracing (ADR 0036), ended at its confirm or when the batch gives up.
    const spans: Array<Span | undefined> = tracingEnabled() ? events.map(startPublishSpan) : [];
    // One "give up" signal for the whole batch: the channel closed or the confirm deadline passed.
    let giveUp!: () => void;
    const givenUp = new Promise<void>((resolve) => {
      giveUp = resolve;
    });
    const timer = setTimeout(giveUp, this.confirmTimeoutMs);
    channel.once('close', giveUp);
    try {
      for (const [index, event] of events.entries()) {
        const span = spans[index];
        const body = Buffer.from(JSON.stringify(span === undefined ? event : eventSentIn(event, span)));
        let accepted = true;
        confirmations.push(
          new Promise<void>((resolve) => {
            try {
              accepted = channel.publish(EXCHANGE, event.type, body, messagePropertiesOf(event), (error) => {
                outcomes[index] = error === null || error === undefined;
                resolve();
              });
            } catch (error) {
              this.options.logger.warn({ err: error }, 'publish failed');
              resolve();
            }
          }),
        );
        // Respect the socket's backpressure instead of buffering without bound.
        if (!accepted) await this.drained(channel, givenUp);
      }
      await Promise.race([Promise.all(confirmations), givenUp]);
    } finally {
      clearTimeout(timer);
      channel.off('close', giveUp);
      for (const [index, span] of spans.entries()) if (span !== undefined) endPublishSpan(span, outcomes[index] === true);
    }
    return [...outcomes];
  }

  private async drained(channel: ConfirmChannel, givenUp: Promise<void>): Promise<void> {
    let onDrain!: () => void;
    const drained = new Promise<void>((resolve) => {
      onDrain = resolve;
    });
    channel.once('drain', onDrain);
    await Promise.race([drained, givenUp]);
    channel.off('drain', onDrain);
  }

  private async openChannel(): Promise<ConfirmChannel> {
    if (this.channel !== null) return this.channel;
    const model: ChannelModel | null = this.connection.current();
    if (model === null) throw new Error('rabbitmq is not connected');
    this.opening ??= (async () => {
      const channel = await model.createConfirmChannel();
      channel.on('error', (error: Error) => this.options.logger.warn({ err: error }, 'publish channel error'));
      channel.once('close', () => {
        if (this.channel === channel) this.channel = null;
        this.opening = null;
      });
      await assertExchange(channel);
      this.channel = channel;
      return channel;
    })();
    try {
      return await this.opening;
    } catch (error) {
      this.opening = null;
      throw error;
    }
  }
}
