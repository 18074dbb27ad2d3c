import { infra } from './infra.js';

/**
 * The environment a service under test reads: the real servers from infra/, its own fresh
 * database, and the JWKS of a test issuer (or the real Keycloak). Services parse it with the
 * same zod schema as in production, so a test also proves the config is complete.
 */
export function serviceTestEnv(options: {
  database: string;
  jwksUrl: string;
  issuer: string;
  audience?: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    PORT: '0',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    MONGO_URL: infra.mongoUrl,
    MONGO_DB: options.database,
    AMQP_URL: infra.amqpUrl,
    JWKS_URL: options.jwksUrl,
    JWT_ISSUER: options.issuer,
    JWT_AUDIENCE: options.audience ?? 'eventonight-api',
    SHUTDOWN_GRACE_MS: '2000',
    ...options.extra,
  };
}
