import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';
import { SpanKind, type Span } from '@opentelemetry/api';
import { recordFailure, tracer } from './spans.js';

/** Commands not worth a span: the driver's own handshakes and health checks. */
const QUIET_COMMANDS = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'saslStart', 'saslContinue', 'endSessions', 'buildInfo']);

/**
 * A client span per MongoDB command, from the driver's command monitoring (the client must
 * be created with `monitorCommands: true`). The driver emits `commandStarted` inside the
 * operation's async context, so the span is a child of the request or message being handled.
 */
export function traceMongoCommands(client: MongoClient): void {
  const open = new Map<number, Span>();
  client.on('commandStarted', (event: CommandStartedEvent) => {
    if (QUIET_COMMANDS.has(event.commandName)) return;
    const collection: unknown = event.command[event.commandName];
    const span = tracer().startSpan(`mongodb ${event.commandName}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'mongodb',
        'db.namespace': event.databaseName,
        'db.operation.name': event.commandName,
        ...(typeof collection === 'string' ? { 'db.collection.name': collection } : {}),
      },
    });
    open.set(event.requestId, span);
  });
  client.on('commandSucceeded', (event: CommandSucceededEvent) => {
    open.get(event.requestId)?.end();
    open.delete(event.requestId);
  });
  client.on('commandFailed', (event: CommandFailedEvent) => {
    const span = open.get(event.requestId);
    if (span === undefined) return;
    recordFailure(span, event.failure);
    span.end();
    open.delete(event.requestId);
  });
}
