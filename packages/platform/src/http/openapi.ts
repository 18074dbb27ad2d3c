import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import type { RecordedRoute } from './route-registry.js';

/**
 * OpenAPI 3.1 from the recorded routes. 3.1 uses JSON Schema 2020-12, which is what
 * zod's `z.toJSONSchema` emits, so schemas are embedded as generated. Request parts
 * are described as the client sends them (`io: 'input'`), responses as sent back.
 */

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

const BEARER = 'bearerAuth';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // `any` for unrepresentable parts (transforms, dates) keeps one odd field from breaking the document.
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete generated.$schema; // the document's dialect already is 2020-12
  return generated;
}

/** Express `/events/:eventId` -> OpenAPI `/events/{eventId}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query' | 'header'): JsonSchema[] {
  if (schema === undefined) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(object.required) ? object.required : []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

function problemResponse(description: string): JsonSchema {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } };
}

function responses(route: RecordedRoute): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    const description = STATUS_CODES[Number(status)] ?? 'Response';
    out[status] =
      schema === null ? { description } : { description, content: { 'application/json': { schema: jsonSchema(schema, 'output') } } };
  }
  // The problems the pipeline itself can answer, unless the route documents them itself.
  const hasInput = route.params ?? route.query ?? route.headers ?? route.body;
  const implied: Array<[string, string, boolean]> = [
    ['400', 'Invalid request (problem details)', hasInput !== undefined],
    ['401', 'Missing or invalid bearer token', route.auth !== 'public'],
    ['403', 'Lacks the required role or client', typeof route.auth === 'object'],
    ['413', 'Body too large', route.body !== undefined || route.rawBody],
    ['415', 'Body is not JSON', route.body !== undefined],
    ['500', 'Unexpected error', true],
    ['503', 'A dependency is unavailable', true],
  ];
  for (const [status, description, applies] of implied) {
    if (applies && out[status] === undefined) out[status] = problemResponse(description);
  }
  return out;
}

function operation(route: RecordedRoute): Operation {
  const op: Operation = {
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    ...(route.tags === undefined ? {} : { tags: [...route.tags] }),
    ...(route.operationId === undefined ? {} : { operationId: route.operationId }),
  };
  const params = [
    ...parameters(route.params, 'path'),
    ...parameters(route.query, 'query'),
    ...parameters(route.headers, 'header'),
  ];
  if (params.length > 0) op.parameters = params;
  if (route.body !== undefined) {
    op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
  } else if (route.rawBody) {
    op.requestBody = { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } };
  }
  if (route.auth === 'optional') op.security = [{}, { [BEARER]: [] }];
  else if (route.auth !== 'public') op.security = [{ [BEARER]: [] }];
  if (typeof route.auth === 'object') {
    if ('client' in route.auth) op['x-required-client'] = route.auth.client;
    else op['x-required-roles'] = [...route.auth.roles];
  }
  op.responses = responses(route);
  return op;
}

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          location: { type: 'string', enum: ['params', 'query', 'body', 'headers'] },
          path: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
  },
};

export function buildOpenApiDocument(routes: readonly RecordedRoute[], info: OpenApiInfo): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      securitySchemes: { [BEARER]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: problemSchema },
    },
  };
}
