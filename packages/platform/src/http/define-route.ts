import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { authenticate, principalOf, requireClient, requirePrincipal, requireRole } from '../auth/middleware.js';
import type { Principal } from '../auth/principal.js';
import type { JwtVerifier } from '../auth/verifier.js';
import { correlationIdOrNew } from '../context/correlation.js';
import type { Logger } from '../logger/logger.js';
import { formBody, jsonBody, rawBody } from './body-parsers.js';
import { correlationIdOf } from './correlation.js';
import { JsonText } from './json-text.js';
import { undeclaredProblemLogger } from './declared-problems.js';
import type { DeclaredProblem } from './problem.js';
import {
  isTextResponse,
  type AuthRequirement,
  type BodyMediaType,
  type HttpMethod,
  type RecordedRoute,
  type ResponseSchemas,
  type RouteRegistry,
  type TextResponse,
} from './route-registry.js';
import { parseInput } from './validation.js';

/** Where routes are mounted and recorded; `createHttpApp` returns one. */
export interface RouteHost {
  readonly router: Router;
  readonly routes: RouteRegistry;
  readonly logger: Logger;
  readonly bodyLimit: string | number;
  readonly verifier: JwtVerifier | undefined;
}

type MaybeSchema = z.ZodType | undefined;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type PrincipalFor<A> = A extends 'public' ? undefined : A extends 'optional' ? Principal | undefined : Principal;

/**
 * What a handler may answer: one of the declared statuses, with a body of that status's schema
 * (or that body already parsed and serialized by it: `JsonText`).
 */
export type RouteResult<R extends ResponseSchemas> = {
  [K in keyof R & number]: R[K] extends z.ZodType
    ? { status: K; body: z.input<R[K]> | JsonText<z.output<R[K]>>; headers?: Record<string, string> }
    : R[K] extends TextResponse
      ? { status: K; body: string | Buffer; headers?: Record<string, string> }
      : { status: K; body?: undefined; headers?: Record<string, string> };
}[keyof R & number];

export interface RouteInput<P, Q, H, B, A, Raw> {
  params: Parsed<P>;
  query: Parsed<Q>;
  headers: Parsed<H>;
  body: Raw extends true ? Buffer : Parsed<B>;
  principal: PrincipalFor<A>;
  correlationId: string;
  log: Logger;
}

export interface RouteDefinition<P, Q, H, B, R extends ResponseSchemas, A extends AuthRequirement, Raw extends boolean> {
  method: HttpMethod;
  /** Express syntax: `/events/:eventId`. */
  path: string;
  summary: string;
  description?: string;
  tags?: readonly string[];
  operationId?: string;
  /** Defaults to 'authenticated': a route is public only when it says so. */
  auth?: A;
  params?: P;
  query?: Q;
  headers?: H;
  body?: B;
  /**
   * How `body` travels: JSON (the default), or an HTML form's `application/x-www-form-urlencoded`
   * (each field a string; what RFC 8058's one-click unsubscribe POST sends). Any other type is 415.
   */
  bodyType?: BodyMediaType;
  /** Hand the handler the body's exact bytes instead of parsed JSON (webhook signatures). */
  rawBody?: Raw;
  /** Overrides the app's body limit for this route. */
  bodyLimit?: string | number;
  responses: R;
  /**
   * The problems the handler (its application and domain code) may answer, e.g. `['not-found',
   * 'version-conflict', soldOut]`. Those of the shared pipeline (validation, authentication,
   * body parsing, outages) are implied. The OpenAPI document lists exactly these and the implied.
   */
  problems?: readonly DeclaredProblem[];
}

export type RouteHandler<P, Q, H, B, R extends ResponseSchemas, A, Raw> = (
  input: RouteInput<P, Q, H, B, A, Raw>,
) => RouteResult<R> | Promise<RouteResult<R>>;

function authMiddlewares(auth: AuthRequirement, verifier: JwtVerifier | undefined, where: string): RequestHandler[] {
  if (auth === 'public') return [];
  if (verifier === undefined) throw new Error(`${where} requires authentication but the app has no JWT verifier`);
  if (auth === 'optional') return [authenticate(verifier, { optional: true })];
  if (auth === 'authenticated') return [authenticate(verifier)];
  if ('client' in auth) return [authenticate(verifier), requireClient(auth.client)];
  if (auth.roles.length === 0) throw new Error(`${where} lists no roles`);
  return [authenticate(verifier), requireRole(...auth.roles)];
}

interface AnyResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Response bodies go through their schema too: undeclared fields (an outbox, internal
 * versions) are stripped, and a body that breaks its own contract is a 500, not a leak.
 */
function send(res: Response, result: AnyResult, responses: ResponseSchemas, where: string): void {
  const schema = responses[result.status];
  if (schema === undefined) throw new Error(`${where} answered status ${result.status}, which it does not declare`);
  if (isTextResponse(schema)) {
    // The declared type first: a handler's own content-type (one with more parameters) may refine it.
    res.type(schema.mediaType.startsWith('text/') ? `${schema.mediaType}; charset=utf-8` : schema.mediaType);
    if (result.headers !== undefined) res.set(result.headers);
    if (typeof result.body !== 'string' && !Buffer.isBuffer(result.body)) throw new Error(`${where} answered a ${result.status} ${schema.mediaType} body that is not text or bytes`);
    res.status(result.status).send(result.body);
    return;
  }
  if (result.headers !== undefined) res.set(result.headers);
  if (schema === null) {
    res.status(result.status).end();
    return;
  }
  if (result.body instanceof JsonText) {
    res.status(result.status).type('application/json').send(result.body.text);
    return;
  }
  const parsed = schema.safeParse(result.body);
  if (!parsed.success) {
    throw new Error(`${where} answered a ${result.status} body that does not match its schema`, { cause: parsed.error });
  }
  res.status(result.status).json(parsed.data);
}

function parseIfDeclared(schema: z.ZodType | undefined, value: unknown, location: 'params' | 'query' | 'headers' | 'body') {
  return schema === undefined ? undefined : parseInput(schema, value, location);
}

/**
 * Registers an express route whose inputs are parsed by zod before the handler runs,
 * and records its schemas for the OpenAPI document. The handler returns
 * `{ status, body }`; thrown errors (sync or async) reach the error middleware.
 */
export function defineRoute<
  R extends ResponseSchemas,
  P extends MaybeSchema = undefined,
  Q extends MaybeSchema = undefined,
  H extends MaybeSchema = undefined,
  B extends MaybeSchema = undefined,
  A extends AuthRequirement = 'authenticated',
  Raw extends boolean = false,
>(
  host: RouteHost,
  definition: RouteDefinition<P, Q, H, B, R, A, Raw>,
  handler: NoInfer<RouteHandler<P, Q, H, B, R, A, Raw>>,
): void {
  const { method, path, responses } = definition;
  const auth: AuthRequirement = definition.auth ?? 'authenticated';
  const isRaw = definition.rawBody === true;
  const where = `route ${method.toUpperCase()} ${path}`;
  if (isRaw && definition.body !== undefined) throw new Error(`${where} cannot have both rawBody and a body schema`);

  const bodyType: BodyMediaType = definition.bodyType ?? 'json';
  if (bodyType === 'form' && definition.body === undefined) throw new Error(`${where} has bodyType form but no body schema`);
  const limit = definition.bodyLimit ?? host.bodyLimit;
  const bodyParsers: RequestHandler[] = isRaw ? [rawBody(limit)] : definition.body === undefined ? [] : bodyType === 'form' ? formBody(limit) : jsonBody(limit);
  const log = host.logger.child({ route: `${method.toUpperCase()} ${path}` });

  const recorded: RecordedRoute = {
    method,
    path,
    summary: definition.summary,
    auth,
    rawBody: isRaw,
    bodyType,
    responses,
    problems: definition.problems ?? [],
    ...(definition.description === undefined ? {} : { description: definition.description }),
    ...(definition.tags === undefined ? {} : { tags: definition.tags }),
    ...(definition.operationId === undefined ? {} : { operationId: definition.operationId }),
    ...(definition.params === undefined ? {} : { params: definition.params }),
    ...(definition.query === undefined ? {} : { query: definition.query }),
    ...(definition.headers === undefined ? {} : { headers: definition.headers }),
    ...(definition.body === undefined ? {} : { body: definition.body }),
  };
  host.routes.add(recorded);
  const logUndeclared = undeclaredProblemLogger(recorded, log);

  const run = async (req: Request, res: Response): Promise<void> => {
    try {
      const input = {
        params: parseIfDeclared(definition.params, req.params, 'params'),
        query: parseIfDeclared(definition.query, req.query, 'query'),
        headers: parseIfDeclared(definition.headers, req.headers, 'headers'),
        body: isRaw
          ? Buffer.isBuffer(req.body)
            ? req.body
            : Buffer.alloc(0)
          : parseIfDeclared(definition.body, req.body, 'body'),
        principal: auth === 'public' ? undefined : auth === 'optional' ? principalOf(req) : requirePrincipal(req),
        correlationId: correlationIdOf(req) ?? correlationIdOrNew(),
        log,
      } as RouteInput<P, Q, H, B, A, Raw>;
      const result: AnyResult = await handler(input);
      send(res, result, responses, where);
    } catch (error) {
      logUndeclared(error);
      throw error;
    }
  };

  // Authentication runs before the body is read, so anonymous callers cannot make us parse.
  host.router[method](path, ...authMiddlewares(auth, host.verifier, where), ...bodyParsers, run);
}
