/**
 * When and how this process traces, from its environment (ADR 0036). Tracing is off unless an
 * OTLP endpoint is named, and OTEL_SDK_DISABLED=true turns it off whatever else is set.
 */
export interface TracingSettings {
  enabled: boolean;
  /** Where spans go: `<endpoint>/v1/traces` (OTLP over HTTP, protobuf). */
  tracesUrl: string | undefined;
  /** Share of new traces kept (parent-based: a request that arrives sampled stays sampled). */
  sampleRatio: number;
}

const OFF: TracingSettings = { enabled: false, tracesUrl: undefined, sampleRatio: 0 };

export function tracingSettingsFrom(env: NodeJS.ProcessEnv): TracingSettings {
  const endpoint = env['OTEL_EXPORTER_OTLP_ENDPOINT']?.trim();
  if (endpoint === undefined || endpoint === '') return OFF;
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return OFF;
  return { enabled: true, tracesUrl: `${endpoint.replace(/\/+$/, '')}/v1/traces`, sampleRatio: sampleRatioFrom(env) };
}

/** OTEL_TRACES_SAMPLER_ARG in [0, 1]; unset or unreadable means every trace (1.0). */
function sampleRatioFrom(env: NodeJS.ProcessEnv): number {
  const raw = env['OTEL_TRACES_SAMPLER_ARG']?.trim();
  if (raw === undefined || raw === '') return 1;
  const ratio = Number(raw);
  if (!Number.isFinite(ratio)) return 1;
  return Math.min(1, Math.max(0, ratio));
}
