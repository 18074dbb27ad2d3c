import { infra } from './infra.js';
import { waitFor } from './wait.js';

/** One span as Jaeger's query API (`/api/traces/{id}`) returns it, with its service resolved. */
export interface TraceSpan {
  spanId: string;
  operationName: string;
  service: string;
  /** The CHILD_OF reference: undefined for the trace's root. */
  parentSpanId: string | undefined;
  /** span.kind and the other tags, as strings. */
  tags: Record<string, string>;
}

/** One trace as Jaeger's query API returns it (times in µs since the epoch). */
export interface JaegerTrace {
  traceID: string;
  spans: Array<{
    spanID: string;
    operationName: string;
    processID: string;
    startTime: number;
    duration: number;
    references?: Array<{ refType: string; spanID: string }>;
    tags?: Array<{ key: string; value: unknown }>;
  }>;
  processes: Record<string, { serviceName: string }>;
}

/** Fails with what to do when Jaeger's query API does not answer: a tracing test never skips. */
export async function assertJaegerReachable(queryUrl: string = infra.jaegerQueryUrl): Promise<void> {
  const reply = await fetch(`${queryUrl}/api/services`, { signal: AbortSignal.timeout(3_000) }).catch((error: unknown) => error);
  if (reply instanceof Response && reply.ok) return;
  const why = reply instanceof Response ? `answered ${reply.status}` : String(reply);
  throw new Error(`Jaeger's query API at ${queryUrl} is not reachable (${why}): start Jaeger (infra/) or set JAEGER_QUERY_URL`);
}

/** Trace `traceId` as Jaeger stores it so far; undefined while Jaeger has not received it. */
export async function fetchJaegerTrace(traceId: string, queryUrl: string = infra.jaegerQueryUrl): Promise<JaegerTrace | undefined> {
  const reply = await fetch(`${queryUrl}/api/traces/${traceId}`, { signal: AbortSignal.timeout(5_000) });
  if (reply.status === 404) return undefined;
  if (!reply.ok) throw new Error(`Jaeger answered ${reply.status} for trace ${traceId}: ${await reply.text()}`);
  const body = (await reply.json()) as { data?: JaegerTrace[] };
  return body.data?.[0];
}

/** The spans of trace `traceId` stored so far; none while Jaeger has not received it. */
export async function readTrace(traceId: string, queryUrl: string = infra.jaegerQueryUrl): Promise<TraceSpan[]> {
  const trace = await fetchJaegerTrace(traceId, queryUrl);
  if (trace === undefined) return [];
  return trace.spans.map((span) => ({
    spanId: span.spanID,
    operationName: span.operationName,
    service: trace.processes[span.processID]?.serviceName ?? '(unknown)',
    parentSpanId: span.references?.find((reference) => reference.refType === 'CHILD_OF')?.spanID,
    tags: Object.fromEntries((span.tags ?? []).map((tag) => [tag.key, String(tag.value)])),
  }));
}

/** Waits until trace `traceId` holds a span `until` accepts (spans arrive in batches), and returns all its spans. */
export async function waitForTrace(
  traceId: string,
  until: (spans: readonly TraceSpan[]) => boolean,
  options: { timeoutMs?: number; queryUrl?: string } = {},
): Promise<TraceSpan[]> {
  return waitFor(
    async () => {
      const spans = await readTrace(traceId, options.queryUrl);
      return until(spans) ? spans : undefined;
    },
    { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: 500, what: `trace ${traceId} in Jaeger` },
  );
}

/** The chain of spans from `span` up to the trace's root, `span` first. */
export function ancestry(spans: readonly TraceSpan[], span: TraceSpan): TraceSpan[] {
  const byId = new Map(spans.map((candidate) => [candidate.spanId, candidate]));
  const chain: TraceSpan[] = [span];
  for (let parent = span.parentSpanId; parent !== undefined; ) {
    const next = byId.get(parent);
    if (next === undefined || chain.includes(next)) break;
    chain.push(next);
    parent = next.parentSpanId;
  }
  return chain;
}
