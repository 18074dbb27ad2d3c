import { SpanKind, SpanStatusCode, context, trace, type Attributes, type Span } from '@opentelemetry/api';
import type { DomainEvent } from '@eventonight/contracts';
import { tracer, inSpan } from './spans.js';
import { contextOfTraceparent, traceparentOf } from './traceparent.js';

function messageAttributes(event: DomainEvent, operation: 'send' | 'process'): Attributes {
  return {
    'messaging.system': 'rabbitmq',
    'messaging.operation.type': operation,
    'messaging.destination.name': 'eventonight',
    'messaging.rabbitmq.destination.routing_key': event.type,
    'messaging.message.id': event.id,
    'messaging.message.conversation_id': event.correlationId,
  };
}

/**
 * The producer span of one event's publish: a child of the context stored with the event in
 * the outbox (the request that wrote it), so the trace runs on unbroken through the relay.
 * End it with `endPublishSpan` once the broker confirmed or refused.
 */
export function startPublishSpan(event: DomainEvent): Span {
  return tracer().startSpan(
    `publish ${event.type}`,
    { kind: SpanKind.PRODUCER, attributes: messageAttributes(event, 'send') },
    contextOfTraceparent(event.traceparent),
  );
}

export function endPublishSpan(span: Span, confirmed: boolean): void {
  if (!confirmed) span.setStatus({ code: SpanStatusCode.ERROR, message: 'not confirmed by the broker' });
  span.end();
}

/** The event as sent: its traceparent now names the publish span, which consumers continue. */
export function eventSentIn<T extends DomainEvent>(event: T, span: Span): T {
  const traceparent = traceparentOf(trace.setSpan(context.active(), span));
  return traceparent === undefined ? event : { ...event, traceparent };
}

/** Runs a consumed event's handling in a consumer span, the child of the span that published it. */
export function processInSpan<T>(event: DomainEvent, service: string, work: () => Promise<T>): Promise<T> {
  return inSpan(
    `process ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      parent: contextOfTraceparent(event.traceparent),
      attributes: { ...messageAttributes(event, 'process'), 'messaging.consumer.group.name': service },
    },
    work,
  );
}
