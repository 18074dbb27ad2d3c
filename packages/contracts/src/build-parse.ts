import type { Envelope } from './envelope.js';
import { envelopeHeaderSchema, newEventId } from './envelope.js';
import type { EventData, EventType } from './catalogue.js';
import { catalogue, isEventType } from './catalogue.js';

/** A fully typed envelope of one catalogued event type (a union when T is a union). */
export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: Envelope<K, EventData<K>>;
}[T];

export interface BuildEventInput<T extends EventType> {
  type: T;
  source: string;
  aggregateId: string;
  aggregateVersion: number;
  correlationId: string;
  /** W3C traceparent of the active span, when tracing is on. */
  traceparent?: string;
  data: EventData<T>;
  occurredAt?: Date;
}

/** Builds a new envelope and validates its payload against the catalogue (publishers never emit garbage). */
export function buildEvent<T extends EventType>(input: BuildEventInput<T>): DomainEvent<T> {
  const definition = catalogue[input.type];
  const data = definition.data.parse(input.data) as EventData<T>;
  const envelope = {
    id: newEventId(),
    type: input.type,
    version: definition.version,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    source: input.source,
    aggregateId: input.aggregateId,
    aggregateVersion: input.aggregateVersion,
    correlationId: input.correlationId,
    // No key at all without one: MongoDB would store an undefined as null.
    ...(input.traceparent === undefined ? {} : { traceparent: input.traceparent }),
    data,
  };
  return envelope as unknown as DomainEvent<T>;
}

export type ParseResult = { ok: true; event: DomainEvent } | { ok: false; reason: string };

/** Parses an untrusted message body into a catalogued event, or says precisely why it is not one. */
export function parseEvent(raw: unknown): ParseResult {
  const header = envelopeHeaderSchema.safeParse(raw);
  if (!header.success) return { ok: false, reason: `invalid envelope: ${summarize(header.error.issues)}` };
  const { type, version } = header.data;
  if (!isEventType(type)) return { ok: false, reason: `unknown event type "${type}"` };
  const definition = catalogue[type];
  if (version !== definition.version) {
    return { ok: false, reason: `unsupported version ${version} of "${type}" (expected ${definition.version})` };
  }
  const data = definition.data.safeParse((raw as { data?: unknown }).data);
  if (!data.success) return { ok: false, reason: `invalid data of "${type}": ${summarize(data.error.issues)}` };
  return { ok: true, event: { ...header.data, type, data: data.data } as DomainEvent };
}

/** Parses bytes from the wire (JSON) into a catalogued event. */
export function parseEventBytes(body: Uint8Array): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    return { ok: false, reason: 'body is not valid JSON' };
  }
  return parseEvent(raw);
}

function summarize(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
