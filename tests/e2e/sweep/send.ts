import type { RunningSystem } from '@eventonight/testing';
import { urlPath, type SweepRequest } from './requests.js';

/** Sends the sweep's requests exactly as built (no client-side fixing up) and keeps each answer. */

export interface Outcome {
  request: SweepRequest;
  /** 0 when no HTTP answer came (connection reset, timeout): a crash or a hang. */
  status: number;
  contentType: string;
  /** Parsed JSON when the answer was JSON, else undefined. */
  json: unknown;
  text: string;
  error?: string;
}

/** Resolves a request's caller to the Authorization header it sends (or none). */
export type Authorizer = (request: SweepRequest) => string | undefined;

const TIMEOUT_MS = 20_000;

function bodyOf(request: SweepRequest): { body?: string; contentType?: string } {
  switch (request.body.kind) {
    case 'none':
      return {};
    case 'json':
      return { body: JSON.stringify(request.body.value), contentType: 'application/json' };
    case 'raw':
      return { body: request.body.text, contentType: request.body.contentType };
  }
}

export async function send(system: RunningSystem, request: SweepRequest, authorize: Authorizer): Promise<Outcome> {
  const headers: Record<string, string> = { ...request.headers };
  const authorization = authorize(request);
  if (authorization !== undefined) headers['authorization'] = authorization;
  const { body, contentType } = bodyOf(request);
  if (contentType !== undefined) headers['content-type'] = contentType;
  try {
    const response = await fetch(`${system.url(request.op.service)}${urlPath(request)}`, {
      method: request.op.method.toUpperCase(),
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    let json: unknown;
    if (/json/.test(type)) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { request, status: response.status, contentType: type, json, text };
  } catch (error) {
    return { request, status: 0, contentType: '', json: undefined, text: '', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Sends `requests` with at most `concurrency` in flight; answers come back in request order. */
export async function sendAll(
  system: RunningSystem,
  requests: readonly SweepRequest[],
  authorize: Authorizer,
  concurrency: number,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(requests.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const index = next++;
      outcomes[index] = await send(system, requests[index] as SweepRequest, authorize);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  return outcomes;
}
