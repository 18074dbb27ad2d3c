import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { tracingSettingsFrom } from './settings.js';
import { traceOutgoingFetch, untraceOutgoingFetch } from './fetch-spans.js';

export interface TracingHandle {
  readonly enabled: boolean;
  /** Exports what is buffered and, for the last user of the SDK in this process, stops it. */
  shutdown(): Promise<void>;
}

interface Running {
  provider: TracerProvider;
  contextManager: AsyncLocalStorageContextManager;
  users: number;
}

/** One SDK per process: services started in one test process share the first one's. */
let running: Running | null = null;

/** True while an SDK runs in this process; every span helper checks it first, so tracing off costs a branch. */
export function tracingEnabled(): boolean {
  return running !== null;
}

const DISABLED: TracingHandle = { enabled: false, shutdown: async () => undefined };

/**
 * Starts the OpenTelemetry SDK when the environment asks for it (settings.ts): W3C trace
 * context, async-local context, parent-based ratio sampling, a batch processor exporting
 * OTLP/HTTP. Called first by `startService`; the handle's shutdown is its last step.
 */
export function startTracing(service: string, version: string | undefined, env: NodeJS.ProcessEnv = process.env): TracingHandle {
  const settings = tracingSettingsFrom(env);
  if (!settings.enabled) return DISABLED;
  if (running === null) {
    const provider = new TracerProvider({
      resource: resourceFromAttributes({
        [ATTR_SERVICE_NAME]: service,
        ...(version === undefined ? {} : { [ATTR_SERVICE_VERSION]: version }),
      }),
      sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.sampleRatio) }),
      spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: settings.tracesUrl }) })],
    });
    const contextManager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(contextManager);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    running = { provider, contextManager, users: 0 };
    traceOutgoingFetch();
  }
  const current = running;
  current.users += 1;
  let stopped = false;
  return {
    enabled: true,
    async shutdown() {
      if (stopped) return;
      stopped = true;
      current.users -= 1;
      if (current.users > 0) {
        await current.provider.forceFlush().catch(() => undefined);
        return;
      }
      if (running === current) running = null;
      untraceOutgoingFetch();
      await current.provider.shutdown().catch(() => undefined);
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}
