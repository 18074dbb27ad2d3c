import { Problem } from '../http/problem.js';

/**
 * Why a token was refused. The reason goes to the log; the client only learns that the
 * token is missing, expired or invalid (RFC 6750 error codes in WWW-Authenticate).
 */
export type AuthenticationFailure = 'missing' | 'malformed' | 'expired' | 'invalid';

const DETAILS: Record<AuthenticationFailure, string> = {
  missing: 'A bearer token is required.',
  malformed: 'The Authorization header must be "Bearer <token>".',
  expired: 'The access token has expired.',
  invalid: 'The access token is invalid.',
};

function challenge(failure: AuthenticationFailure): string {
  // RFC 6750 §3.1: a request without credentials gets a bare challenge, no error code.
  if (failure === 'missing') return 'Bearer realm="eventonight"';
  if (failure === 'malformed') return 'Bearer realm="eventonight", error="invalid_request"';
  return 'Bearer realm="eventonight", error="invalid_token"';
}

export class AuthenticationError extends Problem {
  readonly failure: AuthenticationFailure;
  /** For the log only. */
  readonly reason: string;

  constructor(failure: AuthenticationFailure, reason: string = failure, cause?: unknown) {
    super('unauthorized', DETAILS[failure], {
      headers: { 'WWW-Authenticate': challenge(failure) },
      ...(cause === undefined ? {} : { cause }),
    });
    this.name = 'AuthenticationError';
    this.failure = failure;
    this.reason = reason;
  }
}

/** The key set could not be fetched, so a possibly valid token could not be checked: 503, not 401. */
export class KeySetUnavailableError extends Error {
  readonly unavailable = true;
  constructor(cause: unknown) {
    super('the JWKS endpoint is unreachable and no cached key matches the token', { cause });
    this.name = 'KeySetUnavailableError';
  }
}
