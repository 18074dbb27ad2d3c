import { ROOT_CONTEXT, context, propagation, trace, type Context, type Span } from '@opentelemetry/api';
import { tracingEnabled } from './sdk.js';

const TRACEPARENT = 'traceparent';

/** The W3C traceparent of `span`, or of the active span; undefined when tracing is off or nothing is active. */
export function traceparentOf(target: Context | Span = context.active()): string | undefined {
  if (!tracingEnabled()) return undefined;
  const ctx = 'spanContext' in target ? trace.setSpan(ROOT_CONTEXT, target) : target;
  if (trace.getSpanContext(ctx) === undefined) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier[TRACEPARENT];
}

/** The context a stored or received traceparent continues; the root context without one. */
export function contextOfTraceparent(traceparent: string | undefined): Context {
  if (traceparent === undefined || !tracingEnabled()) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { [TRACEPARENT]: traceparent });
}
