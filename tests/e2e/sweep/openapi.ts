import { SERVICE_NAMES, type RunningSystem, type ServiceName } from '@eventonight/testing';

/**
 * The part of the services' OpenAPI 3.1 documents the sweep reads: each operation with its
 * parameters, its JSON body schema and who may call it. The schemas are what zod generated
 * (JSON Schema 2020-12), so only the keywords zod emits are modelled.
 */

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  /** Alternatives of which exactly one holds (media's upload body, one per purpose; registration, one per role). */
  oneOf?: JsonSchema[];
  /** Further rules on the same value: here, patterns beside the node's own (ADR 0028). */
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

export type ParameterLocation = 'path' | 'query' | 'header';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: JsonSchema;
}

export type Access = 'public' | 'optional' | 'required';

export interface Operation {
  service: ServiceName;
  method: string;
  /** The OpenAPI template, e.g. `/events/{eventId}/like`. */
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema; undefined when the route takes no JSON body. */
  body: JsonSchema | undefined;
  /** The route reads the raw bytes (a webhook verified on its signature). */
  rawBody: boolean;
  access: Access;
  roles: string[];
}

/** `service METHOD /path`, how operations are named in overrides and failure messages. */
export function operationKey(op: Pick<Operation, 'service' | 'method' | 'path'>): string {
  return `${op.service} ${op.method.toUpperCase()} ${op.path}`;
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: Array<Record<string, unknown>>;
  'x-required-roles'?: string[];
}

function accessOf(security: RawOperation['security']): Access {
  if (security === undefined || security.length === 0) return 'public';
  // `[{}, { bearerAuth: [] }]`: the empty requirement means "or no token at all".
  return security.some((requirement) => Object.keys(requirement).length === 0) ? 'optional' : 'required';
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operationsOf(service: ServiceName, document: unknown): Operation[] {
  const paths = (document as { paths?: Record<string, Record<string, RawOperation>> }).paths;
  if (paths === undefined) throw new Error(`${service}: /openapi.json has no paths`);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      if (!METHODS.has(method)) continue;
      const content = raw.requestBody?.content ?? {};
      operations.push({
        service,
        method,
        path,
        parameters: raw.parameters ?? [],
        body: content['application/json']?.schema,
        rawBody: content['application/json'] === undefined && Object.keys(content).length > 0,
        access: accessOf(raw.security),
        roles: raw['x-required-roles'] ?? [],
      });
    }
  }
  return operations;
}

/** Every operation of every service, read from the running services' own documents. */
export async function loadOperations(system: RunningSystem): Promise<Operation[]> {
  const documents = await Promise.all(
    SERVICE_NAMES.map(async (service) => {
      const response = await fetch(`${system.url(service)}/openapi.json`);
      if (response.status !== 200) throw new Error(`${service}: /openapi.json → HTTP ${response.status}`);
      return operationsOf(service, await response.json());
    }),
  );
  return documents.flat();
}
