import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { problems } from '../http/problem.js';
import { AuthenticationError } from './errors.js';
import { hasAnyRole, type Principal, type Role } from './principal.js';
import type { JwtVerifier } from './verifier.js';

/** The principal of each authenticated request; a WeakMap keeps express's types untouched. */
const principals = new WeakMap<IncomingMessage, Principal>();

export function principalOf(req: IncomingMessage): Principal | undefined {
  return principals.get(req);
}

export function requirePrincipal(req: IncomingMessage): Principal {
  const principal = principals.get(req);
  if (principal === undefined) throw new AuthenticationError('missing');
  return principal;
}

/** RFC 6750 b64token after a case-insensitive "Bearer" scheme. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The token of an Authorization header; undefined when there is no header at all. */
export function bearerTokenFrom(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const match = BEARER.exec(header);
  if (match?.[1] === undefined) throw new AuthenticationError('malformed', 'authorization header is not a bearer token');
  return match[1];
}

export interface AuthenticateOptions {
  /** Let requests without an Authorization header through, without a principal. */
  optional?: boolean;
}

/** Verifies `Authorization: Bearer <token>` and records the principal for the rest of the request. */
export function authenticate(verifier: JwtVerifier, options: AuthenticateOptions = {}): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerTokenFrom(req.headers.authorization);
    if (token === undefined) {
      if (options.optional === true) return next();
      throw new AuthenticationError('missing');
    }
    principals.set(req, await verifier.verify(token));
    next();
  };
}

/** Lets through principals holding at least one of `roles`; runs after `authenticate`. */
/** Only tokens obtained by one OAuth client (`azp`): internal, service-to-service routes. */
export function requireClient(clientId: string): RequestHandler {
  return (req, _res, next) => {
    const principal = requirePrincipal(req);
    if (principal.clientId !== clientId) throw problems.forbidden('This endpoint is for internal services only.');
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const principal = requirePrincipal(req);
    if (!hasAnyRole(principal, roles)) throw problems.forbidden(`This requires the role ${roles.join(' or ')}.`);
    next();
  };
}
