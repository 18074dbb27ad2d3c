import { AuthenticationError } from './errors.js';
import type { Principal } from './principal.js';
import type { JwtVerifier } from './verifier.js';

/**
 * For transports without HTTP middleware (a Socket.IO handshake's `auth.token`):
 * accepts the raw token or "Bearer <token>" and returns the principal, or throws
 * AuthenticationError.
 */
export async function verifyHandshakeToken(verifier: JwtVerifier, token: unknown): Promise<Principal> {
  if (typeof token !== 'string' || token.trim() === '') throw new AuthenticationError('missing');
  const raw = token.trim().replace(/^Bearer +/i, '');
  return verifier.verify(raw);
}
