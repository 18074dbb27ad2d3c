import { performance } from 'node:perf_hooks';
import type { ChannelModel, ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import { parseEventBytes, type DomainEvent, type EventType } from '@eventonight/contracts';
import { runWithCorrelationId } from '../context/correlation.js';
import type { Logger } from '../logger/logger.js';
import type { ConsumerOutcome, ServiceMetrics } from '../metrics/service-metrics.js';
import { isMongoUnavailableError } from '../persistence/mongo.js';
import { HandledIds } from './handled-ids.js';
import type { BusConnection } from './connection.js';
import { tracingEnabled } from '../tracing/sdk.js';
import { processInSpan } from '../tracing/messaging.js';
import { markActiveSpanFailed } from '../tracing/spans.js';
import { DEFAULT_RETRY_DELAYS_MS, assertServiceTopology, serviceQueues, type ServiceQueues } from './topology.js';

export interface HandlerContext {
  log: Logger;
  /** 0 on the first delivery, n after n failed attempts. */
  attempt: number;
}

export type EventHandler<T extends EventType> = (event: DomainEvent<T>, context: HandlerContext) => Promise<void>;

/** Handlers by event type; the keys are also the queue's bindings. */
export type EventHandlers = { [K in EventType]?: EventHandler<K> };

export interface ConsumerOptions {
  /** The service name: also the name of its queue. */
  service: string;
  handlers: EventHandlers;
  logger: Logger;
  /** Unacknowledged messages the broker sends ahead (bounded memory and fairness). */
  prefetch?: number;
  /** Delay before each retry; its length is the number of retries before the DLQ. */
  retryDelaysMs?: readonly number[];
  /** Failures of a dependency are retried at the longest delay without ever reaching the DLQ. */
  isTransientError?: (error: unknown) => boolean;
  /** Where messages are counted by event type and outcome, and handling is timed (ADR 0035). */
  metrics?: Pick<ServiceMetrics, 'consumerMessages' | 'consumerHandlingDuration'>;
}

/** The event_type label of a message that is no valid event: its type is not from the bounded set. */
export const INVALID_EVENT_TYPE = 'invalid';

export const HEADER_ATTEMPT = 'x-eventonight-attempt';
export const HEADER_REASON = 'x-eventonight-reason';
export const HEADER_ROUTING_KEY = 'x-eventonight-routing-key';
export const HEADER_FAILED_AT = 'x-eventonight-failed-at';

export function defaultIsTransientError(error: unknown): boolean {
  return (
    isMongoUnavailableError(error) ||
    (typeof error === 'object' && error !== null && (error as { unavailable?: unknown }).unavailable === true)
  );
}

/**
 * Consumes a service's queue with manual acks: a message is acknowledged only after its
 * handler succeeded, or after a copy was confirmed into a retry queue or the DLQ, so nothing
 * is lost and nothing loops hot. Invalid messages go to the DLQ with the reason.
 */
export class EventConsumer {
  readonly queues: ServiceQueues;
  private channel: ConfirmChannel | null = null;
  private consumerTag: string | null = null;
  private inFlight = 0;
  private idle: Array<() => void> = [];
  private stopped = false;
  private readonly isTransient: (error: unknown) => boolean;
  private readonly handled = new HandledIds();

  constructor(
    private readonly connection: BusConnection,
    private readonly options: ConsumerOptions,
  ) {
    this.queues = serviceQueues(options.service, options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
    this.isTransient = options.isTransientError ?? defaultIsTransientError;
  }

  get bindingKeys(): string[] {
    return Object.keys(this.options.handlers);
  }

  /** Declares the topology and starts consuming, now and after every reconnection. */
  async start(): Promise<void> {
    await this.connection.onConnected((model) => this.subscribe(model));
  }

  /** Stops taking messages and waits for the ones in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    const channel = this.channel;
    if (channel !== null && this.consumerTag !== null) await channel.cancel(this.consumerTag).catch(() => undefined);
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    await channel?.close().catch(() => undefined);
    this.channel = null;
  }

  private async subscribe(model: ChannelModel): Promise<void> {
    if (this.stopped) return;
    const channel = await model.createConfirmChannel();
    channel.on('error', (error: Error) => this.options.logger.warn({ err: error }, 'consumer channel error'));
    await channel.prefetch(this.options.prefetch ?? 20);
    await assertServiceTopology(channel, this.queues, this.bindingKeys);
    const reply = await channel.consume(this.queues.main, (message) => {
      if (message !== null) void this.handle(channel, message);
    });
    this.channel = channel;
    this.consumerTag = reply.consumerTag;
  }

  private async handle(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    this.inFlight += 1;
    try {
      await this.process(channel, message);
    } catch (error) {
      // Only reachable when the channel died mid-way: the broker redelivers the message.
      this.options.logger.warn({ err: error }, 'message left unacknowledged; it will be redelivered');
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  private async process(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const attempt = attemptOf(message);
    const parsed = parseEventBytes(message.content);
    if (!parsed.ok) {
      this.options.logger.warn({ reason: parsed.reason, messageId: message.properties.messageId }, 'invalid message');
      await this.forward(channel, message, this.queues.dlq, { [HEADER_REASON]: parsed.reason });
      this.count(INVALID_EVENT_TYPE, 'dead_lettered');
      return;
    }
    const event = parsed.event;
    const handler = this.options.handlers[event.type] as EventHandler<EventType> | undefined;
    if (handler === undefined) {
      const reason = `no handler for "${event.type}" in ${this.options.service}`;
      await this.forward(channel, message, this.queues.dlq, { [HEADER_REASON]: reason });
      this.count(event.type, 'dead_lettered');
      return;
    }
    const handle = (): Promise<void> => this.handleEvent(channel, message, event, handler, attempt);
    // A consumer span continuing the publisher's, so handling (and its logs) join the event's trace.
    await (tracingEnabled() ? processInSpan(event, this.options.service, handle) : handle());
  }

  private async handleEvent(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    event: DomainEvent,
    handler: EventHandler<EventType>,
    attempt: number,
  ): Promise<void> {
    await runWithCorrelationId(event.correlationId, async () => {
      const log = this.options.logger.child({ eventId: event.id, eventType: event.type, attempt });
      const startedAt = performance.now();
      try {
        await handler(event, { log, attempt });
      } catch (error) {
        this.options.metrics?.consumerHandlingDuration.observe({ event_type: event.type }, (performance.now() - startedAt) / 1000);
        markActiveSpanFailed(error);
        this.count(event.type, await this.onHandlerFailure(channel, message, attempt, error, log));
        return;
      }
      this.options.metrics?.consumerHandlingDuration.observe({ event_type: event.type }, (performance.now() - startedAt) / 1000);
      channel.ack(message);
      this.count(event.type, this.handled.has(event.id) ? 'duplicate' : 'handled');
      this.handled.add(event.id);
    });
  }

  private async onHandlerFailure(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    attempt: number,
    error: unknown,
    log: Logger,
  ): Promise<'retried' | 'dead_lettered'> {
    const reason = error instanceof Error ? error.message : String(error);
    const retries = this.queues.retries;
    if (this.isTransient(error) && retries.length > 0) {
      log.warn({ err: error }, 'handler hit an unavailable dependency; retrying later');
      const longest = retries[retries.length - 1]!;
      await this.forward(channel, message, longest.name, { [HEADER_ATTEMPT]: attempt, [HEADER_REASON]: reason });
      return 'retried';
    }
    const next = retries[attempt];
    if (next !== undefined) {
      log.warn({ err: error, retryInMs: next.delayMs }, 'handler failed; retrying');
      await this.forward(channel, message, next.name, { [HEADER_ATTEMPT]: attempt + 1, [HEADER_REASON]: reason });
      return 'retried';
    }
    log.error({ err: error }, 'handler failed for the last time; dead-lettering');
    await this.forward(channel, message, this.queues.dlq, {
      [HEADER_ATTEMPT]: attempt,
      [HEADER_REASON]: `handler failed after ${attempt + 1} attempts: ${reason}`,
    });
    return 'dead_lettered';
  }

  private count(eventType: string, outcome: ConsumerOutcome): void {
    this.options.metrics?.consumerMessages.inc({ event_type: eventType, outcome });
  }

  /** Copies the message to `queue` with extra headers, and acks the original only once the copy is confirmed. */
  private async forward(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    queue: string,
    headers: Record<string, string | number>,
  ): Promise<void> {
    const properties: Options.Publish = {
      ...copyableProperties(message),
      headers: {
        ...ownHeaders(message),
        ...headers,
        [HEADER_ROUTING_KEY]: originalRoutingKey(message),
        [HEADER_FAILED_AT]: new Date().toISOString(),
      },
    };
    await new Promise<void>((resolve, reject) => {
      channel.sendToQueue(queue, message.content, properties, (error) => (error ? reject(error) : resolve()));
    });
    channel.ack(message);
  }
}

/** The message's headers without the broker's x-death bookkeeping, which would grow on every retry. */
function ownHeaders(message: ConsumeMessage): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.properties.headers ?? {})) {
    if (!name.startsWith('x-death') && !name.startsWith('x-first-death') && !name.startsWith('x-last-death')) {
      headers[name] = value;
    }
  }
  return headers;
}

function attemptOf(message: ConsumeMessage): number {
  const value: unknown = message.properties.headers?.[HEADER_ATTEMPT];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

function originalRoutingKey(message: ConsumeMessage): string {
  const recorded: unknown = message.properties.headers?.[HEADER_ROUTING_KEY];
  return typeof recorded === 'string' ? recorded : message.fields.routingKey;
}

function copyableProperties(message: ConsumeMessage): Options.Publish {
  const p = message.properties;
  const copy: Options.Publish = { persistent: true };
  if (typeof p.contentType === 'string') copy.contentType = p.contentType;
  if (typeof p.contentEncoding === 'string') copy.contentEncoding = p.contentEncoding;
  if (typeof p.messageId === 'string') copy.messageId = p.messageId;
  if (typeof p.type === 'string') copy.type = p.type;
  if (typeof p.correlationId === 'string') copy.correlationId = p.correlationId;
  if (typeof p.appId === 'string') copy.appId = p.appId;
  if (typeof p.timestamp === 'number') copy.timestamp = p.timestamp;
  return copy;
}
