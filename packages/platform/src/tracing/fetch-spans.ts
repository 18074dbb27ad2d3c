import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_SERVER_ADDRESS, ATTR_URL_FULL } from '@opentelemetry/semantic-conventions';
import { recordFailure, tracer } from './spans.js';

let original: typeof fetch | null = null;

function requestTarget(input: Parameters<typeof fetch>[0]): { url: URL | null; method: string | undefined } {
  if (input instanceof Request) return { url: URL.parse(input.url), method: input.method };
  return { url: URL.parse(String(input)), method: undefined };
}

/**
 * A client span around every outgoing `fetch` of the process (the JWKS reads from Keycloak,
 * the user service's Keycloak admin calls, the event service's calls to ticketing), carrying
 * the W3C traceparent so a traced service on the other side continues the trace. Installed by
 * `startTracing`, removed by its shutdown. The query string never reaches the span.
 */
export function traceOutgoingFetch(): void {
  if (original !== null) return;
  const untraced = globalThis.fetch;
  original = untraced;
  globalThis.fetch = async (input, init) => {
    const target = requestTarget(input);
    const method = (init?.method ?? target.method ?? 'GET').toUpperCase();
    const span = tracer().startSpan(`${method} ${target.url?.host ?? 'unknown'}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: method,
        ...(target.url === null ? {} : { [ATTR_SERVER_ADDRESS]: target.url.hostname, [ATTR_URL_FULL]: `${target.url.origin}${target.url.pathname}` }),
      },
    });
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    propagation.inject(trace.setSpan(context.active(), span), headers, {
      set: (carrier, key, value) => carrier.set(key, value),
    });
    try {
      const response = await untraced(input, { ...init, headers });
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return response;
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  };
}

export function untraceOutgoingFetch(): void {
  if (original === null) return;
  globalThis.fetch = original;
  original = null;
}
