import type { z } from 'zod';
import type { Role } from '../auth/principal.js';
import type { DeclaredProblem } from './problem.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route. `optional` verifies a token when one is sent and gives the
 * handler `principal | undefined`; `public` ignores the Authorization header.
 */
/**
 * Who may call a route. `{ client }`: only tokens issued to that OAuth client (`azp`), for
 * service-to-service routes; checked like a role, before the body is read.
 */
export type AuthRequirement = 'public' | 'optional' | 'authenticated' | { roles: readonly Role[] } | { client: string };

/** The media type of a route's parsed body: JSON, or an HTML form (`application/x-www-form-urlencoded`). */
export type BodyMediaType = 'json' | 'form';

/** A body that is not JSON (a calendar file, a CSV): its media type, sent as the handler's text or bytes. */
export interface TextResponse {
  readonly kind: 'text';
  /** Without parameters, e.g. `text/calendar`; text types are sent with `charset=utf-8`. */
  readonly mediaType: string;
}

export function textResponse(mediaType: string): TextResponse {
  return { kind: 'text', mediaType };
}

export function isTextResponse(value: unknown): value is TextResponse {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'text';
}

/**
 * Response body per status code: a zod schema (JSON), `null` for a response without a body (e.g.
 * 204), or `textResponse(mediaType)` for any other body.
 */
export type ResponseSchemas = Readonly<Record<number, z.ZodType | null | TextResponse>>;

/** What a route declared, kept for the OpenAPI document. */
export interface RecordedRoute {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tags?: readonly string[];
  operationId?: string;
  auth: AuthRequirement;
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  body?: z.ZodType;
  rawBody: boolean;
  /** How `body` is sent; unset = JSON. */
  bodyType?: BodyMediaType;
  responses: ResponseSchemas;
  /** The problems the handler may answer beyond the pipeline's own (declared-problems.ts). */
  problems: readonly DeclaredProblem[];
}

export class RouteRegistry {
  private readonly recorded: RecordedRoute[] = [];
  private listeners: Array<() => void> = [];

  add(route: RecordedRoute): void {
    const duplicate = this.recorded.some((r) => r.method === route.method && r.path === route.path);
    if (duplicate) throw new Error(`route ${route.method.toUpperCase()} ${route.path} is defined twice`);
    this.recorded.push(route);
    for (const listener of this.listeners) listener();
  }

  list(): readonly RecordedRoute[] {
    return this.recorded;
  }

  /** Called after each `add`, so derived documents can be rebuilt. */
  onChange(listener: () => void): void {
    this.listeners = [...this.listeners, listener];
  }
}
