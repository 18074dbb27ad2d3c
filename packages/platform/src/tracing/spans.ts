import { SpanKind, SpanStatusCode, context, trace, type Attributes, type Context, type Span, type Tracer } from '@opentelemetry/api';

export { SpanKind };
export type { Span };

const TRACER_NAME = '@eventonight/platform';

export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The parent; the active context when omitted. */
  parent?: Context;
}

/** Marks the span failed with the error, without letting a bad error value break anything. */
export function recordFailure(span: Span, error: unknown): void {
  if (error instanceof Error) span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs `work` inside a new active span, ending it when `work` settles (failed when it throws).
 * Callers check `tracingEnabled()` first on hot paths; this one works either way.
 */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    recordFailure(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Marks the active span failed: for failures that are handled (retried, dead-lettered), not thrown. */
export function markActiveSpanFailed(error: unknown): void {
  const span = trace.getActiveSpan();
  if (span !== undefined) recordFailure(span, error);
}
