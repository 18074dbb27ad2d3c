export { startTracing, tracingEnabled, type TracingHandle } from './sdk.js';
export { tracingSettingsFrom, type TracingSettings } from './settings.js';
export { SpanKind, inSpan, markActiveSpanFailed, recordFailure, tracer, type Span, type SpanOptions } from './spans.js';
export { contextOfTraceparent, traceparentOf } from './traceparent.js';
export { traceLogFields, type TraceLogFields } from './log-fields.js';
export { httpServerSpans } from './http-span.js';
export { traceMongoCommands } from './mongo-spans.js';
export { endPublishSpan, eventSentIn, processInSpan, startPublishSpan } from './messaging.js';
export { withClientSpans, type AsyncMethodOf } from './port-spans.js';
