import { SpanKind } from '@opentelemetry/api';
import { tracingEnabled } from './sdk.js';
import { inSpan } from './spans.js';

/** The names of `T`'s methods that return a promise. */
export type AsyncMethodOf<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T] &
  string;

/**
 * `port` with a client span around each call of `methods` (`<peer> <method>`), for calls to a
 * third party the platform has no instrumentation of (Stripe, Redis). Tracing off: `port` itself.
 * A proxy, so the port's own state stays in one object whatever is called through it.
 */
export function withClientSpans<T extends object>(port: T, peer: string, methods: ReadonlyArray<AsyncMethodOf<T>>): T {
  if (!tracingEnabled()) return port;
  const traced = new Set<string | symbol>(methods);
  const wrappers = new Map<string | symbol, unknown>();
  return new Proxy(port, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (!traced.has(property)) return value.bind(target);
      let wrapper = wrappers.get(property);
      if (wrapper === undefined) {
        const method = value as (...args: unknown[]) => Promise<unknown>;
        wrapper = (...args: unknown[]) =>
          inSpan(`${peer} ${String(property)}`, { kind: SpanKind.CLIENT, attributes: { 'peer.service': peer } }, () => method.apply(target, args));
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
}
