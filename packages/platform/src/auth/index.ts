export { createJwtVerifier, type JwtVerifier, type JwtVerifierOptions } from './verifier.js';
export { AuthenticationError, KeySetUnavailableError, type AuthenticationFailure } from './errors.js';
export { ROLES, principalFromClaims, hasAnyRole, type Principal, type Role } from './principal.js';
export {
  authenticate,
  requireClient,
  requireRole,
  principalOf,
  requirePrincipal,
  bearerTokenFrom,
  type AuthenticateOptions,
} from './middleware.js';
export { verifyHandshakeToken } from './handshake.js';
