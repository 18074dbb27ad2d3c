import openapiTS, { astToString } from 'openapi-typescript';

/**
 * The API types of the web app, generated from each service's own `/openapi.json`. Shared by
 * the generator (scripts/gen-api.ts, writes the files) and the staleness test (compares).
 */

export const API_SERVICES = ['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media'] as const;
export type ApiService = (typeof API_SERVICES)[number];

export const GENERATED_DIR = new URL('../src/api/generated/', import.meta.url);

export function generatedFile(service: ApiService): URL {
  return new URL(`${service}.ts`, GENERATED_DIR);
}

const HEADER =
  '// Generated from the service\'s /openapi.json by `npm run -w @eventonight/web gen:api`. Do not edit:\n' +
  '// web/e2e/api-client.test.ts fails when this file no longer matches the service.\n\n';

export async function fetchSpec(baseUrl: string): Promise<Record<string, unknown>> {
  const reply = await fetch(`${baseUrl.replace(/\/+$/, '')}/openapi.json`, { signal: AbortSignal.timeout(10_000) });
  if (!reply.ok) throw new Error(`${baseUrl}/openapi.json answered ${reply.status}`);
  return (await reply.json()) as Record<string, unknown>;
}

/** The TypeScript module for one service's OpenAPI document. */
export async function typesFor(spec: Record<string, unknown>): Promise<string> {
  // openapi-typescript takes the parsed document as-is (it validates and resolves $refs itself).
  const ast = await openapiTS(spec as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}
