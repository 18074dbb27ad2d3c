import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { FORM_TYPE } from './body-parsers.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { problemsOf, type ProblemKind } from './declared-problems.js';
import { isTextResponse, type RecordedRoute } from './route-registry.js';

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

/** Refused in every input string by `parseInput` (the databases cannot store it), so documented on each. */
const NO_NUL: JsonSchema = { pattern: '^[^\\u0000]*$' };

/**
 * Whether a pattern could match a NUL: it has a negated class, `.`, `\S`/`\W`/`\D` or names U+0000.
 * Patterns of listed characters (`^[a-z]{3}$`, ids) cannot, and need no second pattern beside them
 * (generators cannot intersect two patterns: they would draw and throw away most values).
 */
function mayMatchNul(pattern: string): boolean {
  return /\[\^|\\[SWD0]|\\x00|\\u0000|(^|[^\\])\./.test(pattern);
}

/**
 * Adds the NUL rule to every free-text string of an input schema: as its `pattern`, or beside
 * a pattern it already has that could match a NUL (`allOf`). Formats, enums and constants cannot
 * hold a NUL anyway.
 */
function withNoNul(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) withNoNul(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as JsonSchema;
  for (const value of Object.values(schema)) withNoNul(value);
  const freeText = schema.type === 'string' && schema.format === undefined && schema.enum === undefined && schema.const === undefined;
  if (!freeText) return;
  if (schema.pattern === undefined) schema.pattern = NO_NUL.pattern;
  else if (typeof schema.pattern === 'string' && schema.pattern !== NO_NUL.pattern && mayMatchNul(schema.pattern)) {
    schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), NO_NUL];
  }
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // `any` for unrepresentable parts (transforms, dates) keeps one odd field from breaking the document.
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete generated.$schema; // the document's dialect already is 2020-12
  if (io === 'input') withNoNul(generated);
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

/**
 * One status's problems: the RFC 9457 body whose `type` is one of the listed URIs, and the
 * types with their titles in the description, for a reader who has only the document.
 */
function problemResponse(kinds: readonly ProblemKind[]): JsonSchema {
  const types = kinds.map((kind) => kind.type);
  const description = kinds.map((kind) => `\`${kind.type}\` ${kind.title}`).join('; ');
  return {
    description,
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { properties: { type: { enum: types } } }] },
      },
    },
  };
}

function responses(route: RecordedRoute): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    const description = STATUS_CODES[Number(status)] ?? 'Response';
    out[status] =
      schema === null
        ? { description }
        : isTextResponse(schema)
          ? { description, content: { [schema.mediaType]: { schema: { type: 'string' } } } }
          : { description, content: { 'application/json': { schema: jsonSchema(schema, 'output') } } };
  }
  const byStatus = new Map<number, ProblemKind[]>();
  for (const kind of problemsOf(route)) byStatus.set(kind.status, [...(byStatus.get(kind.status) ?? []), kind]);
  for (const [status, kinds] of byStatus) {
    const key = String(status);
    if (out[key] !== undefined) throw new Error(`${route.method.toUpperCase()} ${route.path} declares ${key} both as a response and as a problem`);
    out[key] = problemResponse(kinds);
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
    const mediaType = route.bodyType === 'form' ? FORM_TYPE : 'application/json';
    op.requestBody = { required: true, content: { [mediaType]: { schema: jsonSchema(route.body, 'input') } } };
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
