import { TraceFlags, isSpanContextValid, trace } from '@opentelemetry/api';
import { tracingEnabled } from './sdk.js';

export interface TraceLogFields {
  trace_id?: string;
  span_id?: string;
}

const NONE: TraceLogFields = {};

/**
 * trace_id and span_id of the active span, for every log line written inside it (logger mixin).
 * Only for a sampled span: an id whose trace was never kept would send the reader looking for nothing.
 */
export function traceLogFields(): TraceLogFields {
  if (!tracingEnabled()) return NONE;
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext === undefined || !isSpanContextValid(spanContext)) return NONE;
  if ((spanContext.traceFlags & TraceFlags.SAMPLED) === 0) return NONE;
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
